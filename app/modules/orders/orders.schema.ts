import { z } from "zod";

/** The order page's forms (one per step); messages are i18n keys of the "orders" namespace. */
const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ required_error: "errors.required" }).min(1, "errors.required").max(max, "errors.tooLong"),
  );

export const orderStepSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm") }),
  z.object({ intent: z.literal("choosePayment") }),
  z.object({ intent: z.literal("payCard") }),
  z.object({ intent: z.literal("markPaid") }),
  z.object({ intent: z.literal("ship"), trackingNote: text(500) }),
  z.object({ intent: z.literal("deliver") }),
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("cancel"), reason: text(1000) }),
  z.object({
    intent: z.literal("reportPayment"),
    kind: z.enum(["FULL", "ADVANCE", "BALANCE"], { message: "errors.noInvoice" }),
    payOrderNumber: text(40),
    payOrderDate: z.string({ required_error: "errors.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "errors.date"),
  }),
  z.object({ intent: z.literal("confirmPayment"), paymentId: z.string().min(1) }),
  z.object({
    intent: z.literal("rate"),
    score: z.coerce
      .number({ invalid_type_error: "errors.scoreInvalid", required_error: "errors.scoreInvalid" })
      .int("errors.scoreInvalid")
      .min(1, "errors.scoreInvalid")
      .max(5, "errors.scoreInvalid"),
    comment: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.string().max(2000, "errors.tooLong").optional(),
    ),
  }),
]);

export type OrderStepForm = z.infer<typeof orderStepSchema>;
