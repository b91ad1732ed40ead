import type { LoaderFunctionArgs } from "@remix-run/node";
import { getActor } from "~/modules/accounts/accounts.server";
import { countCart } from "~/modules/rfq/rfq.server";

/** Number of products in the signed-in buyer's RFQ cart (header badge). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const count = actor ? await countCart(actor) : 0;
  return Response.json({ count }, { headers: { "Cache-Control": "private, no-store" } });
}
