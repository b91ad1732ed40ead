import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { exportSupplierCatalog } from "~/modules/catalog/catalog.server";
import { contentDisposition } from "~/modules/files/files.server";

/** The supplier's catalog as XLSX (formula-like cells neutralised); re-importing it changes nothing. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const body = await exportSupplierCatalog(actor);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(`каталог-${new Date().toISOString().slice(0, 10)}.xlsx`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
