import {
  type FieldMetadata,
  getFormProps,
  getInputProps,
  getSelectProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { DateInput } from "~/components/ui/date-input";
import { FormMessage, SelectField, TextareaField, TextField } from "~/components/ui/field";
import { FileInput } from "~/components/ui/file-input";
import { Panel } from "~/components/ui/panel";
import { DataTable, Table } from "~/components/ui/table";
import { formatDateTime, formatMoney } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import type { VatRateCode } from "~/modules/money/money";
import { unitName } from "~/modules/money/units";
import { vatRateLabel } from "~/modules/money/vat";
import { DELIVERY_BASES } from "../landed-cost";
import { quantityInput, quoteFormTotals } from "../quote-money";
import type { QuoteForm } from "../quotes.schema";
import { useQuoteErrorText } from "./error-text";
import { RoundNotice } from "./round-notice";
import { QuoteSheetLinks } from "./sheet-upload";

export interface QuotePanelData {
  rfqId: string;
  /** changes on every save: the route keys the panel with it (fresh defaults, no stale errors) */
  revision: string;
  canEdit: boolean;
  /** Rates the supplier's tax regime allows today. */
  vatRates: VatRateCode[];
  /** a re-bid round the supplier may submit in (переторжка) */
  round?: { number: number; deadline: string; note: string | null } | null;
  /** the submitted offer's validity has passed after the deadline: the supplier may re-confirm it */
  canReconfirm?: boolean;
  items: {
    id: string;
    position: number;
    name: string;
    quantity: string;
    unit: string;
    notes: string | null;
    analoguesAllowed: boolean;
    /** the supplier's own catalog price of the linked product, as the input shows it */
    catalogPrice: string | null;
  }[];
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

export { useQuoteErrorText } from "./error-text";

/**
 * One input of a quote line: a compact table cell on desktop (label for screen readers only), a labelled field of
 * the line's card on a phone. Inputs are at least 44 px tall.
 */
const cellInput =
  "block w-full min-h-11 rounded-md border border-slate-300 bg-white px-2 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600";

function LineCell({
  meta,
  label,
  className = "",
  children,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: conform field metadata of any schema
  meta: FieldMetadata<any>;
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  const text = useQuoteErrorText();
  return (
    <td className={`p-1 align-top max-sm:block max-sm:px-0 ${className}`}>
      <label htmlFor={meta.id} className="block text-xs font-medium text-slate-700 sm:sr-only">
        {label}
      </label>
      {children}
      {meta.errors?.length ? (
        <p id={meta.errorId} className="mt-1 text-xs text-red-700" data-field-error={meta.name}>
          {meta.errors.map(text).join(" ")}
        </p>
      ) : null}
    </td>
  );
}

const aria = (meta: { errors?: string[]; errorId: string }) =>
  meta.errors?.length ? { "aria-invalid": true, "aria-describedby": meta.errorId } : {};

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
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const totals = useMemo(() => totalsOf(formEl, data.items.length), [formEl, tick, data.items.length]);
  const money = (v: bigint | string) => formatMoney(typeof v === "string" ? BigInt(v) : v, lang);
  const status = data.quote?.status;
  const submitted = status === "SUBMITTED" || status === "AWARDED" || status === "NOT_SELECTED";
  const rateOptions = data.vatRates.map((c) => (
    <option key={c} value={c}>
      {vatRateLabel(c, lang)}
    </option>
  ));
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-3 sm:p-5" data-testid="quote-panel-body">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t("panel.title")}</h2>
        <p className="text-sm" data-testid="quote-status">
          {t(`status.${status ?? "NONE"}`)}
          {data.quote?.currentVersion ? ` · ${t("panel.version", { version: data.quote.currentVersion })}` : ""}
        </p>
      </div>
      {form.errors?.length ? <FormMessage id={form.errorId}>{form.errors.map(errorText).join(" ")}</FormMessage> : null}
      {!data.canEdit ? <p className="text-sm text-slate-600">{t("panel.closed")}</p> : null}
      <RoundNotice round={data.round} canReconfirm={data.canReconfirm} />
      <QuoteSheetLinks rfqId={data.rfqId} canEdit={data.canEdit} />
      <Form
        method="post"
        encType="multipart/form-data"
        {...getFormProps(form)}
        ref={setFormEl}
        onInput={() => setTick((x) => x + 1)}
        className="space-y-4"
      >
        <fieldset disabled={!data.canEdit} className="min-w-0 space-y-4">
          <legend className="sr-only">{t("panel.title")}</legend>
          {hydrated && data.canEdit ? (
            <ApplyToAll
              rates={rateOptions}
              defaultRate={data.vatRates[0]}
              onApply={(v) => {
                // the line inputs are uncontrolled: set the DOM values the form will submit
                const set = (name: string, value: string) => {
                  const el = formEl?.elements.namedItem(name);
                  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) el.value = value;
                };
                lines.forEach((line, i) => {
                  const f = line.getFieldset();
                  if (v.leadTimeDays !== undefined) set(f.leadTimeDays.name, v.leadTimeDays);
                  if (v.vatRate !== undefined) set(f.vatRate.name, v.vatRate);
                  if (v.analogueNote !== undefined && data.items[i]?.analoguesAllowed)
                    set(f.analogueNote.name, v.analogueNote);
                });
                setTimeout(() => setTick((x) => x + 1), 0);
              }}
            />
          ) : null}
          <Table
            className="w-full text-sm max-sm:block"
            testId="quote-lines"
            caption={t("panel.linesCaption")}
            density="compact"
            headClassName="border-b text-left text-xs text-slate-600"
            theadClassName="max-sm:sr-only"
            bodyClassName="max-sm:block max-sm:space-y-3"
            columns={[
              t("panel.item"),
              { label: t("panel.quantity"), className: "w-28" },
              { label: t("panel.unitPrice"), className: "w-36" },
              { label: t("panel.vatRate"), className: "w-36" },
              { label: t("panel.leadTime"), className: "w-20" },
              t("panel.analogue"),
              { label: t("panel.lineTotal"), numeric: true, className: "w-32" },
            ]}
          >
            {lines.map((line, i) => {
              const item = data.items[i];
              const f = line.getFieldset();
              const amounts = totals?.lines[i];
              const fromCatalog = item.catalogPrice !== null && data.defaults.lines[i]?.unitPrice === item.catalogPrice;
              return (
                <tr
                  key={line.key}
                  className="border-b align-top max-sm:block max-sm:rounded-md max-sm:border max-sm:p-3"
                  data-testid={`quote-line-${i}`}
                >
                  <th scope="row" className="p-1 text-left font-normal max-sm:block max-sm:px-0">
                    <input type="hidden" name={f.rfqItemId.name} value={item.id} />
                    <span className="font-medium break-words">
                      {i + 1}. {item.name}
                    </span>
                    <span className="block text-xs text-slate-500">
                      {t("panel.requested", {
                        quantity: quantityInput(item.quantity),
                        unit: unitName(item.unit, lang),
                      })}
                    </span>
                    {item.notes ? <span className="block text-xs text-slate-500 break-words">{item.notes}</span> : null}
                  </th>
                  <LineCell meta={f.quantity} label={t("panel.quantityOf", { n: i + 1 })}>
                    <input
                      {...getInputProps(f.quantity, { type: "text", ariaAttributes: false })}
                      key={f.quantity.key}
                      {...aria(f.quantity)}
                      inputMode="decimal"
                      autoComplete="off"
                      className={cellInput}
                    />
                  </LineCell>
                  <LineCell meta={f.unitPrice} label={t("panel.unitPriceOf", { n: i + 1 })}>
                    <input
                      {...getInputProps(f.unitPrice, { type: "text", ariaAttributes: false })}
                      key={f.unitPrice.key}
                      {...aria(f.unitPrice)}
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder="1 234,56"
                      className={cellInput}
                    />
                    {item.catalogPrice ? (
                      <span
                        className="mt-0.5 block text-xs text-emerald-700"
                        title={t("form.catalogPrice", { price: item.catalogPrice })}
                        data-testid={fromCatalog ? `from-catalog-${i}` : undefined}
                      >
                        {fromCatalog ? t("form.fromCatalog") : t("form.catalogPrice", { price: item.catalogPrice })}
                      </span>
                    ) : null}
                  </LineCell>
                  <LineCell meta={f.vatRate} label={t("panel.vatRateOf", { n: i + 1 })}>
                    <select
                      {...getSelectProps(f.vatRate, { ariaAttributes: false })}
                      key={f.vatRate.key}
                      {...aria(f.vatRate)}
                      className={`${cellInput} min-w-32`}
                    >
                      {rateOptions}
                    </select>
                  </LineCell>
                  <LineCell meta={f.leadTimeDays} label={t("panel.leadTimeOf", { n: i + 1 })}>
                    <input
                      {...getInputProps(f.leadTimeDays, { type: "text", ariaAttributes: false })}
                      key={f.leadTimeDays.key}
                      {...aria(f.leadTimeDays)}
                      inputMode="numeric"
                      autoComplete="off"
                      className={cellInput}
                    />
                  </LineCell>
                  {item.analoguesAllowed ? (
                    <LineCell meta={f.analogueModel} label={t("panel.analogueModelOf", { n: i + 1 })}>
                      <input
                        {...getInputProps(f.analogueModel, { type: "text", ariaAttributes: false })}
                        key={f.analogueModel.key}
                        {...aria(f.analogueModel)}
                        placeholder={t("panel.analogueModel")}
                        className={cellInput}
                      />
                      <label htmlFor={f.analogueNote.id} className="sr-only">
                        {t("panel.analogueNoteOf", { n: i + 1 })}
                      </label>
                      <input
                        {...getInputProps(f.analogueNote, { type: "text", ariaAttributes: false })}
                        key={f.analogueNote.key}
                        placeholder={t("panel.analogueNote")}
                        className={`${cellInput} mt-1`}
                      />
                    </LineCell>
                  ) : (
                    <td className="p-1 text-xs text-slate-500 max-sm:block max-sm:px-0">{t("panel.noAnalogues")}</td>
                  )}
                  <td
                    className="p-1 text-right tabular-nums max-sm:block max-sm:px-0 max-sm:text-left"
                    data-testid={`line-total-${i}`}
                  >
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
          </Table>

          <div className="grid gap-4 md:grid-cols-3">
            <SelectField
              meta={fields.deliveryBasis}
              label={t("panel.deliveryBasis")}
              translateError={errorText}
              data-testid="delivery-basis"
            >
              <option value="">{t("panel.deliveryBasisNone")}</option>
              {DELIVERY_BASES.map((b) => (
                <option key={b} value={b}>
                  {t(`basis.${b}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              meta={fields.deliveryPlace}
              label={t("panel.deliveryPlace")}
              translateError={errorText}
              className="md:col-span-2"
            />
            <TextField
              meta={fields.deliveryCost}
              label={t("panel.deliveryCost")}
              translateError={errorText}
              inputMode="decimal"
            />
            <SelectField meta={fields.deliveryVatRate} label={t("panel.deliveryVatRate")} translateError={errorText}>
              {rateOptions}
            </SelectField>
            <TextField meta={fields.deliveryTerms} label={t("panel.deliveryTerms")} translateError={errorText} />
            <TextField
              meta={fields.prepaymentPercent}
              label={t("panel.prepayment")}
              translateError={errorText}
              inputMode="numeric"
            />
            <TextField
              meta={fields.paymentDaysAfterDelivery}
              label={t("panel.paymentDays")}
              translateError={errorText}
              inputMode="numeric"
            />
            <DateField meta={fields.validUntil} label={t("panel.validUntil")} translateError={errorText} />
          </div>
          <TextareaField meta={fields.comment} label={t("panel.comment")} translateError={errorText} rows={2} />
          <div>
            <label htmlFor="quote-attachments" className="text-sm font-medium">
              {t("panel.attachments")}
            </label>
            <FileInput
              id="quote-attachments"
              name="attachments"
              multiple
              accept=".pdf,.docx,.xlsx,.dwg,.dxf,.csv,.txt"
              aria-describedby="quote-attachments-error"
            />
            {(() => {
              const errs = fields.removeFileIds.errors ?? (form.allErrors.attachments as string[] | undefined);
              return errs?.length ? (
                <p id="quote-attachments-error" className="mt-1 text-xs text-red-700">
                  {errs.map(errorText).join(" ")}
                </p>
              ) : null;
            })()}
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
            <Button type="submit" name="intent" value="quote-save" variant="secondary" className="min-h-11">
              {t("panel.saveDraft")}
            </Button>
            <Button type="submit" name="intent" value="quote-submit" className="min-h-11" data-testid="quote-submit">
              {submitted ? t("panel.revise") : t("panel.submit")}
            </Button>
          </div>
        </fieldset>
      </Form>
      {data.canEdit && status === "SUBMITTED" ? (
        <Form method="post" encType="multipart/form-data">
          <Button type="submit" name="intent" value="quote-withdraw" variant="danger" className="min-h-11">
            {t("panel.withdraw")}
          </Button>
        </Form>
      ) : null}
      {data.versions.length ? (
        <Panel id="quote-versions-h" level={3} tone="plain" testId="quote-versions" title={t("panel.versions")}>
          <DataTable
            className="text-sm"
            density="compact"
            columns={[
              t("panel.versionCol"),
              t("panel.submittedAt"),
              { label: t("totals.goodsGross"), numeric: true },
              { label: t("totals.landed"), numeric: true },
              { label: "PDF", srOnly: true },
            ]}
          >
            {data.versions.map((v) => (
              <tr key={v.version}>
                <td className="p-1">{v.version}</td>
                <td className="p-1">{v.submittedAt ? formatDateTime(v.submittedAt, lang) : "—"}</td>
                <td className="p-1 text-right tabular-nums">{money(v.goodsGross)}</td>
                <td className="p-1 text-right tabular-nums">{money(v.landed)}</td>
                <td className="p-1">
                  <a
                    href={`/supplier/rfqs/${data.rfqId}/quote.pdf?version=${v.version}`}
                    className="text-brand-700 underline"
                    data-testid={`quote-pdf-${v.version}`}
                  >
                    {t("form.pdf", { version: v.version })}
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        </Panel>
      ) : null}
    </div>
  );
}

/** «Apply to all lines» (needs JS; without it the controls are not shown and the form still submits). */
function ApplyToAll({
  rates,
  defaultRate,
  onApply,
}: {
  rates: React.ReactNode;
  defaultRate: VatRateCode | undefined;
  onApply: (v: { leadTimeDays?: string; vatRate?: string; analogueNote?: string }) => void;
}) {
  const { t } = useTranslation("quotes");
  const id = useId();
  const [lead, setLead] = useState("");
  const [rate, setRate] = useState<string>(defaultRate ?? "");
  const [note, setNote] = useState("");
  const [done, setDone] = useState(false);
  const box = "block w-full min-h-11 rounded-md border border-slate-300 bg-white px-2 py-2 text-sm";
  return (
    <fieldset className="rounded-md border border-slate-200 p-3" data-testid="apply-all">
      <legend className="px-1 text-sm font-medium">{t("form.applyAll")}</legend>
      <div className="grid items-end gap-2 sm:grid-cols-[8rem_10rem_1fr_auto]">
        <div>
          <label htmlFor={`${id}-lead`} className="block text-xs font-medium text-slate-700">
            {t("form.applyLeadTime")}
          </label>
          <input
            id={`${id}-lead`}
            value={lead}
            onChange={(e) => setLead(e.target.value)}
            inputMode="numeric"
            className={box}
          />
        </div>
        <div>
          <label htmlFor={`${id}-vat`} className="block text-xs font-medium text-slate-700">
            {t("form.applyVat")}
          </label>
          <select id={`${id}-vat`} value={rate} onChange={(e) => setRate(e.target.value)} className={box}>
            {rates}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-note`} className="block text-xs font-medium text-slate-700">
            {t("form.applyNote")}
          </label>
          <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} className={box} />
        </div>
        <Button
          variant="secondary"
          className="min-h-11"
          data-testid="apply-all-button"
          onClick={() => {
            onApply({
              leadTimeDays: lead.trim() ? lead.trim() : undefined,
              vatRate: rate || undefined,
              analogueNote: note.trim() ? note.trim() : undefined,
            });
            setDone(true);
          }}
        >
          {t("form.apply")}
        </Button>
      </div>
      {done ? (
        <p role="status" className="mt-1 text-xs text-green-800">
          {t("form.applied")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The kit has no date field; a labelled date input with the kit's look. */
function DateField({
  meta,
  label,
  translateError,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: conform field metadata of any schema
  meta: FieldMetadata<any>;
  label: string;
  translateError: (k: string) => string;
}) {
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <DateInput
        id={meta.id}
        name={meta.name}
        defaultValue={typeof meta.initialValue === "string" ? meta.initialValue : ""}
        key={meta.key}
        {...aria(meta)}
        className={`${cellInput} mt-1`}
      />
      {meta.errors?.length ? (
        <p id={meta.errorId} className="mt-1 text-sm text-red-700">
          {meta.errors.map(translateError).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
