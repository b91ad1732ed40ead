import {
  type Amounts,
  type DocumentTotals,
  documentTotals,
  type InstallmentTotals,
  type RatedAmounts,
  splitAdvance,
  type VatRateCode,
} from "~/modules/money/money";

/**
 * An order's money as every surface shows it (order page, счёт PDF, API): computed by the money module from the stored,
 * rounded lines and the delivery line, so the page, the PDF and the JSON cannot disagree. Pure.
 */
export interface OrderMoneySource {
  deliveryCostKopecks: bigint;
  deliveryVatRate: VatRateCode;
  prepaymentPercent: number;
  lines: { netKopecks: bigint; vatKopecks: bigint; grossKopecks: bigint; vatRate: VatRateCode }[];
}

export type InvoiceKindCode = "FULL" | "ADVANCE" | "BALANCE";

export interface OrderMoney extends DocumentTotals {
  prepaymentPercent: number;
  /** The счета the order is paid by: one FULL, or ADVANCE (prepayment %) then BALANCE. */
  invoices: { kind: InvoiceKindCode; totals: InstallmentTotals }[];
}

export function orderMoney(o: OrderMoneySource): OrderMoney {
  const lines: RatedAmounts[] = o.lines.map((l) => ({
    net: l.netKopecks,
    vat: l.vatKopecks,
    gross: l.grossKopecks,
    vatRate: l.vatRate,
  }));
  const doc = documentTotals(lines, { kopecks: o.deliveryCostKopecks, vatRate: o.deliveryVatRate });
  const pct = o.prepaymentPercent;
  if (pct > 0 && pct < 100) {
    const { advance, balance } = splitAdvance(doc, pct);
    return {
      ...doc,
      prepaymentPercent: pct,
      invoices: [
        { kind: "ADVANCE", totals: advance },
        { kind: "BALANCE", totals: balance },
      ],
    };
  }
  return {
    ...doc,
    prepaymentPercent: pct,
    invoices: [{ kind: "FULL", totals: { total: doc.total, byRate: doc.byRate } }],
  };
}

/** Paid and due of an order from its confirmed payments. */
export function paidAndDue(total: Amounts, payments: { amountKopecks: bigint; status: string }[]) {
  const paid = payments.filter((p) => p.status === "SUCCEEDED").reduce((s, p) => s + p.amountKopecks, 0n);
  return { paid, due: total.gross - paid };
}
