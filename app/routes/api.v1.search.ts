import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseSearchParams } from "~/modules/search/search.schema";
import { searchApiResponse } from "~/modules/search/search.server";
import { logger } from "~/utils/logger.server";

/** GET /api/v1/search — public JSON search with the parameters of /catalog (docs/api-search.md). */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  const headers = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };
  if (!parsed.success) {
    return Response.json(
      { error: { code: "invalid_parameters", message: "Invalid search parameters", issues: parsed.issues } },
      { status: 400, headers },
    );
  }
  try {
    return Response.json(await searchApiResponse(parsed.data), { headers });
  } catch (error) {
    logger.error({ err: error }, "search API failed");
    return Response.json(
      { error: { code: "search_unavailable", message: "Search is temporarily unavailable" } },
      { status: 503, headers },
    );
  }
}
