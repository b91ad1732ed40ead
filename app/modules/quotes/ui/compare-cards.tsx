import { useTranslation } from "react-i18next";
import { formatMoney } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import { unitName } from "~/modules/money/units";
import type { Comparison } from "../buyer.server";
import type { CompareOffer } from "../compare";
import { Mark, useTotalRows } from "./compare-matrix";

/**
 * The comparison on a phone (≤ 640 px, where the matrix is hidden): one card per supplier with its totals, landed
 * cost, longest lead time and each line's price in a compact list. The award form below the cards stays the same.
 */
export function CompareCards({ c, offers }: { c: Comparison; offers: CompareOffer[] }) {
  const { t } = useTranslation("quotes");
  const lang = useLang();
  const money = (v: string) => formatMoney(BigInt(v), lang);
  const rows = useTotalRows(c);
  return (
    <section aria-labelledby="compare-cards-h" className="sm:hidden print:hidden" data-testid="compare-cards">
      <h2 id="compare-cards-h" className="mb-2 text-lg font-semibold">
        {t("compare.matrixCaption")}
      </h2>
      <ul className="space-y-3">
        {offers.map((o) => {
          const leads = Object.values(o.lines).flatMap((l) => (l.leadTimeDays != null ? [l.leadTimeDays] : []));
          return (
            <li
              key={o.quoteId}
              className={`rounded-lg border bg-white p-3 text-sm ${o.complete ? "border-slate-200" : "border-amber-300"}`}
              data-testid="compare-card"
              data-supplier={o.supplierName}
            >
              <h3 className="font-semibold">{o.supplierName}</h3>
              <p className="text-xs text-slate-600">
                {o.verified ? `✓ ${t("compare.verified")}` : t("compare.notVerified")} · {t("compare.rating")}:{" "}
                {o.rating !== null ? `${o.rating} (${o.ratingCount})` : t("compare.noRating")} · {t("compare.version")}{" "}
                {o.version}
                {!o.complete ? ` · ${t("compare.incomplete")}` : ""}
              </p>
              <dl className="mt-2 grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 tabular-nums">
                {rows.map(([key, render]) => (
                  <div key={key} className="contents">
                    <dt className="text-slate-600">{t(`compare.${key}`)}</dt>
                    <dd className="min-w-0 break-words text-right">{render(o)}</dd>
                  </div>
                ))}
                <dt className="text-slate-600">{t("compare.leadTime")}</dt>
                <dd className="text-right">{leads.length ? t("compare.days", { count: Math.max(...leads) }) : "—"}</dd>
              </dl>
              <ol className="mt-2 space-y-1 border-t border-slate-100 pt-2" aria-label={t("compare.item")}>
                {c.items.map((item, idx) => {
                  const l = o.lines[item.id];
                  return (
                    <li key={item.id} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-2 text-xs">
                      <span className="min-w-0 break-words">
                        {idx + 1}. {item.name}
                        <span className="block text-slate-500">
                          {l?.partial ? t("compare.partial", { quantity: l.quantity }) : null}
                          {l?.partial ? " · " : null}
                          {item.quantity} {unitName(item.unit, lang)}
                          {l?.leadTimeDays != null ? ` · ${t("compare.days", { count: l.leadTimeDays })}` : ""}
                          {l?.analogueModel ? ` · ${t("compare.analogue", { model: l.analogueModel })}` : ""}
                        </span>
                      </span>
                      {l ? (
                        <span className="text-right tabular-nums">
                          {money(l.unitPrice)}
                          {c.marks.bestPrice[item.id]?.includes(o.quoteId) ? (
                            <Mark label={t("compare.bestPrice")} kind="best-price" />
                          ) : null}
                        </span>
                      ) : (
                        <span className="text-right text-slate-600">{t("compare.missing")}</span>
                      )}
                    </li>
                  );
                })}
              </ol>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
