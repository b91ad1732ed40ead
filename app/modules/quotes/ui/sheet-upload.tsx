import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FieldErrors, FormMessage } from "~/components/ui/field";
import { FileInput } from "~/components/ui/file-input";
import { Panel } from "~/components/ui/panel";
import { DataTable } from "~/components/ui/table";
import { formatMoney } from "~/modules/i18n/format";
import { localizePath } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";
import { parseRublesToKopecks, type VatRateCode } from "~/modules/money/money";
import { unitName } from "~/modules/money/units";
import { vatRateLabel } from "~/modules/money/vat";
import { normalizeQuantity, quantityInput } from "../quote-money";
import type { QuoteSheetPreview } from "../quote-xlsx.server";
import { useQuoteErrorText } from "./error-text";

/** Download / upload links of the XLSX round-trip, shown in the quote panel of the RFQ page. */
export function QuoteSheetLinks({ rfqId, canEdit }: { rfqId: string; canEdit: boolean }) {
  const { t } = useTranslation("quotes");
  const lang = useLang();
  return (
    <Panel id="quote-sheet-h" level={3} tone="muted" title={t("sheet.title")} hint={t("sheet.hint")}>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <a
          href={`/supplier/rfqs/${rfqId}/quote.xlsx`}
          className="inline-flex min-h-11 items-center text-brand-700 underline"
          data-testid="quote-sheet-download"
          download
        >
          {t("sheet.download")}
        </a>
        {canEdit ? (
          <Form
            method="post"
            encType="multipart/form-data"
            action={localizePath(lang, `/supplier/rfqs/${rfqId}/quote-upload`)}
            className="flex flex-wrap items-end gap-2"
          >
            <div>
              <label htmlFor="quote-sheet-file" className="block text-sm font-medium">
                {t("sheet.file")}
              </label>
              <FileInput
                id="quote-sheet-file"
                name="sheet"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                required
              />
            </div>
            <Button type="submit" name="intent" value="preview" variant="secondary" className="min-h-11">
              {t("sheet.upload")}
            </Button>
          </Form>
        ) : null}
      </div>
    </Panel>
  );
}

export interface SheetActionData {
  preview?: QuoteSheetPreview;
  errors?: Record<string, string[] | undefined>;
  formErrors?: string[];
}

/** The upload page: the file form, then the preview with per-row errors and the confirm button. */
export function QuoteSheetPage({ rfqId, title, data }: { rfqId: string; title: string; data?: SheetActionData }) {
  const { t } = useTranslation("quotes");
  const lang = useLang();
  const text = useQuoteErrorText();
  const navigation = useNavigation();
  const preview = data?.preview;
  const fileErrors = data?.errors?.sheet;
  const lineErrors = Object.entries(data?.errors ?? {}).filter(([k]) => k !== "sheet");
  const money = (k: string | null) => (k ? formatMoney(BigInt(k), lang) : "—");
  const price = (v: string) => {
    const k = parseRublesToKopecks(v);
    return k === null ? v : formatMoney(k, lang);
  };
  return (
    <div className="space-y-6">
      <div>
        <a
          href={localizePath(lang, `/supplier/rfqs/${rfqId}#quote-panel`)}
          className="text-sm text-brand-700 underline"
        >
          {t("sheet.back")}
        </a>
        <h1 className="text-2xl font-bold">{t("sheet.pageTitle", { title })}</h1>
      </div>
      {data?.formErrors?.length || lineErrors.length ? (
        <FormMessage>
          {[...(data?.formErrors ?? []), ...lineErrors.flatMap(([, v]) => v ?? [])].map(text).join(" ")}
        </FormMessage>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="space-y-2" noValidate>
        <label htmlFor="sheet-file" className="block text-sm font-medium">
          {t("sheet.file")}
        </label>
        <FileInput
          id="sheet-file"
          name="sheet"
          accept=".xlsx"
          aria-invalid={fileErrors?.length ? true : undefined}
          aria-describedby={fileErrors?.length ? "sheet-file-error" : undefined}
        />
        <FieldErrors id="sheet-file-error" errors={fileErrors} ns="quotes" />
        <Button type="submit" name="intent" value="preview" variant="secondary" className="min-h-11">
          {t("sheet.upload")}
        </Button>
      </Form>
      {preview ? (
        <Panel
          id="sheet-preview-h"
          tone="plain"
          testId="sheet-preview"
          title={t("sheet.previewTitle", { count: preview.offered })}
        >
          {preview.issues.length ? (
            <FormMessage>
              <p className="font-medium">{t("sheet.fixAndReupload", { count: preview.issues.length })}</p>
              <ul className="mt-1 list-disc pl-5" data-testid="sheet-issues">
                {preview.issues.map((i) => (
                  <li key={`${i.row}-${i.column}-${i.message}`}>
                    {t("sheet.issue", { row: i.row, column: i.column, message: text(i.message) })}
                  </li>
                ))}
              </ul>
            </FormMessage>
          ) : null}
          <DataTable
            caption={t("sheet.previewCaption")}
            density="roomy"
            headClassName="border-b text-left text-xs text-slate-600"
            columns={[
              t("panel.item"),
              { label: t("panel.quantity"), numeric: true },
              { label: t("panel.unitPrice"), numeric: true },
              t("panel.vatRate"),
              { label: t("panel.leadTime"), numeric: true },
              { label: t("panel.lineTotal"), numeric: true },
            ]}
          >
            {preview.rows.map((r) => {
              const rowIssues = preview.issues.filter((i) => i.row === r.row);
              return (
                <tr key={r.rfqItemId} className="border-b align-top" data-testid="sheet-preview-row">
                  <th scope="row" className="p-2 text-left font-normal">
                    {r.position + 1}. {r.name}
                    {r.line?.analogueModel ? (
                      <span className="block text-xs text-slate-500">
                        {t("panel.analogue")}: {r.line.analogueModel}
                      </span>
                    ) : null}
                  </th>
                  {r.line ? (
                    <>
                      <td className="p-2 text-right tabular-nums">
                        {quantityInput(normalizeQuantity(r.line.quantity))} {unitName(r.unit, lang)}
                      </td>
                      <td className="p-2 text-right tabular-nums">{price(r.line.unitPrice)}</td>
                      <td className="p-2">{vatRateLabel(r.line.vatRate as VatRateCode, lang)}</td>
                      <td className="p-2 text-right">{r.line.leadTimeDays || "—"}</td>
                      <td className="p-2 text-right tabular-nums">{money(r.gross)}</td>
                    </>
                  ) : (
                    <td colSpan={5} className="p-2 text-slate-500">
                      {rowIssues.length ? t("sheet.rowHasErrors") : t("panel.notQuoted")}
                    </td>
                  )}
                </tr>
              );
            })}
          </DataTable>
          {preview.issues.length === 0 && preview.offered > 0 ? (
            <Form method="post" className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="payload" value={JSON.stringify(preview.lines)} />
              <Button
                type="submit"
                name="intent"
                value="confirm"
                className="min-h-11"
                disabled={navigation.state !== "idle"}
                data-testid="sheet-confirm"
              >
                {t("sheet.confirm")}
              </Button>
              <span className="text-sm text-slate-600">{t("sheet.confirmHint")}</span>
            </Form>
          ) : preview.offered === 0 && preview.issues.length === 0 ? (
            <FormMessage tone="info">{t("sheet.nothingOffered")}</FormMessage>
          ) : null}
        </Panel>
      ) : null}
    </div>
  );
}
