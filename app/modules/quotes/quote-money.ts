import {
  type Amounts,
  chargeAmounts,
  lineAmounts,
  parseRublesToKopecks,
  sumAmounts,
  type VatRateCode,
} from "~/modules/money/money";

/**
 * The money of a quote (pure, client-safe): the quote form's live totals and the totals saveQuote stores on a version
 * are the same arithmetic (money.ts), so what the supplier sees while typing is what the buyer compares.
 */

/** One line as typed in the quote form; null when the price or quantity is not (yet) valid. */
export function quoteFormLine(price: unknown, qty: unknown, vat: unknown): Amounts | null {
  const p = parseRublesToKopecks(String(price ?? ""));
  if (p === null || p <= 0n) return null;
  try {
    return lineAmounts({
      unitPriceKopecks: p,
      quantity: normalizeQuantity(String(qty ?? "")),
      vatRate: String(vat) as VatRateCode,
    });
  } catch {
    return null;
  }
}

export interface QuoteFormMoneyInput {
  lines: { unitPrice: unknown; quantity: unknown; vatRate: unknown }[];
  deliveryCost: unknown;
  deliveryVatRate: unknown;
}

/** Totals of the quote form as typed: per line, goods, delivery (its own rate) and the landed total. */
export function quoteFormTotals(input: QuoteFormMoneyInput) {
  const lines = input.lines.map((l) => quoteFormLine(l.unitPrice, l.quantity, l.vatRate));
  const goods = sumAmounts(lines.filter((l): l is Amounts => l !== null));
  const dk = parseRublesToKopecks(String(input.deliveryCost ?? "")) ?? 0n;
  const delivery = chargeAmounts(dk < 0n ? 0n : dk, String(input.deliveryVatRate ?? "NO_VAT") as VatRateCode);
  return { lines, goods, delivery, landed: goods.gross + delivery.gross };
}

/** The totals stored on a quote version (saveQuote) from its priced lines and delivery. */
export function quoteVersionTotals(
  lines: { netKopecks: bigint; vatKopecks: bigint; grossKopecks: bigint }[],
  deliveryCostKopecks: bigint,
  deliveryVatRate: VatRateCode,
) {
  const goods = sumAmounts(lines.map((l) => ({ net: l.netKopecks, vat: l.vatKopecks, gross: l.grossKopecks })));
  const delivery = chargeAmounts(deliveryCostKopecks, deliveryVatRate);
  return {
    goodsNetKopecks: goods.net,
    vatKopecks: goods.vat + delivery.vat,
    goodsGrossKopecks: goods.gross,
    landedKopecks: goods.gross + delivery.gross,
  };
}

/** A typed quantity ("1 000,5", "1000.5") → the stored form ("1000.5"): spaces dropped, decimal comma → point. */
export function normalizeQuantity(text: string): string {
  return text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
}

/** A stored quantity ("1000.500", "12") → what a Russian input shows: "1 000,5", "12". */
export function quantityInput(q: { toString(): string }): string {
  const [whole, frac = ""] = q.toString().split(".");
  const f = frac.replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return f ? `${grouped},${f}` : grouped;
}
