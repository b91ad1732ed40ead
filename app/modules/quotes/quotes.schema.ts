/**
 * The quote form (client-safe): conform + zod. Messages are i18n keys of the `quotes` namespace. Amounts are typed in
 * roubles ("1 234,56") and converted to kopecks with money.ts; a line is quoted when it has a unit price.
 */
import { z } from "zod";
import { parseRublesToKopecks, quantityToMilli, VAT_RATE_CODES, type VatRateCode } from "~/modules/money/money";
import { baseVatRate } from "~/modules/money/vat";
import { normalizeQuantity } from "./quote-money";

const vatRate = z.enum(VAT_RATE_CODES as [VatRateCode, ...VatRateCode[]], { message: "errors.vatRate" });
const text = (max: number) => z.string().trim().max(max, { message: "errors.tooLong" }).optional();

function validQuantity(v: string): boolean {
  try {
    return quantityToMilli(normalizeQuantity(v)) > 0n;
  } catch {
    return false;
  }
}

export const quoteLineSchema = z
  .object({
    rfqItemId: z.string().min(1),
    unitPrice: z.string().trim().optional(),
    quantity: z.string().trim().optional(),
    vatRate: vatRate.default(() => baseVatRate()),
    leadTimeDays: z.string().trim().optional(),
    analogueModel: text(200),
    analogueNote: text(1000),
  })
  .superRefine((line, ctx) => {
    if (!line.unitPrice) {
      return;
    }
    const price = parseRublesToKopecks(line.unitPrice);
    if (price === null) ctx.addIssue({ code: "custom", path: ["unitPrice"], message: "errors.price" });
    else if (price < 0n) ctx.addIssue({ code: "custom", path: ["unitPrice"], message: "errors.priceNegative" });
    else if (price === 0n) ctx.addIssue({ code: "custom", path: ["unitPrice"], message: "errors.price" });
    if (!line.quantity) ctx.addIssue({ code: "custom", path: ["quantity"], message: "errors.quantityRequired" });
    else if (!validQuantity(line.quantity))
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "errors.quantity" });
    if (line.leadTimeDays && !/^\d{1,4}$/.test(line.leadTimeDays))
      ctx.addIssue({ code: "custom", path: ["leadTimeDays"], message: "errors.leadTime" });
    if (line.analogueNote && !line.analogueModel)
      ctx.addIssue({ code: "custom", path: ["analogueModel"], message: "errors.analogueModel" });
  });

export const quoteFormSchema = z
  .object({
    lines: z.array(quoteLineSchema).default([]),
    deliveryCost: z.string().trim().optional(),
    deliveryVatRate: vatRate.default(() => baseVatRate()),
    deliveryTerms: text(500),
    /** самовывоз / до терминала ТК / франко-склад покупателя (ADR 0019) */
    deliveryBasis: z
      .enum(["PICKUP", "TERMINAL", "BUYER_WAREHOUSE"], { message: "errors.deliveryBasis" })
      .or(z.literal(""))
      .optional(),
    deliveryPlace: text(300),
    prepaymentPercent: z.string().trim().optional(),
    paymentDaysAfterDelivery: z.string().trim().optional(),
    validUntil: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "errors.date" })
      .optional(),
    comment: text(2000),
    removeFileIds: z.array(z.string()).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.deliveryCost) {
      const k = parseRublesToKopecks(v.deliveryCost);
      if (k === null || k < 0n) ctx.addIssue({ code: "custom", path: ["deliveryCost"], message: "errors.amount" });
    }
    if (v.prepaymentPercent && !(/^\d{1,3}$/.test(v.prepaymentPercent) && Number(v.prepaymentPercent) <= 100))
      ctx.addIssue({ code: "custom", path: ["prepaymentPercent"], message: "errors.percent" });
    if (v.paymentDaysAfterDelivery && !/^\d{1,3}$/.test(v.paymentDaysAfterDelivery))
      ctx.addIssue({ code: "custom", path: ["paymentDaysAfterDelivery"], message: "errors.days" });
  });

export type QuoteForm = z.infer<typeof quoteFormSchema>;

export const QUOTE_INTENTS = ["quote-save", "quote-submit", "quote-withdraw"] as const;
export type QuoteIntent = (typeof QUOTE_INTENTS)[number];

/** The award form on the compare page: `mode=whole` + `quoteId`, or `mode=split` + `item.<rfqItemId>=<quoteId>`. */
export const awardFormSchema = z
  .object({
    mode: z.enum(["whole", "split"]),
    quoteId: z.string().optional(),
    reason: z.string().trim().max(1000, { message: "errors.tooLong" }).optional(),
    confirm: z.string().optional(),
  })
  .passthrough();
