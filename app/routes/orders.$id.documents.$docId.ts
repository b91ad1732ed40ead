import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { readDocument } from "~/modules/orders/documents.server";
import { documentResponse, orderHttp } from "~/modules/orders/http.server";

/** One stored version of an order document (generated or an uploaded signed scan); parties and operators only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return documentResponse(await orderHttp(readDocument(actor, params.id ?? "", params.docId ?? "")));
}
