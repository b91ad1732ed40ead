import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildOpenApiDocument } from "~/modules/integration/integration.server";

/** The OpenAPI 3.1 document of REST API v1 (public, like any API description). */
export function loader({ request }: LoaderFunctionArgs) {
  const origin = new URL(request.url).origin;
  return Response.json(buildOpenApiDocument(origin), { headers: { "Cache-Control": "public, max-age=300" } });
}
