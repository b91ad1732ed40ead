import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { contentDisposition } from "~/modules/files/files.server";
import { orderHttp } from "~/modules/orders/http.server";
import { getInvoicePdf } from "~/modules/orders/orders.server";

/** The счёт на оплату of an order, only for its buyer and supplier (anyone else: 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { filename, pdf } = await orderHttp(getInvoicePdf(actor, params.id ?? ""));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": contentDisposition(filename, "attachment"),
      "Cache-Control": "private, no-store",
    },
  });
}
