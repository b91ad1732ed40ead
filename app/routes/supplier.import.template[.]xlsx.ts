import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { buildImportTemplate } from "~/modules/catalog/catalog.server";
import { contentDisposition } from "~/modules/files/files.server";
import { throwAsResponse } from "~/utils/route-errors.server";

/** The import template of one category (?category=<id>): its characteristics as columns, lists, an example row. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const categoryId = new URL(request.url).searchParams.get("category") ?? "";
  const { body, slug } = await buildImportTemplate(actor, categoryId).catch((e) => throwAsResponse(e));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(`шаблон-импорта-${slug}.xlsx`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
