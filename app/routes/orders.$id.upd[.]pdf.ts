import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { documentResponse, getUpd, orderHttp } from "~/modules/orders/index.server";

/** The printed УПД of a shipment (`?shipment=<id>` when the order has several); parties and operators only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const shipmentId = new URL(request.url).searchParams.get("shipment");
  return documentResponse(await orderHttp(getUpd(actor, params.id ?? "", { shipmentId, format: "pdf" })));
}
