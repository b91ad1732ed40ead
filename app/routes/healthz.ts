import type { LoaderFunctionArgs } from "@remix-run/node";
import { getHealth } from "~/utils/health.server";

/** JSON health for load balancers and outside checks: 200 when the database answers, 503 otherwise. */
export async function loader(_args: LoaderFunctionArgs) {
  const health = await getHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
