import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { contentDisposition } from "~/modules/files/files.server";
import { orderHttp } from "~/modules/orders/index.server";
import { getInvoicePdf } from "~/modules/orders/orders.server";

/**
 * The счёт на оплату of an order, only for its buyer and supplier (anyone else: 404). `?kind=advance|balance` chooses
 * the счёт на предоплату or the счёт on the balance of an order with prepayment; without it, the order's first счёт.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const raw = new URL(request.url).searchParams.get("kind");
  const kind = raw === "advance" ? "ADVANCE" : raw === "balance" ? "BALANCE" : raw === "full" ? "FULL" : undefined;
  if (raw !== null && !kind) throw new Response("Bad Request: kind is advance, balance or full", { status: 400 });
  const { filename, pdf } = await orderHttp(getInvoicePdf(actor, params.id ?? "", kind));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": contentDisposition(filename, "attachment"),
      "Cache-Control": "private, no-store",
    },
  });
}
