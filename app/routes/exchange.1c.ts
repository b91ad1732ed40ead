import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requestContext } from "~/modules/accounts/accounts.server";
import { handleExchange } from "~/modules/integration/integration.server";

/** 1C «обмен с сайтом» (CommerceML 2): GET for checkauth/init/import/query/success, POST for file. */
export function loader({ request, context }: LoaderFunctionArgs) {
  return handleExchange(request, requestContext(request, context as { clientIp?: string }));
}

export function action({ request, context }: ActionFunctionArgs) {
  return handleExchange(request, requestContext(request, context as { clientIp?: string }));
}
