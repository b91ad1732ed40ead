import { z } from "zod/v4";
import { VAT_RATE_CODES, type VatRateCode } from "~/modules/money/money";
import { baseVatRate } from "~/modules/money/vat";
import { WEBHOOK_EVENT_TYPES } from "../events.server";

/**
 * Request and response schemas of the REST API v1 (zod 4 API shipped in zod 3.25 as `zod/v4`). The same objects
 * validate requests and generate the OpenAPI 3.1 document (z.toJSONSchema), so the two cannot drift.
 */

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().meta({ description: "machine-readable code, e.g. not_found, validation_failed" }),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const Cursor = z.string().max(200).optional().meta({ description: "opaque cursor from `nextCursor`" });

const rubles = z
  .string()
  .regex(/^\d{1,13}([.,]\d{1,2})?$/)
  .meta({ description: "amount in rubles, net of VAT: «1234.50»" });
export const VatRate = z.enum(VAT_RATE_CODES as [VatRateCode, ...VatRateCode[]]);
export const Unit = z
  .enum(["pcs", "m", "km", "set", "t", "kg", "m3"])
  .meta({ description: "ОКЕИ unit: шт, м, км, компл, т, кг, м³" });
export const StockStatus = z.enum(["IN_STOCK", "TO_ORDER", "OUT_OF_STOCK"]);

export const ProductInput = z.object({
  categoryId: z.string().min(1),
  title: z.string().min(1).max(300),
  sku: z.string().min(1).max(100),
  manufacturer: z.string().max(200).optional(),
  description: z.string().max(10_000).optional(),
  price: rubles.nullable().meta({ description: "net price in rubles; null = «цена по запросу»" }),
  vatRate: VatRate,
  unit: Unit,
  minOrderQty: z.number().positive().max(1e10).default(1),
  leadTimeDays: z.number().int().min(0).max(3650).optional(),
  stockStatus: StockStatus.default("TO_ORDER"),
  specs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  publish: z.boolean().default(false).meta({ description: "publish right away (else a draft)" }),
});

export const StockPriceInput = z.object({
  price: rubles.nullable().optional(),
  stockStatus: StockStatus.optional(),
});

export const Product = z.object({
  id: z.string(),
  slug: z.string(),
  sku: z.string(),
  title: z.string(),
  categoryId: z.string(),
  status: z.enum(["DRAFT", "PUBLISHED", "ARCHIVED"]),
  priceKopecks: z.number().int().nullable(),
  vatRate: VatRate,
  unit: z.string(),
  stockStatus: StockStatus,
  updatedAt: z.string(),
});

export const RfqItemInput = z.object({
  productId: z.string().optional(),
  name: z.string().min(1).max(300),
  quantity: z.union([z.number().positive(), z.string().regex(/^\d+([.,]\d{1,3})?$/)]),
  unit: Unit.default("pcs"),
  notes: z.string().max(2000).optional(),
  analoguesAllowed: z.boolean().default(false),
});

export const RfqInput = z.object({
  title: z.string().min(1).max(200),
  deliveryAddress: z.string().min(1).max(500),
  deadline: z.iso.datetime({ offset: true }).meta({ description: "quote deadline, ISO 8601" }),
  neededBy: z.iso.date().optional(),
  paymentTerms: z.string().max(100).optional(),
  comment: z.string().max(5000).optional(),
  sealed: z.boolean().default(false),
  includeOtherSuppliers: z.boolean().default(false),
  items: z.array(RfqItemInput).min(1).max(200),
  publish: z.boolean().default(true),
});

export const RfqSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  status: z.string(),
  deadline: z.string().nullable(),
});

export const QuoteLineInput = z.object({
  rfqItemId: z.string().min(1),
  unitPrice: rubles,
  quantity: z.union([z.number().positive(), z.string()]),
  vatRate: VatRate.default(() => baseVatRate()),
  leadTimeDays: z.number().int().min(0).max(9999).optional(),
  analogueModel: z.string().max(200).optional(),
});

export const QuoteInput = z.object({
  lines: z.array(QuoteLineInput).min(1).max(200),
  deliveryCost: rubles.optional(),
  deliveryVatRate: VatRate.default(() => baseVatRate()),
  deliveryTerms: z.string().max(500).optional(),
  prepaymentPercent: z.number().int().min(0).max(100).optional(),
  validUntil: z.iso.date().meta({ description: "offer valid until (date)" }),
  comment: z.string().max(2000).optional(),
});

export const QuoteResult = z.object({ quoteId: z.string(), version: z.number().int(), status: z.string() });

export const OrderSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.string(),
  party: z.enum(["BUYER", "SUPPLIER"]),
  totalKopecks: z.number().int(),
  createdAt: z.string(),
});

export const OrderTransitionInput = z.object({
  action: z.enum(["confirm", "choosePayment", "markPaid", "ship", "deliver", "close", "cancel"]),
  reason: z.string().min(1).max(1000).optional().meta({ description: "required for cancel" }),
  trackingNote: z.string().min(1).max(1000).optional().meta({ description: "required for ship" }),
});

export const WebhookInput = z.object({
  url: z.url().max(2000),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1),
});

export const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  secret: z.string().optional().meta({ description: "signing secret, returned once at creation" }),
});

export const WebhookDelivery = z.object({
  id: z.string(),
  event: z.string(),
  status: z.enum(["PENDING", "DELIVERED", "FAILED"]),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  createdAt: z.string(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });
