import type { Prisma, PrismaClient, QuoteLine } from "~/generated/prisma/client";
import { DomainError } from "~/utils/domain-error";

export type Db = PrismaClient | Prisma.TransactionClient;

/** A use-case validation failure: field errors / form errors as i18n keys of the `quotes` namespace. */
export class QuoteValidationError extends DomainError {
  constructor(fieldErrors: Record<string, string[]>, formErrors: string[] = []) {
    super("invalid", `invalid quote: ${JSON.stringify({ fieldErrors, formErrors })}`, { fieldErrors, formErrors });
  }
}

/** Quote statuses that were submitted at least once and not withdrawn: what the buyer compares. */
export const LIVE_QUOTE_STATUSES = ["SUBMITTED", "AWARDED", "NOT_SELECTED"] as const;
/** Quote statuses the buyer may know about (who quoted and when). */
export const VISIBLE_QUOTE_STATUSES = ["SUBMITTED", "WITHDRAWN", "AWARDED", "NOT_SELECTED"] as const;

/** Prices of an RFQ's quotes are visible to the buyer: always for open RFQs, for sealed ones once opened. */
export function pricesVisible(rfq: { sealed: boolean; openedAt: Date | null }): boolean {
  return !rfq.sealed || rfq.openedAt !== null;
}

export const k = (v: bigint) => v.toString();

/** The stored fields of a priced quote line that its views and the comparison read. */
export type PricedLine = Pick<
  QuoteLine,
  | "unitPriceKopecks"
  | "quantity"
  | "vatRate"
  | "leadTimeDays"
  | "analogueModel"
  | "analogueNote"
  | "netKopecks"
  | "vatKopecks"
  | "grossKopecks"
>;

/** One priced line of a quote version, as the buyer and the supplier see it (money as kopeck strings). */
export function quoteLineView(l: PricedLine) {
  return {
    unitPrice: k(l.unitPriceKopecks),
    quantity: l.quantity.toString(),
    vatRate: l.vatRate,
    leadTimeDays: l.leadTimeDays,
    analogueModel: l.analogueModel,
    analogueNote: l.analogueNote,
    net: k(l.netKopecks),
    vat: k(l.vatKopecks),
    gross: k(l.grossKopecks),
  };
}

export { moscowEndOfDay, toMoscowDateInput as toMoscowDate } from "~/modules/money/moscow-time";
