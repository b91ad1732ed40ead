import { z } from "zod";
import { isValidBik, isValidCorrespondentAccount, isValidSettlementAccount } from "~/modules/accounts/accounts.schema";
import { TAX_REGIMES, type TaxRegimeCode } from "~/modules/money/vat";

/**
 * The supplier's bank requisites (printed on every счёт на оплату). Messages are i18n keys of the "payments" namespace.
 */
const signatory = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || null : v),
  z.string().max(100, "errors.tooLong").nullable().optional(),
);
const digits = (v: unknown) => (typeof v === "string" ? v.replace(/[\s-]/g, "") : v);

export const requisitesSchema = z
  .object({
    bankName: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.string({ required_error: "errors.required" }).min(1, "errors.required").max(200, "errors.tooLong"),
    ),
    bik: z.preprocess(
      digits,
      z.string({ required_error: "errors.required" }).refine((v) => isValidBik(v), "errors.bikInvalid"),
    ),
    settlementAccount: z.preprocess(digits, z.string({ required_error: "errors.required" })),
    correspondentAccount: z.preprocess(digits, z.string({ required_error: "errors.required" })),
    /** which НДС rates the supplier may charge (money/vat.ts); absent = unchanged */
    taxRegime: z.enum(TAX_REGIMES as [TaxRegimeCode, ...TaxRegimeCode[]], { message: "errors.taxRegime" }).optional(),
    /** signatories printed on the счёт */
    directorName: signatory,
    accountantName: signatory,
  })
  .superRefine((v, ctx) => {
    if (!isValidBik(v.bik)) return;
    if (!isValidSettlementAccount(v.settlementAccount, v.bik))
      ctx.addIssue({ code: "custom", path: ["settlementAccount"], message: "errors.settlementInvalid" });
    if (!isValidCorrespondentAccount(v.correspondentAccount, v.bik))
      ctx.addIssue({ code: "custom", path: ["correspondentAccount"], message: "errors.correspondentInvalid" });
  });

export type RequisitesInput = z.infer<typeof requisitesSchema>;
