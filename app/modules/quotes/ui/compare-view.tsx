import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatMoney } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import type { VatRateCode } from "~/modules/money/money";
import { unitName } from "~/modules/money/units";
import { vatRateLabel } from "~/modules/money/vat";
import { buttonClass, inputClass, secondaryButtonClass } from "~/modules/rfq/ui/bits";
import type { Comparison } from "../buyer.server";
import { type CompareOffer, filterOffers, SORTS, type SortKey, sortOffers } from "../compare";
import { completeFirst } from "../coverage";
import { AwardMoney, BestSplitPanel, DecisionSettingsForm, OfferCards, RoundsPanel, TotalsBar } from "./decision-panel";
import { useQuoteErrorText } from "./quote-panel";

type ActionData = {
  intent: string;
  review?: { mode: "whole" | "split"; quoteId?: string; lines: Record<string, string>; reason: string };
  errors?: Record<string, string[]>;
  formErrors?: string[];
  values?: Record<string, string>;
};

const Mark = ({ label, kind }: { label: string; kind: string }) => (
  <span
    className="ml-1 inline-block rounded bg-green-100 px-1 text-[11px] font-medium text-green-800 print:border print:border-green-800"
    data-mark={kind}
  >
    ★ {label}
  </span>
);

export function CompareView({
  comparison: c,
  now,
  params,
  actionData,
}: {
  comparison: Comparison;
  now: number;
  params: URLSearchParams;
  actionData?: ActionData;
}) {
  const { t } = useTranslation("quotes");
  const lang = useLang();
  const errorText = useQuoteErrorText();
  const money = (v: string) => formatMoney(BigInt(v), lang);
  const sort = (SORTS as readonly string[]).includes(params.get("sort") ?? "")
    ? (params.get("sort") as SortKey)
    : "landed";
  const completeOnly = params.get("complete") === "1";
  // complete offers first unless the buyer asks otherwise (an incomplete offer's total is not comparable)
  const compared = new Map(c.offers.map((o) => [o.quoteId, o]));
  const sorted = sortOffers(filterOffers(c.offers, completeOnly), sort).flatMap((o) => compared.get(o.quoteId) ?? []);
  const offers = params.get("mixed") === "1" ? sorted : completeFirst(sorted);
  const prefill = params.get("apply") === "split" ? c.bestSplit?.assignment : undefined;
  const [mode, setMode] = useState<"whole" | "split">(actionData?.review?.mode ?? "split");
  const done = params.get("done");
  const award = c.awards.at(-1);
  const byQuote = new Map(c.offers.map((o) => [o.quoteId, o]));
  const exportBase = `/buyer/rfqs/${c.rfq.id}`;
  const th = "border-b border-slate-200 bg-slate-50 p-2 text-left text-xs font-medium text-slate-700";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("compare.title", { number: c.rfq.number })}</h1>
          <p className="text-sm text-slate-600">{c.rfq.title}</p>
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          <a href={`${exportBase}/compare.xlsx`} className={secondaryButtonClass} data-testid="export-xlsx" download>
            {t("compare.exportXlsx")}
          </a>
          {award ? (
            <a href={`${exportBase}/award-protocol.xlsx`} className={secondaryButtonClass} download>
              {t("compare.exportProtocol")}
            </a>
          ) : null}
          <button type="button" className={secondaryButtonClass} onClick={() => window.print()}>
            {t("compare.print")}
          </button>
        </div>
      </div>
      {done === "closed" ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
          {t("compare.doneClosed")}
        </p>
      ) : null}
      {actionData?.formErrors?.length ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {actionData.formErrors.map(errorText).join(" ")}
        </p>
      ) : null}

      {!c.pricesVisible ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="sealed-notice">
          {t("compare.sealedNotice", { deadline: c.rfq.deadline ? formatDateTime(c.rfq.deadline, lang) : "—" })}
        </p>
      ) : null}

      <section aria-labelledby="participants-h" className="print:break-inside-avoid">
        <h2 id="participants-h" className="mb-2 text-lg font-semibold">
          {t("compare.participants")}
        </h2>
        {c.participants.length === 0 ? (
          <p className="text-sm text-slate-600">{t("compare.noQuotes")}</p>
        ) : (
          <ul className="text-sm" data-testid="participants">
            {c.participants.map((p) => (
              <li key={p.quoteId}>
                {p.supplierName} — {t(`status.${p.status}`)}, {t("compare.version")} {p.version},{" "}
                {t("compare.submittedAt").toLowerCase()} {p.submittedAt ? formatDateTime(p.submittedAt, lang) : "—"}
              </li>
            ))}
          </ul>
        )}
      </section>

      {c.canCloseEarly ? (
        <Form method="post" className="print:hidden">
          <button type="submit" name="intent" value="close-early" className={secondaryButtonClass}>
            {t("compare.closeEarly")}
          </button>
          <p className="mt-1 text-xs text-slate-500">{t("compare.closeEarlyHint")}</p>
        </Form>
      ) : null}

      {c.pricesVisible && c.offers.length ? (
        <>
          {done === "settings" || done === "round" ? (
            <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
              {t(`done.${done}`)}
            </p>
          ) : null}
          <OfferCards c={c} offers={offers} />
          <BestSplitPanel c={c} />
          <DecisionSettingsForm
            c={c}
            errors={actionData?.intent === "decision-settings" ? actionData.errors : undefined}
            values={actionData?.intent === "decision-settings" ? actionData.values : undefined}
          />
          <RoundsPanel
            c={c}
            now={now}
            errors={actionData?.intent === "start-round" ? actionData.errors : undefined}
            formErrors={actionData?.intent === "start-round" ? actionData.formErrors : undefined}
          />
          <Form method="get" className="flex flex-wrap items-end gap-3 print:hidden" data-testid="compare-controls">
            <div>
              <label htmlFor="sort" className="text-sm font-medium">
                {t("compare.sort")}
              </label>
              <select id="sort" name="sort" defaultValue={sort} className={inputClass}>
                <option value="landed">{t("compare.sortLanded")}</option>
                <option value="lead">{t("compare.sortLead")}</option>
                <option value="rating">{t("compare.sortRating")}</option>
              </select>
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="complete" value="1" defaultChecked={completeOnly} />
              {t("compare.completeOnly")}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="mixed" value="1" defaultChecked={params.get("mixed") === "1"} />
              {t("decision.completeFirstOff")}
            </label>
            <button type="submit" className={secondaryButtonClass}>
              {t("compare.apply")}
            </button>
          </Form>

          {/* a scrollable region must be reachable by keyboard so the matrix can be scrolled without a mouse */}
          <section
            className="max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white print:max-h-none print:overflow-visible"
            data-testid="compare-matrix"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region (WCAG 2.1.1, axe scrollable-region-focusable)
            tabIndex={0}
            aria-label={t("compare.matrixCaption")}
          >
            <table className="min-w-full border-separate border-spacing-0 text-sm">
              <caption className="sr-only">{t("compare.matrixCaption")}</caption>
              <thead className="sticky top-0 z-20">
                <tr>
                  <th scope="col" className={`${th} sticky left-0 z-30 min-w-56`}>
                    {t("compare.item")}
                  </th>
                  {offers.map((o) => (
                    <th
                      key={o.quoteId}
                      scope="col"
                      className={`${th} min-w-52`}
                      data-testid={`offer-head-${o.supplierName}`}
                    >
                      <span className="block text-sm font-semibold">{o.supplierName}</span>
                      <span className="block font-normal">
                        {o.verified ? `✓ ${t("compare.verified")}` : t("compare.notVerified")} · {t("compare.rating")}:{" "}
                        {o.rating !== null ? `${o.rating} (${o.ratingCount})` : t("compare.noRating")}
                      </span>
                      <span className="block font-normal">
                        {t("compare.version")} {o.version}
                        {!o.complete ? ` · ${t("compare.incomplete")}` : ""}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {c.items.map((item, idx) => (
                  <tr key={item.id} data-testid={`row-${idx + 1}`}>
                    <th
                      scope="row"
                      className="sticky left-0 z-10 border-b border-slate-200 bg-white p-2 text-left font-normal"
                    >
                      <span className="font-medium">
                        {idx + 1}. {item.name}
                      </span>
                      <span className="block text-xs text-slate-500">
                        {t("compare.requested")}: {item.quantity} {unitName(item.unit, lang)}
                      </span>
                    </th>
                    {offers.map((o) => (
                      <OfferCell key={o.quoteId} offer={o} itemId={item.id} c={c} money={money} />
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {(
                  [
                    ["goodsNet", (o: CompareOffer) => money(o.goodsNet)],
                    ["goodsGross", (o: CompareOffer) => money(o.goodsGross)],
                    ["delivery", (o: CompareOffer) => money(o.deliveryGross)],
                    [
                      "landed",
                      (o: CompareOffer) => (
                        <>
                          <span className="font-semibold" data-testid="landed">
                            {money(o.landed)}
                          </span>
                          {c.marks.bestLanded.includes(o.quoteId) ? (
                            <Mark label={t("compare.bestLanded")} kind="best-landed" />
                          ) : null}
                        </>
                      ),
                    ],
                    [
                      "payment",
                      (o: CompareOffer) =>
                        t("compare.paymentText", { prepay: o.prepaymentPercent }) +
                        (o.paymentDaysAfterDelivery != null
                          ? t("compare.paymentDays", { days: o.paymentDaysAfterDelivery })
                          : ""),
                    ],
                    [
                      "validUntil",
                      (o: CompareOffer) => (
                        <>
                          {o.validUntil ? formatDate(o.validUntil, lang) : "—"}
                          {o.expired ? (
                            <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-800" data-testid="expired">
                              {t("compare.expired")}
                            </span>
                          ) : null}
                        </>
                      ),
                    ],
                    [
                      "attachments",
                      (o: CompareOffer) =>
                        o.attachments.map((a) => (
                          <a key={a.id} href={`/files/${a.id}`} className="block text-brand-700 underline">
                            {a.name}
                          </a>
                        )),
                    ],
                  ] as const
                ).map(([key, render]) => (
                  <tr key={key} data-testid={`total-${key}`}>
                    <th
                      scope="row"
                      className="sticky left-0 z-10 border-b border-slate-200 bg-slate-50 p-2 text-left text-xs font-medium"
                    >
                      {t(`compare.${key}`)}
                    </th>
                    {offers.map((o) => (
                      <td
                        key={o.quoteId}
                        className="border-b border-slate-200 bg-slate-50 p-2 tabular-nums"
                        data-supplier={o.supplierName}
                      >
                        {render(o)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tfoot>
            </table>
          </section>
        </>
      ) : null}

      <TotalsBar c={c} offers={offers} />

      {c.protocol ? (
        <section aria-labelledby="protocol-h" data-testid="opening-protocol" className="print:break-inside-avoid">
          <h2 id="protocol-h" className="mb-1 text-lg font-semibold">
            {t("compare.protocol")}
          </h2>
          <p className="text-sm text-slate-600">
            {t("compare.protocolOpenedAt", { date: formatDateTime(c.protocol.openedAt, lang) })}
          </p>
          <table className="mt-2 text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-600">
                <th scope="col" className="p-1">
                  {t("compare.item")}
                </th>
                <th scope="col" className="p-1">
                  {t("compare.submittedAt")}
                </th>
                <th scope="col" className="p-1">
                  {t("compare.version")}
                </th>
                <th scope="col" className="p-1 text-right">
                  {t("compare.goodsGross")}
                </th>
                <th scope="col" className="p-1 text-right">
                  {t("compare.landed")}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.protocol.entries.map((e) => (
                <tr key={e.supplierOrgId}>
                  <td className="p-1">{e.supplierName}</td>
                  <td className="p-1">{e.submittedAt ? formatDateTime(e.submittedAt, lang) : "—"}</td>
                  <td className="p-1">{e.version}</td>
                  <td className="p-1 text-right tabular-nums">{money(e.goodsGross)}</td>
                  <td className="p-1 text-right tabular-nums">{money(e.landed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {c.history.length ? (
        <details className="text-sm print:hidden">
          <summary className="cursor-pointer font-medium">{t("compare.history")}</summary>
          <ul className="mt-2" data-testid="version-history">
            {c.history.map((h) => (
              <li key={`${h.quoteId}-${h.version}`}>
                {h.supplierName}, {t("compare.version")} {h.version}: {money(h.landed)} (
                {h.submittedAt ? formatDateTime(h.submittedAt, lang) : "—"})
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {award ? (
        <section
          id="award-result"
          aria-labelledby="award-result-h"
          data-testid="award-result"
          className="rounded-lg border border-green-300 bg-green-50 p-4"
        >
          <h2 id="award-result-h" className="mb-2 text-lg font-semibold">
            {t("compare.awarded")}
          </h2>
          <ul className="space-y-1 text-sm">
            {award.orders.map((o) => (
              <li key={o.id} data-testid="created-order">
                <a href={localOrder(lang, o.id)} className="text-brand-700 underline">
                  {t("compare.order", { number: o.number })}
                </a>{" "}
                — {o.supplierName}, {money(o.total)}
              </li>
            ))}
          </ul>
          <ul className="mt-2 text-sm">
            {c.items.map((item, idx) => {
              const line = award.lines.find((l) => l.rfqItemId === item.id);
              const o = line ? byQuote.get(line.quoteId) : undefined;
              return (
                <li key={item.id} data-testid={`awarded-line-${idx + 1}`}>
                  {idx + 1}. {item.name}:{" "}
                  {o ? t("compare.awardedTo", { supplier: o.supplierName }) : t("compare.noAward")}
                </li>
              );
            })}
          </ul>
          {award.reason ? (
            <p className="mt-2 text-sm">
              {t("compare.reason")}: {award.reason}
            </p>
          ) : null}
        </section>
      ) : null}

      {c.canAward ? (
        <section
          aria-labelledby="award-h"
          className="rounded-lg border border-slate-200 bg-white p-4 print:hidden"
          id="award-form"
          data-testid="award-form"
        >
          <h2 id="award-h" className="mb-2 text-lg font-semibold">
            {t("compare.award")}
          </h2>
          {actionData?.review ? (
            <AwardReview review={actionData.review} c={c} />
          ) : (
            <Form method="post" className="space-y-3">
              <fieldset className="flex gap-4 text-sm">
                <legend className="sr-only">{t("compare.award")}</legend>
                <label className="flex items-center gap-1">
                  <input
                    type="radio"
                    name="mode"
                    value="split"
                    checked={mode === "split"}
                    onChange={() => setMode("split")}
                  />
                  {t("compare.awardSplit")}
                </label>
                <label className="flex items-center gap-1">
                  <input
                    type="radio"
                    name="mode"
                    value="whole"
                    checked={mode === "whole"}
                    onChange={() => setMode("whole")}
                  />
                  {t("compare.awardWhole")}
                </label>
              </fieldset>
              {mode === "whole" ? (
                <div>
                  <label htmlFor="award-quote" className="text-sm font-medium">
                    {t("compare.awardWhole")}
                  </label>
                  <select
                    id="award-quote"
                    name="quoteId"
                    className={inputClass}
                    aria-invalid={actionData?.errors?.quoteId ? true : undefined}
                    aria-describedby="award-quote-error"
                  >
                    {c.offers.map((o) => (
                      <option key={o.quoteId} value={o.quoteId}>
                        {o.supplierName} — {money(o.landed)}
                      </option>
                    ))}
                  </select>
                  {actionData?.errors?.quoteId ? (
                    <p id="award-quote-error" role="alert" className="text-sm text-red-700">
                      {actionData.errors.quoteId.map(errorText).join(" ")}
                    </p>
                  ) : null}
                </div>
              ) : (
                <div className="space-y-2">
                  {c.items.map((item, idx) => {
                    const err = actionData?.errors?.[`item.${item.id}`];
                    return (
                      <fieldset
                        key={item.id}
                        className="text-sm"
                        aria-describedby={err ? `award-item-${idx}-error` : undefined}
                      >
                        <legend className="font-medium">
                          {idx + 1}. {item.name}
                        </legend>
                        <div className="flex flex-wrap gap-3">
                          {c.offers
                            .filter((o) => o.lines[item.id])
                            .map((o) => (
                              <label key={o.quoteId} className="flex items-center gap-1">
                                <input
                                  type="radio"
                                  name={`item.${item.id}`}
                                  value={o.quoteId}
                                  defaultChecked={prefill?.[item.id] === o.quoteId}
                                  data-testid={`award-${idx + 1}-${o.supplierName}`}
                                />
                                {o.supplierName} ({money(o.lines[item.id].unitPrice)})
                              </label>
                            ))}
                          <label className="flex items-center gap-1">
                            <input
                              type="radio"
                              name={`item.${item.id}`}
                              value=""
                              defaultChecked={!prefill?.[item.id]}
                            />
                            {t("compare.noAward")}
                          </label>
                        </div>
                        {err ? (
                          <p id={`award-item-${idx}-error`} role="alert" className="text-red-700">
                            {err.map(errorText).join(" ")}
                          </p>
                        ) : null}
                      </fieldset>
                    );
                  })}
                </div>
              )}
              <div>
                <label htmlFor="award-reason" className="text-sm font-medium">
                  {t("compare.reason")}
                </label>
                <textarea id="award-reason" name="reason" rows={2} className={inputClass} />
              </div>
              <button type="submit" name="intent" value="award-review" className={buttonClass}>
                {t("compare.next")}
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </div>
  );
}

function localOrder(lang: string, id: string) {
  return `${lang === "en" ? "/en" : ""}/orders/${id}`;
}

function OfferCell({
  offer: o,
  itemId,
  c,
  money,
}: {
  offer: CompareOffer;
  itemId: string;
  c: Comparison;
  money: (v: string) => string;
}) {
  const { t } = useTranslation("quotes");
  const lang = useLang();
  const l = o.lines[itemId];
  const cls = "border-b border-slate-200 p-2 align-top tabular-nums";
  if (!l)
    return (
      <td className={`${cls} text-slate-600`} data-supplier={o.supplierName} data-missing="true">
        {t("compare.missing")}
      </td>
    );
  return (
    <td className={cls} data-supplier={o.supplierName}>
      <span className="block" data-testid="unit-price">
        {money(l.unitPrice)}
        {c.marks.bestPrice[itemId]?.includes(o.quoteId) ? (
          <Mark label={t("compare.bestPrice")} kind="best-price" />
        ) : null}
      </span>
      <span className="block text-xs">
        {t("compare.lineNet")}: <span data-testid="line-net">{money(l.net)}</span>
      </span>
      <span className="block text-xs">
        {t("compare.lineGross")}: <span data-testid="line-gross">{money(l.gross)}</span> (
        {vatRateLabel(l.vatRate as VatRateCode, lang)})
      </span>
      <span className="block text-xs">
        {t("compare.leadTime")}: {l.leadTimeDays != null ? t("compare.days", { count: l.leadTimeDays }) : "—"}
        {c.marks.bestLead[itemId]?.includes(o.quoteId) ? <Mark label={t("compare.bestLead")} kind="best-lead" /> : null}
      </span>
      {l.partial ? (
        <span className="block text-xs text-amber-800" data-testid="partial">
          {t("compare.partial", { quantity: l.quantity })}
        </span>
      ) : null}
      {l.analogueModel ? (
        <span className="block text-xs text-blue-800" data-testid="analogue" title={l.analogueNote ?? undefined}>
          {t("compare.analogue", { model: l.analogueModel })}
        </span>
      ) : null}
    </td>
  );
}

function AwardReview({ review, c }: { review: NonNullable<ActionData["review"]>; c: Comparison }) {
  const { t } = useTranslation("quotes");
  const byQuote = new Map(c.offers.map((o) => [o.quoteId, o]));
  const assigned = c.items.map((item) => {
    const quoteId =
      review.mode === "whole"
        ? byQuote.get(review.quoteId ?? "")?.lines[item.id]
          ? review.quoteId
          : undefined
        : review.lines[item.id];
    return { item, offer: quoteId ? byQuote.get(quoteId) : undefined };
  });
  return (
    <Form method="post" className="space-y-3" data-testid="award-review">
      <h3 className="font-medium">{t("compare.confirmTitle")}</h3>
      <ul className="text-sm">
        {assigned.map(({ item, offer }, idx) => (
          <li key={item.id}>
            {idx + 1}. {item.name}: <strong>{offer ? offer.supplierName : t("compare.noAward")}</strong>
          </li>
        ))}
      </ul>
      <AwardMoney
        c={c}
        assignment={Object.fromEntries(
          assigned.flatMap(({ item, offer }) => (offer ? [[item.id, offer.quoteId]] : [])),
        )}
      />
      {review.reason ? (
        <p className="text-sm">
          {t("compare.reason")}: {review.reason}
        </p>
      ) : null}
      <input type="hidden" name="mode" value={review.mode} />
      {review.quoteId ? <input type="hidden" name="quoteId" value={review.quoteId} /> : null}
      {Object.entries(review.lines).map(([k, v]) => (
        <input key={k} type="hidden" name={`item.${k}`} value={v} />
      ))}
      <input type="hidden" name="reason" value={review.reason} />
      <input type="hidden" name="confirm" value="yes" />
      <div className="flex gap-2">
        <button type="submit" name="intent" value="award" className={buttonClass} data-testid="award-confirm">
          {t("compare.confirm")}
        </button>
        <a href="?" className={secondaryButtonClass}>
          {t("compare.edit")}
        </a>
      </div>
    </Form>
  );
}
