import { useTranslation } from "react-i18next";
import { ScrollRegion } from "~/components/ui/table";
import { formatDate, formatMoney } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import type { VatRateCode } from "~/modules/money/money";
import { unitName } from "~/modules/money/units";
import { vatRateLabel } from "~/modules/money/vat";
import type { Comparison } from "../buyer.server";
import type { CompareOffer } from "../compare";

/** A «best» mark beside a price, a lead time or a total. */
export const Mark = ({ label, kind }: { label: string; kind: string }) => (
  <span
    className="ml-1 inline-block rounded bg-green-100 px-1 text-[11px] font-medium text-green-800 print:border print:border-green-800"
    data-mark={kind}
  >
    ★ {label}
  </span>
);

/** The totals below the lines, one [key, render] per row: the matrix's footer and each phone card's summary. */
export function useTotalRows(c: Comparison) {
  const { t } = useTranslation("quotes");
  const lang = useLang();
  const money = (v: string) => formatMoney(BigInt(v), lang);
  return [
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
          {c.marks.bestLanded.includes(o.quoteId) ? <Mark label={t("compare.bestLanded")} kind="best-landed" /> : null}
        </>
      ),
    ],
    [
      "payment",
      (o: CompareOffer) =>
        t("compare.paymentText", { prepay: o.prepaymentPercent }) +
        (o.paymentDaysAfterDelivery != null ? t("compare.paymentDays", { days: o.paymentDaysAfterDelivery }) : ""),
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
  ] as const;
}

/** The comparison matrix (lines × offers) for wide screens, in its own keyboard-reachable scroll box. */
export function CompareMatrix({ c, offers }: { c: Comparison; offers: CompareOffer[] }) {
  const { t } = useTranslation("quotes");
  const lang = useLang();
  const money = (v: string) => formatMoney(BigInt(v), lang);
  const rows = useTotalRows(c);
  const th = "border-b border-slate-200 bg-slate-50 p-2 text-left text-xs font-medium text-slate-700";
  return (
    <ScrollRegion
      className="hidden max-h-[75vh] overflow-auto sm:block print:block rounded-lg border border-slate-200 bg-white print:max-h-none print:overflow-visible"
      testId="compare-matrix"
      label={t("compare.matrixCaption")}
    >
      <table className="min-w-full border-separate border-spacing-0 text-sm">
        <caption className="sr-only">{t("compare.matrixCaption")}</caption>
        <thead className="sticky top-0 z-20">
          <tr>
            <th scope="col" className={`${th} sticky left-0 z-30 min-w-56`}>
              {t("compare.item")}
            </th>
            {offers.map((o) => (
              <th key={o.quoteId} scope="col" className={`${th} min-w-52`} data-testid={`offer-head-${o.supplierName}`}>
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
          {rows.map(([key, render]) => (
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
    </ScrollRegion>
  );
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
