import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { documentResponse, getUpd, orderHttp } from "~/modules/orders/index.server";

/** The УПД of a shipment as ЭДО XML 5.03 in windows-1251 (`?shipment=<id>` when the order has several). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const shipmentId = new URL(request.url).searchParams.get("shipment");
  return documentResponse(await orderHttp(getUpd(actor, params.id ?? "", { shipmentId, format: "xml" })));
}
