import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { getContractPdf } from "~/modules/orders/documents.server";
import { documentResponse, orderHttp } from "~/modules/orders/http.server";

/** The договор поставки with its спецификация, from the template in force; parties and operators only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return documentResponse(await orderHttp(getContractPdf(actor, params.id ?? "")));
}
