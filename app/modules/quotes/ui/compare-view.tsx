import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { secondaryButtonClass } from "~/components/ui/button";
import { FormMessage, plainInputClass } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { DataTable } from "~/components/ui/table";
import { formatDateTime, formatMoney } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import type { Comparison } from "../buyer.server";
import { filterOffers, SORTS, type SortKey, sortOffers } from "../compare";
import { completeFirst } from "../coverage";
import { type ActionData, AwardSection } from "./award-form";
import { CompareCards } from "./compare-cards";
import { CompareMatrix } from "./compare-matrix";
import { BestSplitPanel, DecisionSettingsForm, OfferCards, RoundsPanel, TotalsBar } from "./decision-panel";
import { useQuoteErrorText } from "./quote-panel";

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
  const done = params.get("done");
  const award = c.awards.at(-1);
  const byQuote = new Map(c.offers.map((o) => [o.quoteId, o]));
  const exportBase = `/buyer/rfqs/${c.rfq.id}`;
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
      {done === "closed" ? <FormMessage tone="success">{t("compare.doneClosed")}</FormMessage> : null}
      {actionData?.formErrors?.length ? (
        <FormMessage>{actionData.formErrors.map(errorText).join(" ")}</FormMessage>
      ) : null}

      {!c.pricesVisible ? (
        <FormMessage tone="warning" testId="sealed-notice">
          {t("compare.sealedNotice", { deadline: c.rfq.deadline ? formatDateTime(c.rfq.deadline, lang) : "—" })}
        </FormMessage>
      ) : null}

      <Panel id="participants-h" tone="plain" className="print:break-inside-avoid" title={t("compare.participants")}>
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
      </Panel>

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
            <FormMessage tone="success">{t(`done.${done}`)}</FormMessage>
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
              <select id="sort" name="sort" defaultValue={sort} className={plainInputClass}>
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

          <CompareMatrix c={c} offers={offers} />
          <CompareCards c={c} offers={offers} />
        </>
      ) : null}

      <TotalsBar c={c} offers={offers} />

      {c.protocol ? (
        <Panel
          id="protocol-h"
          tone="plain"
          testId="opening-protocol"
          className="print:break-inside-avoid"
          title={t("compare.protocol")}
          hint={t("compare.protocolOpenedAt", { date: formatDateTime(c.protocol.openedAt, lang) })}
        >
          <DataTable
            className="text-sm"
            density="compact"
            columns={[
              t("compare.item"),
              t("compare.submittedAt"),
              t("compare.version"),
              { label: t("compare.goodsGross"), numeric: true },
              { label: t("compare.landed"), numeric: true },
            ]}
          >
            {c.protocol.entries.map((e) => (
              <tr key={e.supplierOrgId}>
                <td className="p-1">{e.supplierName}</td>
                <td className="p-1">{e.submittedAt ? formatDateTime(e.submittedAt, lang) : "—"}</td>
                <td className="p-1">{e.version}</td>
                <td className="p-1 text-right tabular-nums">{money(e.goodsGross)}</td>
                <td className="p-1 text-right tabular-nums">{money(e.landed)}</td>
              </tr>
            ))}
          </DataTable>
        </Panel>
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
        <div id="award-result">
          <Panel
            id="award-result-h"
            tone="plain"
            testId="award-result"
            className="rounded-lg border border-green-300 bg-green-50 p-4"
            title={t("compare.awarded")}
          >
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
          </Panel>
        </div>
      ) : null}

      <AwardSection c={c} actionData={actionData} prefill={prefill} />
    </div>
  );
}

function localOrder(lang: string, id: string) {
  return `${lang === "en" ? "/en" : ""}/orders/${id}`;
}
