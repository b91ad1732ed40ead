import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { describeImportError } from "~/modules/catalog/catalog.schema";
import { buildImportErrorReport, getImportJob } from "~/modules/catalog/catalog.server";
import { contentDisposition } from "~/modules/files/files.server";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { throwAsResponse } from "~/utils/route-errors.server";

/** Row-level error report of an import job: the failing rows with the reasons, as XLSX. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const t = await getT(request, "catalog");
  const lang = getLang(request);
  const job = await getImportJob(actor, params.id ?? "").catch((e) => throwAsResponse(e));
  const describeError = (e: { row: number; field: string; code: string; column?: number }) =>
    describeImportError(t, e, { attributes: job.attributeNames, headers: job.headers }, lang, { withRow: false });
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
