import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { documentResponse, getContractPdf, orderHttp } from "~/modules/orders/index.server";

/** The договор поставки with its спецификация, from the template in force; parties and operators only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return documentResponse(await orderHttp(getContractPdf(actor, params.id ?? "")));
}
