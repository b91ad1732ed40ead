/**
 * The decision parts of the comparison page (new components; the matrix stays in compare-view): one card per supplier
 * with coverage, honest landed cost, cost of payment terms and deviation flags (the phone view: line details on tap),
 * the best split with its savings and «apply this split», the decision parameters, the re-bid rounds with their
 * protocol, the sticky totals bar and the money of the award review.
 */
import { Form } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { Button, buttonClass, secondaryButtonClass } from "~/components/ui/button";
import { DateInput } from "~/components/ui/date-input";
import { FieldErrors, FormMessage, plainInputClass } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { DataTable, ScrollRegion, Table } from "~/components/ui/table";
import { formatDate, formatDateTime, formatMoney } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import { lineAmounts, sumAmounts, type VatRateCode } from "~/modules/money/money";
import { toMoscowDateTimeInput } from "~/modules/rfq/rfq.schema";
import type { Comparison } from "../buyer.server";
import type { ComparedOffer } from "../decision";
import type { Deviation } from "../deviations";
import { useQuoteErrorText } from "./quote-panel";

type Errors = Record<string, string[]> | undefined;

function useMoney() {
  const lang = useLang();
  return (v: string | bigint) => formatMoney(typeof v === "bigint" ? v : BigInt(v), lang);
}

function DeviationFlag({ d, c }: { d: Deviation; c: Comparison }) {
  const { t } = useTranslation("quotes");
  const lang = useLang();
  const params: Record<string, string | number> = { ...(d.params ?? {}) };
  if (typeof params.validUntil === "string" && params.validUntil)
    params.validUntil = formatDate(params.validUntil, lang);
  const lines = d.itemIds
    ?.map((id) => (c.items.find((i) => i.id === id)?.position ?? 0) + 1)
    .sort((a, b) => a - b)
    .join(", ");
  return (
    <li
      className={`rounded px-1 text-xs ${d.blocking ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-900"}`}
      data-deviation={d.code}
    >
      {d.blocking ? "⛔ " : "⚠ "}
      {t(`deviation.${d.code}`, params)}
      {lines ? ` (${t("decision.showLines").toLowerCase()} ${lines})` : ""}
    </li>
  );
}

function PaymentCostText({ o }: { o: ComparedOffer }) {
  const { t } = useTranslation("quotes");
  const money = useMoney();
  const lang = useLang();
  const p = o.landedCost.paymentCost;
  return (
    <span className="block text-xs text-slate-600">
      {t("decision.paymentCostExplain", {
        prepaid: money(p.prepaid),
        prepaidDays: p.prepaidDays,
        deferred: money(p.deferred),
        deferredDays: p.deferredDays,
        rate: (p.rateBp / 100).toLocaleString(lang === "en" ? "en-GB" : "ru-RU"),
      })}
    </span>
  );
}

/** One card per supplier: the summary a buyer decides on (and the whole comparison on a phone). */
export function OfferCards({ c, offers }: { c: Comparison; offers: ComparedOffer[] }) {
  const { t } = useTranslation("quotes");
  const money = useMoney();
  return (
    <Panel
      id="offer-cards-h"
      tone="plain"
      className="print:break-inside-avoid"
      title={`${t("compare.participants")}: ${t("decision.landedEstimate").toLowerCase()}`}
    >
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="offer-cards">
        {offers.map((o) => {
          const freight =
            o.landedCost.freightSource === "included"
              ? t("decision.freightIncluded")
              : o.landedCost.freightSource === "missing"
                ? t("decision.freightMissing")
                : money(o.landedCost.freightEstimate);
          return (
            <li
              key={o.quoteId}
              className={`rounded-lg border bg-white p-3 text-sm ${o.complete ? "border-slate-200" : "border-amber-300"}`}
              data-testid={`offer-card-${o.supplierName}`}
            >
              <p className="font-semibold">{o.supplierName}</p>
              <p className="text-xs" data-testid="coverage">
                {t("decision.coverage", { quoted: o.coverage.quoted, total: o.coverage.total })}
                {o.coverage.partial ? ` · ${t("decision.partialCount", { count: o.coverage.partial })}` : ""}
                {o.roundNumber ? ` · ${t("rounds.round", { number: o.roundNumber })}` : ""}
              </p>
              <p className="text-xs text-slate-600">
                {o.deliveryBasis ? t(`basis.${o.deliveryBasis}`) : t("basis.none")}
                {o.deliveryPlace ? ` (${o.deliveryPlace})` : ""}
              </p>
              <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-2 tabular-nums">
                <dt>{t("compare.goodsGross")}</dt>
                <dd className="text-right">{money(o.goodsGross)}</dd>
                <dt>{t("compare.delivery")}</dt>
                <dd className="text-right">{money(o.deliveryGross)}</dd>
                <dt>{t("decision.freightEstimate")}</dt>
                <dd className="text-right" data-testid="freight">
                  {freight}
                </dd>
                <dt className="font-semibold">{t("decision.landedEstimate")}</dt>
                <dd className="text-right font-semibold" data-testid="landed-estimate">
                  {money(o.landedCost.landed)}
                  {!o.complete ? (
                    <span className="block text-xs font-normal text-amber-800">{t("decision.incompleteTotal")}</span>
                  ) : null}
                </dd>
                <dt>{t("decision.paymentCost")}</dt>
                <dd className="text-right" data-testid="payment-cost">
                  {money(o.landedCost.paymentCost.amount)}
                </dd>
              </dl>
              <PaymentCostText o={o} />
              {o.deviations.length ? (
                <ul className="mt-2 flex flex-wrap gap-1" aria-label={t("decision.deviations")}>
                  {o.deviations.map((d) => (
                    <DeviationFlag key={d.code} d={d} c={c} />
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-xs text-green-800">{t("decision.noDeviations")}</p>
              )}
              <details className="mt-2">
                <summary className="cursor-pointer text-xs font-medium text-brand-700">
                  {t("decision.showLines")}
                </summary>
                <ul className="mt-1 space-y-1 text-xs">
                  {c.items.map((item) => {
                    const l = o.lines[item.id];
                    return (
                      <li key={item.id}>
                        {item.position + 1}. {item.name}:{" "}
                        {l ? `${money(l.unitPrice)} × ${l.quantity} = ${money(l.gross)}` : t("compare.missing")}
                      </li>
                    );
                  })}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}

export function BestSplitPanel({ c }: { c: Comparison }) {
  const { t } = useTranslation("quotes");
  const money = useMoney();
  const s = c.bestSplit;
  if (!s) return null;
  const pos = (ids: string[]) =>
    ids
      .map((id) => (c.items.find((i) => i.id === id)?.position ?? 0) + 1)
      .sort((a, b) => a - b)
      .join(", ");
  return (
    <Panel
      id="best-split-h"
      tone="plain"
      className="rounded-lg border border-brand-600 bg-white p-4 print:break-inside-avoid"
      testId="best-split"
      title={t("decision.bestSplit")}
      hint={s.exact ? t("decision.bestSplitExact") : t("decision.bestSplitHeuristic")}
    >
      <ul className="mt-2 space-y-1 text-sm">
        {s.parts.map((p) => (
          <li key={p.quoteId} data-testid="split-part">
            {t("decision.bestSplitPart", {
              supplier: p.supplierName,
              lines: pos(p.itemIds),
              goods: money(p.goods),
              delivery: money(p.delivery),
              total: money(p.total),
            })}
          </li>
        ))}
      </ul>
      <p className="mt-2 font-semibold" data-testid="split-total">
        {t("decision.bestSplitTotal")}: {money(s.total)}
      </p>
      {s.uncovered.length ? (
        <p className="text-sm text-amber-800">{t("decision.uncovered", { lines: pos(s.uncovered) })}</p>
      ) : null}
      {s.cheapestPerLineTotal && s.cheapestPerLineTotal !== s.total ? (
        <p className="text-xs text-slate-600">
          {t("decision.cheapestPerLine", { total: money(s.cheapestPerLineTotal) })}
        </p>
      ) : null}
      <ul className="mt-2 text-sm" data-testid="savings">
        {s.savings.vsBestSingle ? (
          <li>
            {t("decision.savingSingle", {
              supplier: s.savings.vsBestSingle.supplierName,
              base: money(s.savings.vsBestSingle.base),
              saving: money(s.savings.vsBestSingle.saving),
            })}
          </li>
        ) : null}
        {s.savings.vsFirstOffers ? (
          <li>
            {t("decision.savingFirst", {
              base: money(s.savings.vsFirstOffers.base),
              saving: money(s.savings.vsFirstOffers.saving),
            })}
          </li>
        ) : null}
        {s.savings.vsBudget ? (
          <li>
            {t("decision.savingBudget", {
              base: money(s.savings.vsBudget.base),
              saving: money(s.savings.vsBudget.saving),
            })}
          </li>
        ) : null}
      </ul>
      {c.canAward ? (
        <a
          href="?apply=split#award-form"
          className={`${secondaryButtonClass} mt-3 print:hidden`}
          data-testid="apply-split"
        >
          {t("decision.applySplit")}
        </a>
      ) : null}
    </Panel>
  );
}

const rub = (kopecks: string | null) =>
  kopecks === null ? "" : (Number(BigInt(kopecks)) / 100).toFixed(2).replace(".", ",");

function Field({
  name,
  label,
  defaultValue,
  errors,
  type = "text",
}: {
  name: string;
  label: string;
  defaultValue: string;
  errors: Errors;
  type?: string;
}) {
  const err = errors?.[name];
  const id = `ds-${name.replace(/\W/g, "-")}`;
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {type === "date" ? (
        <DateInput
          id={id}
          name={name}
          defaultValue={defaultValue}
          className={plainInputClass}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `${id}-error` : undefined}
        />
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={defaultValue}
          inputMode={type === "text" ? "decimal" : undefined}
          className={plainInputClass}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `${id}-error` : undefined}
        />
      )}
      <FieldErrors id={`${id}-error`} errors={err} ns="quotes" />
    </div>
  );
}

export function DecisionSettingsForm({
  c,
  errors,
  values,
}: {
  c: Comparison;
  errors: Errors;
  values?: Record<string, string>;
}) {
  const { t } = useTranslation("quotes");
  const s = c.settings;
  // the form's fields: name, what is saved now (in the form's notation), and the date field's type
  const fields: { name: string; value: string; label: string; type?: string }[] = [
    { name: "budget", value: rub(s.budget) },
    {
      name: "plannedAwardDate",
      value: c.rfq.plannedAwardAt ? c.rfq.plannedAwardAt.slice(0, 10) : "",
      type: "date",
    },
    { name: "cargoWeightKg", value: s.freight.cargoWeightKg ?? "" },
    { name: "cargoVolumeM3", value: s.freight.cargoVolumeM3 ?? "" },
    { name: "freightPerTonne", value: rub(s.freight.perTonneKopecks) },
    { name: "freightPerM3", value: rub(s.freight.perM3Kopecks) },
    { name: "annualRatePercent", value: (s.annualRateBp / 100).toString().replace(".", ",") },
  ]
    .map((f) => ({ ...f, label: t(`decision.${f.name}`) }))
    .concat(
      // the buyer's freight estimate for each supplier that does not deliver to the buyer's warehouse
      c.offers
        .filter((o) => o.deliveryBasis !== "BUYER_WAREHOUSE")
        .map((o) => ({
          name: `freight.${o.supplierOrgId}`,
          value: rub(s.freight.bySupplier[o.supplierOrgId] ?? null),
          label: t("decision.freightFor", { supplier: o.supplierName }),
        })),
    );
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 print:hidden" open={Boolean(errors)}>
      <summary className="cursor-pointer font-semibold">{t("decision.settings")}</summary>
      <Form method="post" className="mt-3 space-y-3" data-testid="decision-settings">
        <div className="grid gap-3 md:grid-cols-2">
          {fields.map((f) => (
            <Field
              key={f.name}
              name={f.name}
              type={f.type}
              label={f.label}
              defaultValue={values?.[f.name] ?? f.value}
              errors={errors}
            />
          ))}
        </div>
        <button type="submit" name="intent" value="decision-settings" className={buttonClass}>
          {t("decision.saveSettings")}
        </button>
      </Form>
    </details>
  );
}

export function RoundsPanel({
  c,
  errors,
  formErrors,
  now,
}: {
  c: Comparison;
  errors: Errors;
  formErrors?: string[];
  now: number;
}) {
  const { t } = useTranslation("quotes");
  const lang = useLang();
  const money = useMoney();
  const errorText = useQuoteErrorText();
  if (!c.pricesVisible || (!c.rounds.length && !c.canStartRound)) return null;
  const itemName = (id: string) => {
    const i = c.items.find((x) => x.id === id);
    return i ? `${i.position + 1}. ${i.name}` : id;
  };
  return (
    <Panel id="rounds-h" testId="rounds" title={t("rounds.title")}>
      {c.rounds.map((r) => (
        <div key={r.id} className="mt-3 print:break-inside-avoid" data-testid={`round-${r.number}`}>
          <h3 className="font-medium">
            {t("rounds.round", { number: r.number })} —{" "}
            {t("rounds.until", { deadline: formatDateTime(r.deadline, lang) })},{" "}
            {r.open ? t("rounds.open") : t("rounds.closed")}
          </h3>
          {r.note ? <p className="text-sm">{r.note}</p> : null}
          {r.open && r.participants.every((p) => p.tookPart) ? (
            <Form method="post" className="mt-1 print:hidden">
              <Button type="submit" name="intent" value="close-round" variant="secondary" data-testid="close-round">
                {t("rounds.closeNow")}
              </Button>
            </Form>
          ) : null}
          {!r.pricesVisible ? <p className="text-sm text-amber-800">{t("rounds.sealedHidden")}</p> : null}
          <DataTable
            label={t("rounds.protocol")}
            caption={t("rounds.protocol")}
            density="compact"
            className="mt-1 min-w-full text-sm"
            columns={[
              t("awardMoney.supplier"),
              t("compare.item"),
              { label: t("rounds.before"), numeric: true },
              { label: t("rounds.after"), numeric: true },
            ]}
          >
            {r.participants.map((p) => (
              <Fragment key={p.quoteId}>
                <tr className="border-t" data-testid="round-participant">
                  <th scope="row" className="p-1 text-left font-medium">
                    {p.supplierName}
                  </th>
                  <td className="p-1 text-xs">{p.tookPart ? t("rounds.tookPart") : t("rounds.didNotTakePart")}</td>
                  <td className="p-1 text-right tabular-nums">{money(p.landedBefore)}</td>
                  <td className="p-1 text-right tabular-nums">{p.landedAfter ? money(p.landedAfter) : "—"}</td>
                </tr>
                {p.lines.map((l) => (
                  <tr key={`${p.quoteId}-${l.rfqItemId}`} className="text-xs text-slate-700">
                    <td className="p-1" />
                    <td className="p-1">{itemName(l.rfqItemId)}</td>
                    <td className="p-1 text-right tabular-nums">{l.before ? money(l.before) : "—"}</td>
                    <td className="p-1 text-right tabular-nums">{l.after ? money(l.after) : "—"}</td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </DataTable>
        </div>
      ))}
      {c.rounds.length ? (
        <a
          href={`/buyer/rfqs/${c.rfq.id}/rounds.xlsx`}
          className={`${secondaryButtonClass} mt-3 print:hidden`}
          download
          data-testid="export-rounds"
        >
          {t("rounds.exportXlsx")}
        </a>
      ) : null}
      {c.canStartRound ? (
        <Form method="post" className="mt-4 space-y-3 print:hidden" data-testid="start-round">
          <h3 className="font-medium">{t("rounds.start")}</h3>
          {formErrors?.length ? <FormMessage>{formErrors.map(errorText).join(" ")}</FormMessage> : null}
          <fieldset aria-describedby={errors?.quoteIds ? "round-quotes-error" : undefined}>
            <legend className="text-sm font-medium">{t("rounds.suppliers")}</legend>
            <div className="flex flex-wrap gap-3 text-sm">
              {c.offers.map((o) => (
                <label key={o.quoteId} className="flex items-center gap-1">
                  <input type="checkbox" name="roundQuoteId" value={o.quoteId} defaultChecked />
                  {o.supplierName}
                </label>
              ))}
            </div>
            <FieldErrors id="round-quotes-error" errors={errors?.quoteIds} ns="quotes" />
          </fieldset>
          <div className="grid gap-3 md:grid-cols-2">
            <Field
              name="deadline"
              type="datetime-local"
              label={t("rounds.deadline")}
              defaultValue={toMoscowDateTimeInput(new Date(now + 24 * 3600 * 1000))}
              errors={errors}
            />
            <Field name="note" label={t("rounds.note")} defaultValue="" errors={errors} />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="sealed" value="1" />
            {t("rounds.sealed")}
          </label>
          <Button type="submit" name="intent" value="start-round" data-testid="start-round-submit">
            {t("rounds.start")}
          </Button>
        </Form>
      ) : null}
    </Panel>
  );
}

/** Always visible: each supplier's honest landed total and coverage, and the best split total. */
export function TotalsBar({ c, offers }: { c: Comparison; offers: ComparedOffer[] }) {
  const { t } = useTranslation("quotes");
  const money = useMoney();
  if (!c.pricesVisible || !offers.length) return null;
  return (
    <section
      aria-label={t("decision.totalsBar")}
      className="sticky bottom-0 z-40 rounded-t-lg border border-slate-300 bg-white/95 p-2 text-xs shadow print:static print:shadow-none"
      data-testid="totals-bar"
    >
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {offers.map((o) => (
          <li key={o.quoteId}>
            <span className="font-medium">{o.supplierName}</span>: {money(o.landedCost.landed)} ·{" "}
            {t("decision.coverage", { quoted: o.coverage.quoted, total: o.coverage.total })}
            {o.blocked ? " ⛔" : ""}
          </li>
        ))}
        {c.bestSplit ? (
          <li className="font-semibold">
            {t("decision.bestSplitTotal")}: {money(c.bestSplit.total)}
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** The money of an award under review: per supplier net, НДС, delivery, total; the decision total and the saving. */
export function AwardMoney({ c, assignment }: { c: Comparison; assignment: Record<string, string> }) {
  const { t } = useTranslation("quotes");
  const money = useMoney();
  const byQuote = new Map(c.offers.map((o) => [o.quoteId, o]));
  const rows = [...new Set(Object.values(assignment))].flatMap((quoteId) => {
    const o = byQuote.get(quoteId);
    if (!o) return [];
    const goods = sumAmounts(
      Object.entries(assignment)
        .filter(([itemId, q]) => q === quoteId && o.lines[itemId])
        .map(([itemId]) => {
          const l = o.lines[itemId];
          return lineAmounts({
            unitPriceKopecks: BigInt(l.unitPrice),
            quantity: l.quantity,
            vatRate: l.vatRate as VatRateCode,
          });
        }),
    );
    const delivery = BigInt(o.deliveryGross);
    return [{ o, goods, delivery, total: goods.gross + delivery }];
  });
  const total = rows.reduce((s, r) => s + r.total, 0n);
  // the saving compares like with like: honest landed (with the buyer's freight estimates) against the best single
  const landed = rows.reduce((s, r) => s + BigInt(r.o.landedCost.freightEstimate), total);
  const single = c.bestSplit?.savings.vsBestSingle;
  return (
    <ScrollRegion label={t("awardMoney.decisionTotal")} testId="award-money">
      <Table
        caption={t("awardMoney.decisionTotal")}
        density="compact"
        bodyClassName="tabular-nums"
        columns={[
          t("awardMoney.supplier"),
          ...(["net", "vat", "delivery", "total"] as const).map((k) => ({
            label: t(`awardMoney.${k}`),
            numeric: true,
          })),
        ]}
      >
        {rows.map((r) => (
          <tr key={r.o.quoteId} className="border-t" data-testid="award-money-row">
            <th scope="row" className="p-1 text-left font-medium">
              {r.o.supplierName}
            </th>
            <td className="p-1 text-right">{money(r.goods.net)}</td>
            <td className="p-1 text-right">{money(r.goods.vat)}</td>
            <td className="p-1 text-right">{money(r.delivery)}</td>
            <td className="p-1 text-right">{money(r.total)}</td>
          </tr>
        ))}
        <tr className="border-t font-semibold">
          <th scope="row" className="p-1 text-left">
            {t("awardMoney.decisionTotal")}
          </th>
          <td className="p-1" colSpan={3} />
          <td className="p-1 text-right" data-testid="decision-total">
            {money(total)}
          </td>
        </tr>
      </Table>
      {single ? (
        <p className="mt-1 text-sm" data-testid="decision-saving">
          {t("awardMoney.saving", { saving: money(BigInt(single.base) - landed) })}
        </p>
      ) : null}
      {rows.length > 1 ? <p className="mt-1 text-xs text-slate-600">{t("awardMoney.deliveryNote")}</p> : null}
    </ScrollRegion>
  );
}
