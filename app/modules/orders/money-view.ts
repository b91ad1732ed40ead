import { isHistoricRate } from "~/modules/money/vat";
import type { OrderMoney } from "./totals";
import type { OrderMoneyView } from "./ui/order-money";

/**
 * The order page's money as JSON-safe kopeck strings (the page formats them with <Money>). A rate no longer in force
 * on `now` (20 % on a 2025 order) is flagged `historic`: the page says it is the rate on the document date.
 */
export function orderMoneyView(
  v: { money: OrderMoney; paid: bigint; due: bigint },
  now: Date = new Date(),
): OrderMoneyView {
  const m = v.money;
  const vat = (byRate: OrderMoney["byRate"]) =>
    byRate.map((r) => ({ vatRate: r.vatRate, vat: r.vat.toString(), historic: isHistoricRate(r.vatRate, now) }));
  return {
    goodsNet: m.goods.net.toString(),
    deliveryNet: m.delivery.gross === 0n ? null : m.delivery.net.toString(),
    vatByRate: vat(m.byRate),
    total: m.total.gross.toString(),
    prepaymentPercent: m.prepaymentPercent,
    invoices: m.invoices.map((i) => ({
      kind: i.kind,
      gross: i.totals.total.gross.toString(),
      vatByRate: vat(i.totals.byRate),
    })),
    paid: v.paid.toString(),
    due: v.due.toString(),
  };
}
