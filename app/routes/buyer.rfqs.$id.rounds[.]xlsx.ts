import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { contentDisposition } from "~/modules/files/files.server";
import { exportRoundProtocolXlsx } from "~/modules/quotes/quotes.server";
import { orHttpError } from "~/utils/route-errors.server";

/** The re-bid protocol (протокол переторжки) as XLSX; sealed rounds still running show no new prices. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "BUYER" });
  const body = await orHttpError(exportRoundProtocolXlsx(actor, params.id ?? ""));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(`переторжка-${params.id}.xlsx`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
