import type { VatRate } from "~/generated/prisma/enums";

const VAT_PERCENT: Record<VatRate, number> = { VAT20: 20, VAT10: 10, VAT0: 0, NO_VAT: 0 };

/** Gross (with НДС) price in kopecks from a net price, rounded to the kopeck. */
export function grossKopecks(netKopecks: number, vatRate: VatRate): number {
  return Math.round((netKopecks * (100 + VAT_PERCENT[vatRate])) / 100);
}
