import type { VatRate } from "~/generated/prisma/enums";
import { lineAmounts, sumAmounts } from "../money/money";

/** An order line as a document (счёт, договор) prints it: what, how much and at what price and НДС rate. */
export interface DocumentLineSource {
  position: number;
  name: string;
  quantity: { toString(): string };
  unit: string;
  unitPriceKopecks: bigint;
  vatRate: VatRate;
}

export interface OrderLineInput {
  rfqItemId: string;
  productId?: string | null;
  name: string;
  quantity: string;
  unit: string;
  unitPriceKopecks: bigint;
  vatRate: VatRate;
  leadTimeDays: number | null;
}

/** Order lines (positions from 1) with their net / НДС / gross amounts, and the goods totals over them. Pure. */
export function priceOrderLines(input: readonly OrderLineInput[]) {
  const lines = input.map((l, i) => {
    const a = lineAmounts({ quantity: l.quantity, unitPriceKopecks: l.unitPriceKopecks, vatRate: l.vatRate });
    return {
      position: i + 1,
      rfqItemId: l.rfqItemId,
      productId: l.productId,
      name: l.name,
      quantity: l.quantity,
      unit: l.unit,
      unitPriceKopecks: l.unitPriceKopecks,
      vatRate: l.vatRate,
      leadTimeDays: l.leadTimeDays,
      netKopecks: a.net,
      vatKopecks: a.vat,
      grossKopecks: a.gross,
    };
  });
  const goods = sumAmounts(lines.map((l) => ({ net: l.netKopecks, vat: l.vatKopecks, gross: l.grossKopecks })));
  return { lines, goods };
}
