import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { buildImportErrorReport } from "~/modules/catalog/catalog.server";
import { contentDisposition } from "~/modules/files/files.server";
import { getT } from "~/modules/i18n/i18n.server";
import { throwAsResponse } from "~/utils/route-errors.server";

/** Row-level error report of an import job: the failing rows with the reasons, as XLSX. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const t = await getT(request, "catalog");
  const describeError = (e: { field: string; code: string }) => {
    const field = e.field.startsWith("spec:") ? e.field.slice(5) : t(`import.fields.${e.field}`);
    return `${field}: ${t(`import.errors.${e.code}`)}`;
  };
  const body = await buildImportErrorReport(actor, params.id ?? "", describeError, {
    row: t("import.reportRow"),
    errors: t("import.reportErrors"),
  }).catch((e) => {
    throwAsResponse(e);
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition("ошибки-импорта.xlsx"),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
