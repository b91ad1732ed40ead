import { z } from "zod";

/** The order page's shipment / приёмка / рекламация / contract forms; messages are keys of the "fulfilment" namespace. */
export const FULFILMENT_INTENTS = ["shipment", "accept", "answerClaim", "signContract"] as const;

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().max(max, "errors.tooLong").optional(),
  );
const requiredText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ required_error: "errors.required" }).min(1, "errors.required").max(max, "errors.tooLong"),
  );

export const shipmentFormSchema = z.object({
  intent: z.literal("shipment"),
  carrier: requiredText(200),
  waybillNumber: requiredText(100),
  shippedOn: z.preprocess(
    (v) => (typeof v === "string" && v ? v : undefined),
    z
      .string({ required_error: "errors.date" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.date")
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "errors.date"),
  ),
  tracking: optionalText(200),
});

export const answerClaimSchema = z.object({
  intent: z.literal("answerClaim"),
  claimId: z.string().min(1),
  resolution: z.enum(["REPLACE", "CREDIT", "DISPUTE"], { errorMap: () => ({ message: "errors.required" }) }),
  answer: requiredText(2000),
});

export const CLAIM_REASONS = ["DEFECT", "SHORTAGE", "MISGRADE"] as const;

/** What the order page's action answers for these forms. */
export interface FulfilmentActionResult {
  intent: string;
  ok: boolean;
  /** field name → i18n key */
  errors: Record<string, string>;
  values: Record<string, string>;
  formError?: string;
}
