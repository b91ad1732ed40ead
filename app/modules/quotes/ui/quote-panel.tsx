import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatMoney } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import type { VatRateCode } from "~/modules/money/money";
import { unitName } from "~/modules/money/units";
import { vatRateLabel } from "~/modules/money/vat";
import { buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from "~/modules/rfq/ui/bits";
import { DELIVERY_BASES } from "../landed-cost";
import { quoteFormTotals } from "../quote-money";
import type { QuoteForm } from "../quotes.schema";
import { RoundNotice } from "./round-notice";

export interface QuotePanelData {
  canEdit: boolean;
  /** Rates the supplier's tax regime allows today. */
  vatRates: VatRateCode[];
  /** a re-bid round the supplier may submit in (переторжка) */
  round?: { number: number; deadline: string; note: string | null } | null;
  /** the submitted offer's validity has passed after the deadline: the supplier may re-confirm it */
  canReconfirm?: boolean;
  items: { id: string; position: number; name: string; quantity: string; unit: string; analoguesAllowed: boolean }[];
  quote: {
    id: string;
    status: string;
    currentVersion: number;
    submittedAt: string | null;
    withdrawnAt: string | null;
    hasUnsubmittedChanges: boolean;
  } | null;
  defaults: Record<string, unknown> & { lines: Record<string, string>[] };
  draftAttachments: { id: string; name: string; size: number }[];
  versions: {
    version: number;
    submittedAt: string | null;
    goodsNet: string;
    vat: string;
    goodsGross: string;
    landed: string;
    lines: {
      rfqItemId: string;
      unitPrice: string;
      quantity: string;
      vatRate: string;
      leadTimeDays: number | null;
      analogueModel: string | null;
    }[];
    attachments: { id: string; name: string }[];
  }[];
}

/** Translates "key" or "key::{json}" errors of the quotes namespace. */
export function useQuoteErrorText() {
  const { t } = useTranslation("quotes");
  return (message: string) => {
    const [key, raw] = message.split("::");
    let params: Record<string, unknown> = {};
    try {
      params = raw ? JSON.parse(raw) : {};
    } catch {
      params = {};
    }
    return t(key, params) as string;
  };
}

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  const text = useQuoteErrorText();
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700" role="alert">
      {errors.map(text).join(" ")}
    </p>
  );
}

/** Totals from the form as typed (same arithmetic as the server: quote-money.ts). */
function totalsOf(form: HTMLFormElement | null, count: number) {
  if (!form) return null;
  const data = new FormData(form);
  return quoteFormTotals({
    lines: Array.from({ length: count }, (_, i) => ({
      unitPrice: data.get(`lines[${i}].unitPrice`),
      quantity: data.get(`lines[${i}].quantity`),
      vatRate: data.get(`lines[${i}].vatRate`),
    })),
    deliveryCost: data.get("deliveryCost"),
    deliveryVatRate: data.get("deliveryVatRate"),
  });
}

export function QuotePanel({
  data,
  lastResult,
}: {
  data: QuotePanelData;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("quotes");
  const lang = useLang();
  const navigation = useNavigation();
  const errorText = useQuoteErrorText();
  const [form, fields] = useForm<QuoteForm>({
    id: "quote-form",
    lastResult: navigation.state === "idle" ? lastResult : null,
    defaultValue: data.defaults as unknown as QuoteForm,
    shouldRevalidate: "onInput",
  });
  const lines = fields.lines.getFieldList();
  const [formEl, setFormEl] = useState<HTMLFormElement | null>(null);
  const [tick, setTick] = useState(0);
  const totals = useMemo(() => totalsOf(formEl, data.items.length), [formEl, tick, data.items.length]);
  const money = (v: bigint | string) => formatMoney(typeof v === "string" ? BigInt(v) : v, lang);
  const status = data.quote?.status;
  const submitted = status === "SUBMITTED" || status === "AWARDED" || status === "NOT_SELECTED";
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" data-testid="quote-panel-body">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t("panel.title")}</h2>
        <p className="text-sm" data-testid="quote-status">
          {t(`status.${status ?? "NONE"}`)}
          {data.quote?.currentVersion ? ` · ${t("panel.version", { version: data.quote.currentVersion })}` : ""}
        </p>
      </div>
      {form.errors?.length ? (
        <p role="alert" id={form.errorId} className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {form.errors.map(errorText).join(" ")}
        </p>
      ) : null}
      {!data.canEdit ? <p className="text-sm text-slate-600">{t("panel.closed")}</p> : null}
      <RoundNotice round={data.round} canReconfirm={data.canReconfirm} />
      <Form
        method="post"
        encType="multipart/form-data"
        {...getFormProps(form)}
        ref={setFormEl}
        onInput={() => setTick((x) => x + 1)}
        className="space-y-4"
      >
        <fieldset disabled={!data.canEdit} className="space-y-4">
          <legend className="sr-only">{t("panel.title")}</legend>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("panel.linesCaption")}</caption>
              <thead>
                <tr className="border-b text-left text-xs text-slate-600">
                  <th scope="col" className="p-2">
                    {t("panel.item")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("panel.unitPrice")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("panel.quantity")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("panel.vatRate")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("panel.leadTime")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("panel.analogue")}
                  </th>
                  <th scope="col" className="p-2 text-right">
                    {t("panel.lineTotal")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line, i) => {
                  const item = data.items[i];
                  const f = line.getFieldset();
                  const amounts = totals?.lines[i];
                  return (
                    <tr key={line.key} className="border-b align-top" data-testid={`quote-line-${i}`}>
                      <th scope="row" className="p-2 text-left font-normal">
                        <input type="hidden" name={f.rfqItemId.name} value={item.id} />
                        <span className="font-medium">
                          {i + 1}. {item.name}
                        </span>
                        <span className="block text-xs text-slate-500">
                          {t("panel.requested", {
                            quantity: item.quantity,
                            unit: unitName(item.unit, lang),
                          })}
                        </span>
                      </th>
                      <td className="p-2">
                        <label htmlFor={f.unitPrice.id} className="sr-only">
                          {t("panel.unitPriceOf", { n: i + 1 })}
                        </label>
                        <input
                          {...getInputProps(f.unitPrice, { type: "text" })}
                          inputMode="decimal"
                          className={`${inputClass} w-28`}
                        />
                        <Errors id={f.unitPrice.errorId} errors={f.unitPrice.errors} />
                      </td>
                      <td className="p-2">
                        <label htmlFor={f.quantity.id} className="sr-only">
                          {t("panel.quantityOf", { n: i + 1 })}
                        </label>
                        <input
                          {...getInputProps(f.quantity, { type: "text" })}
                          inputMode="decimal"
                          className={`${inputClass} w-20`}
                        />
                        <Errors id={f.quantity.errorId} errors={f.quantity.errors} />
                      </td>
                      <td className="p-2">
                        <label htmlFor={f.vatRate.id} className="sr-only">
                          {t("panel.vatRateOf", { n: i + 1 })}
                        </label>
                        <select {...getSelectProps(f.vatRate)} className={`${inputClass} w-28`}>
                          {data.vatRates.map((c) => (
                            <option key={c} value={c}>
                              {vatRateLabel(c, lang)}
                            </option>
                          ))}
                        </select>
                        <Errors id={f.vatRate.errorId} errors={f.vatRate.errors} />
                      </td>
                      <td className="p-2">
                        <label htmlFor={f.leadTimeDays.id} className="sr-only">
                          {t("panel.leadTimeOf", { n: i + 1 })}
                        </label>
                        <input
                          {...getInputProps(f.leadTimeDays, { type: "text" })}
                          inputMode="numeric"
                          className={`${inputClass} w-16`}
                        />
                        <Errors id={f.leadTimeDays.errorId} errors={f.leadTimeDays.errors} />
                      </td>
                      <td className="p-2">
                        {item.analoguesAllowed ? (
                          <div className="space-y-1">
                            <label htmlFor={f.analogueModel.id} className="sr-only">
                              {t("panel.analogueModelOf", { n: i + 1 })}
                            </label>
                            <input
                              {...getInputProps(f.analogueModel, { type: "text" })}
                              placeholder={t("panel.analogueModel")}
                              className={`${inputClass} w-40`}
                            />
                            <Errors id={f.analogueModel.errorId} errors={f.analogueModel.errors} />
                            <label htmlFor={f.analogueNote.id} className="sr-only">
                              {t("panel.analogueNoteOf", { n: i + 1 })}
                            </label>
                            <input
                              {...getInputProps(f.analogueNote, { type: "text" })}
                              placeholder={t("panel.analogueNote")}
                              className={`${inputClass} w-40`}
                            />
                          </div>
                        ) : (
                          <span className="text-xs text-slate-500">{t("panel.noAnalogues")}</span>
                        )}
                      </td>
                      <td className="p-2 text-right tabular-nums" data-testid={`line-total-${i}`}>
                        {amounts ? (
                          <>
                            <span className="block">{money(amounts.net)}</span>
                            <span className="block text-xs text-slate-500">
                              {t("panel.gross")}: {money(amounts.gross)}
                            </span>
                          </>
                        ) : (
                          <span className="text-xs text-slate-500">{t("panel.notQuoted")}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <div className="grid gap-4 md:grid-cols-3">
            <div>
              <label htmlFor={fields.deliveryBasis.id} className="text-sm font-medium">
                {t("panel.deliveryBasis")}
              </label>
              <select {...getSelectProps(fields.deliveryBasis)} className={inputClass} data-testid="delivery-basis">
                <option value="">{t("panel.deliveryBasisNone")}</option>
                {DELIVERY_BASES.map((b) => (
                  <option key={b} value={b}>
                    {t(`basis.${b}`)}
                  </option>
                ))}
              </select>
              <Errors id={fields.deliveryBasis.errorId} errors={fields.deliveryBasis.errors} />
            </div>
            <div className="md:col-span-2">
              <label htmlFor={fields.deliveryPlace.id} className="text-sm font-medium">
                {t("panel.deliveryPlace")}
              </label>
              <input {...getInputProps(fields.deliveryPlace, { type: "text" })} className={inputClass} />
              <Errors id={fields.deliveryPlace.errorId} errors={fields.deliveryPlace.errors} />
            </div>
            <div>
              <label htmlFor={fields.deliveryCost.id} className="text-sm font-medium">
                {t("panel.deliveryCost")}
              </label>
              <input
                {...getInputProps(fields.deliveryCost, { type: "text" })}
                inputMode="decimal"
                className={inputClass}
              />
              <Errors id={fields.deliveryCost.errorId} errors={fields.deliveryCost.errors} />
            </div>
            <div>
              <label htmlFor={fields.deliveryVatRate.id} className="text-sm font-medium">
                {t("panel.deliveryVatRate")}
              </label>
              <select {...getSelectProps(fields.deliveryVatRate)} className={inputClass}>
                {data.vatRates.map((c) => (
                  <option key={c} value={c}>
                    {vatRateLabel(c, lang)}
                  </option>
                ))}
              </select>
              <Errors id={fields.deliveryVatRate.errorId} errors={fields.deliveryVatRate.errors} />
            </div>
            <div>
              <label htmlFor={fields.deliveryTerms.id} className="text-sm font-medium">
                {t("panel.deliveryTerms")}
              </label>
              <input {...getInputProps(fields.deliveryTerms, { type: "text" })} className={inputClass} />
              <Errors id={fields.deliveryTerms.errorId} errors={fields.deliveryTerms.errors} />
            </div>
            <div>
              <label htmlFor={fields.prepaymentPercent.id} className="text-sm font-medium">
                {t("panel.prepayment")}
              </label>
              <input
                {...getInputProps(fields.prepaymentPercent, { type: "text" })}
                inputMode="numeric"
                className={inputClass}
              />
              <Errors id={fields.prepaymentPercent.errorId} errors={fields.prepaymentPercent.errors} />
            </div>
            <div>
              <label htmlFor={fields.paymentDaysAfterDelivery.id} className="text-sm font-medium">
                {t("panel.paymentDays")}
              </label>
              <input
                {...getInputProps(fields.paymentDaysAfterDelivery, { type: "text" })}
                inputMode="numeric"
                className={inputClass}
              />
              <Errors id={fields.paymentDaysAfterDelivery.errorId} errors={fields.paymentDaysAfterDelivery.errors} />
            </div>
            <div>
              <label htmlFor={fields.validUntil.id} className="text-sm font-medium">
                {t("panel.validUntil")}
              </label>
              <input {...getInputProps(fields.validUntil, { type: "date" })} className={inputClass} />
              <Errors id={fields.validUntil.errorId} errors={fields.validUntil.errors} />
            </div>
          </div>
          <div>
            <label htmlFor={fields.comment.id} className="text-sm font-medium">
              {t("panel.comment")}
            </label>
            <textarea {...getTextareaProps(fields.comment)} rows={2} className={inputClass} />
            <Errors id={fields.comment.errorId} errors={fields.comment.errors} />
          </div>
          <div>
            <label htmlFor="quote-attachments" className="text-sm font-medium">
              {t("panel.attachments")}
            </label>
            <input
              id="quote-attachments"
              name="attachments"
              type="file"
              multiple
              accept=".pdf,.docx,.xlsx,.dwg,.dxf,.csv,.txt"
              className="mt-1 block text-sm"
              aria-describedby="quote-attachments-error"
            />
            <Errors
              id="quote-attachments-error"
              errors={fields.removeFileIds.errors ?? (form.allErrors.attachments as string[] | undefined)}
            />
            {data.draftAttachments.length ? (
              <ul className="mt-2 space-y-1 text-sm">
                {data.draftAttachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/files/${a.id}`} className="text-brand-700 underline">
                      {a.name}
                    </a>{" "}
                    <label className="ml-2 text-xs">
                      <input type="checkbox" name="removeFileIds" value={a.id} /> {t("panel.removeFile")}
                    </label>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>

          <dl
            className="grid grid-cols-2 gap-2 rounded bg-slate-50 p-3 text-sm md:grid-cols-5"
            data-testid="quote-totals"
            aria-live="polite"
          >
            <div>
              <dt className="text-slate-500">{t("totals.goodsNet")}</dt>
              <dd data-testid="total-net" className="font-medium tabular-nums">
                {money(totals?.goods.net ?? 0n)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("totals.vat")}</dt>
              <dd data-testid="total-vat" className="font-medium tabular-nums">
                {money((totals?.goods.vat ?? 0n) + (totals?.delivery.vat ?? 0n))}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("totals.goodsGross")}</dt>
              <dd data-testid="total-gross" className="font-medium tabular-nums">
                {money(totals?.goods.gross ?? 0n)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("totals.delivery")}</dt>
              <dd data-testid="total-delivery" className="font-medium tabular-nums">
                {money(totals?.delivery.gross ?? 0n)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("totals.landed")}</dt>
              <dd data-testid="total-landed" className="font-semibold tabular-nums">
                {money(totals?.landed ?? 0n)}
              </dd>
            </div>
          </dl>

          <div className="flex flex-wrap gap-2">
            <button type="submit" name="intent" value="quote-save" className={secondaryButtonClass}>
              {t("panel.saveDraft")}
            </button>
            <button type="submit" name="intent" value="quote-submit" className={buttonClass} data-testid="quote-submit">
              {submitted ? t("panel.revise") : t("panel.submit")}
            </button>
          </div>
        </fieldset>
      </Form>
      {data.canEdit && status === "SUBMITTED" ? (
        <Form method="post" encType="multipart/form-data">
          <button type="submit" name="intent" value="quote-withdraw" className={dangerButtonClass}>
            {t("panel.withdraw")}
          </button>
        </Form>
      ) : null}
      {data.versions.length ? (
        <section aria-labelledby="quote-versions-h" data-testid="quote-versions">
          <h3 id="quote-versions-h" className="mb-2 font-medium">
            {t("panel.versions")}
          </h3>
          <table className="text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-600">
                <th scope="col" className="p-1">
                  {t("panel.versionCol")}
                </th>
                <th scope="col" className="p-1">
                  {t("panel.submittedAt")}
                </th>
                <th scope="col" className="p-1 text-right">
                  {t("totals.goodsGross")}
                </th>
                <th scope="col" className="p-1 text-right">
                  {t("totals.landed")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.versions.map((v) => (
                <tr key={v.version}>
                  <td className="p-1">{v.version}</td>
                  <td className="p-1">{v.submittedAt ? formatDateTime(v.submittedAt, lang) : "—"}</td>
                  <td className="p-1 text-right tabular-nums">{money(v.goodsGross)}</td>
                  <td className="p-1 text-right tabular-nums">{money(v.landed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
