import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { contentDisposition } from "~/modules/files/files.server";
import { exportQuoteSheetXlsx } from "~/modules/quotes/quotes.server";
import { orHttpError } from "~/utils/route-errors.server";

/** The RFQ as a fill-in workbook for the invited supplier (uninvited → 404: enforced in the module). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const body = await orHttpError(exportQuoteSheetXlsx(actor, params.id ?? ""));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(`кп-${params.id}.xlsx`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
