import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleApiRequest } from "~/modules/integration/integration.server";

/** REST API v1 for ERPs (API keys): every /api/v1/* path without a route of its own. */
export function loader({ request }: LoaderFunctionArgs) {
  return handleApiRequest(request);
}

export function action({ request }: ActionFunctionArgs) {
  return handleApiRequest(request);
}
