import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { apiErrorResponse, bearerToken, handleApiRequest } from "~/modules/integration/integration.server";
import { getComparison } from "~/modules/quotes/quotes.server";

/** The comparison as JSON for the buyer (same use case as the page: sealed RFQs show no prices before opening). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  // An ERP with an API key (Authorization: Bearer) gets the same JSON through the REST API's key checks.
  if (bearerToken(request)) return handleApiRequest(request);
  const actor = await requireActor(request, { kind: "BUYER" });
  try {
    const comparison = await getComparison(actor, params.id ?? "");
    return Response.json(comparison, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
