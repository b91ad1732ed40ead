import { z } from "zod";
import { UNIT_CODES, type UnitCode } from "~/modules/money/units";

/** Units of RFQ items: the one ОКЕИ list of the money module. */
export const UNITS = UNIT_CODES;
export type Unit = UnitCode;

/** Preferred payment terms (labels in rfq:paymentTerms.<code>). */
export const PAYMENT_TERMS = [
  "POSTPAY_30",
  "PREPAY_30",
  "PREPAY_50",
  "PREPAY_100",
  "ON_DELIVERY",
  "BY_AGREEMENT",
] as const;

/** The most lines an RFQ has (the form, a спецификация import and publishing all hold to it). */
export const MAX_RFQ_LINES = 200;

export const RFQ_STATUSES = ["DRAFT", "PUBLISHED", "CLOSED", "AWARDED", "CANCELLED"] as const;
export const RECIPIENT_STATUSES = ["NEW", "VIEWED", "QUOTED", "DECLINED", "EXPIRED"] as const;

/** Dates and times on forms are Moscow time; the conversions live in the money module (one place for Moscow time). */
import {
  parseMoscowDate,
  parseMoscowDateTime,
  toMoscowDateInput,
  toMoscowDateTimeInput,
} from "~/modules/money/moscow-time";

export { parseMoscowDate, parseMoscowDateTime, toMoscowDateInput, toMoscowDateTimeInput };

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
      items: z.array(rfqItemSchema, { required_error: "errors.noItems" }).min(1, "errors.noItems").max(MAX_RFQ_LINES),
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
