import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { documentResponse, orderHttp, readDocument } from "~/modules/orders/index.server";

/** One stored version of an order document (generated or an uploaded signed scan); parties and operators only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return documentResponse(await orderHttp(readDocument(actor, params.id ?? "", params.docId ?? "")));
}
