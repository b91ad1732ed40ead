import { z } from "zod";

/** ОКЕИ units offered in RFQ items (codes as in Product.unit; labels in common:units). */
export const UNITS = ["pcs", "m", "km", "set", "t", "kg", "m3"] as const;
export type Unit = (typeof UNITS)[number];

/** Preferred payment terms (labels in rfq:paymentTerms.<code>). */
export const PAYMENT_TERMS = [
  "POSTPAY_30",
  "PREPAY_30",
  "PREPAY_50",
  "PREPAY_100",
  "ON_DELIVERY",
  "BY_AGREEMENT",
] as const;

export const RFQ_STATUSES = ["DRAFT", "PUBLISHED", "CLOSED", "AWARDED", "CANCELLED"] as const;
export const RECIPIENT_STATUSES = ["NEW", "VIEWED", "QUOTED", "DECLINED", "EXPIRED"] as const;

/** Dates and times on forms are Moscow time (UTC+3 all year), the corridor's time zone. */
const MSK_OFFSET = "+03:00";

/** "2026-11-25T18:00" (datetime-local, Moscow) → Date; null when empty or invalid. */
export function parseMoscowDateTime(value: unknown): Date | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = new Date(`${value.length === 16 ? `${value}:00` : value}${MSK_OFFSET}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-11-25" (Moscow date) → Date at 00:00 Moscow; null when empty or invalid. */
export function parseMoscowDate(value: unknown): Date | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00${MSK_OFFSET}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

function moscowParts(date: Date): string {
  // sv-SE gives "2026-11-25 18:00:00"
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Moscow",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  })
    .format(date)
    .replace(" ", "T");
}

/** Date → "2026-11-25T18:00" for a datetime-local input (Moscow). */
export function toMoscowDateTimeInput(date: Date | string | null | undefined): string {
  if (!date) return "";
  return moscowParts(new Date(date)).slice(0, 16);
}

/** Date → "2026-11-25" for a date input (Moscow). */
export function toMoscowDateInput(date: Date | string | null | undefined): string {
  if (!date) return "";
  return moscowParts(new Date(date)).slice(0, 10);
}

const trimmed = (max: number) => z.string().trim().max(max, "errors.tooLong");
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

/** One RFQ line. Messages are i18n keys of the `rfq` namespace. */
export const rfqItemSchema = z.object({
  productId: z.string().trim().min(1).optional(),
  name: trimmed(300).min(1, "errors.required"),
  quantity: z.coerce
    .number({ required_error: "errors.required", invalid_type_error: "errors.quantityNumber" })
    .positive("errors.quantityPositive")
    .max(99_999_999_999, "errors.quantityTooLarge")
    .refine((n) => Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6, "errors.quantityDecimals"),
  unit: z.enum(UNITS, { errorMap: () => ({ message: "errors.unit" }) }),
  notes: trimmed(2000).optional(),
  analoguesAllowed: checkbox,
});

/**
 * What publishing requires. `now` is injectable for tests. Dates arrive as Moscow-time strings from the form.
 */
export function rfqPublishSchema(now: Date = new Date()) {
  return z
    .object({
      title: trimmed(200).min(3, "errors.titleShort"),
      deliveryAddress: trimmed(500).min(5, "errors.required"),
      neededBy: z.string().optional(),
      deadline: z.string({ required_error: "errors.required" }).min(1, "errors.required"),
      paymentTerms: z.enum(PAYMENT_TERMS).optional(),
      comment: trimmed(5000).optional(),
      sealed: checkbox,
      includeOtherSuppliers: checkbox,
      items: z.array(rfqItemSchema, { required_error: "errors.noItems" }).min(1, "errors.noItems").max(200),
      recipients: z.array(z.string()).optional(),
      recipientsShown: z.array(z.string()).optional(),
      addSupplier: z.string().trim().optional(),
    })
    .superRefine((v, ctx) => {
      const deadline = parseMoscowDateTime(v.deadline);
      const neededBy = v.neededBy ? parseMoscowDate(v.neededBy) : null;
      if (v.neededBy && !neededBy) ctx.addIssue({ code: "custom", path: ["neededBy"], message: "errors.date" });
      if (!deadline) {
        ctx.addIssue({ code: "custom", path: ["deadline"], message: "errors.date" });
        return;
      }
      if (deadline.getTime() <= now.getTime()) {
        ctx.addIssue({ code: "custom", path: ["deadline"], message: "errors.deadlinePast" });
      }
      if (neededBy && deadline.getTime() >= neededBy.getTime()) {
        ctx.addIssue({ code: "custom", path: ["deadline"], message: "errors.deadlineAfterNeededBy" });
      }
      if (neededBy && neededBy.getTime() <= now.getTime()) {
        ctx.addIssue({ code: "custom", path: ["neededBy"], message: "errors.neededByPast" });
      }
    });
}

export type RfqPublishInput = z.infer<ReturnType<typeof rfqPublishSchema>>;

/** New deadline: in the future, later than the current one, before needed-by. */
export function extendDeadlineSchema(opts: { now?: Date; current: Date | null; neededBy: Date | null }) {
  const now = opts.now ?? new Date();
  return z.object({
    deadline: z
      .string({ required_error: "errors.required" })
      .min(1, "errors.required")
      .superRefine((value, ctx) => {
        const d = parseMoscowDateTime(value);
        if (!d) return void ctx.addIssue({ code: "custom", message: "errors.date" });
        if (d.getTime() <= now.getTime()) return void ctx.addIssue({ code: "custom", message: "errors.deadlinePast" });
        if (opts.current && d.getTime() <= opts.current.getTime())
          return void ctx.addIssue({ code: "custom", message: "errors.deadlineNotLater" });
        if (opts.neededBy && d.getTime() >= opts.neededBy.getTime())
          ctx.addIssue({ code: "custom", message: "errors.deadlineAfterNeededBy" });
      }),
  });
}

export const reasonSchema = z.object({
  reason: trimmed(1000).min(3, "errors.reasonRequired"),
});

export const questionSchema = z.object({
  body: trimmed(4000).min(2, "errors.required"),
});

export const answerSchema = z.object({
  questionId: z.string().min(1),
  body: trimmed(4000).min(2, "errors.required"),
  publish: checkbox,
});

export const cartActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    productId: z.string().min(1),
    quantity: z.coerce.number().positive().optional(),
  }),
  z.object({ intent: z.literal("remove"), productId: z.string().min(1) }),
  z.object({
    intent: z.literal("update"),
    productId: z.string().min(1),
    quantity: z.coerce
      .number({ invalid_type_error: "errors.quantityNumber" })
      .positive("errors.quantityPositive")
      .max(99_999_999_999),
  }),
  z.object({ intent: z.literal("clear") }),
]);
