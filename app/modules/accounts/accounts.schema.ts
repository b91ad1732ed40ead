import { z } from "zod";
import { innKind, isValidInn, isValidKpp, isValidOgrn, isValidOgrnip } from "./ru-requisites";

/** Russian requisites checks (all of ru-requisites.ts), client-safe: the door other modules and tests use. */
export * from "./ru-requisites";

/**
 * Form schemas of the accounts module, shared by the browser (conform) and the server.
 * Messages are i18n keys of the "accounts" namespace (`errors.*`), resolved in the UI in the page's language.
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const trimmed = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ required_error: "errors.required" }).min(1, "errors.required").max(max, "errors.tooLong"),
  );

const digitsOnly = (v: unknown) => (typeof v === "string" ? v.replace(/[\s-]/g, "") : v);

export const emailSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
  z
    .string({ required_error: "errors.required" })
    .min(1, "errors.required")
    .max(254, "errors.tooLong")
    .refine((v) => v === "" || z.string().email().safeParse(v).success, "errors.emailInvalid"),
);

export const newPasswordSchema = z
  .string({ required_error: "errors.required" })
  .min(PASSWORD_MIN_LENGTH, "errors.passwordTooShort")
  .max(PASSWORD_MAX_LENGTH, "errors.tooLong");

const phoneSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ required_error: "errors.required" })
    .min(1, "errors.required")
    .max(40, "errors.tooLong")
    .refine((v) => v === "" || (/^\+?[\d\s()-]+$/.test(v) && v.replace(/\D/g, "").length >= 10), "errors.phoneInvalid"),
);

export const orgKinds = ["BUYER", "SUPPLIER"] as const;

export const signupSchema = z
  .object({
    kind: z.enum(orgKinds, { required_error: "errors.required", invalid_type_error: "errors.required" }),
    legalName: trimmed(300),
    shortName: trimmed(120),
    inn: z.preprocess(
      digitsOnly,
      z
        .string({ required_error: "errors.required" })
        .min(1, "errors.required")
        .refine((v) => v === "" || /^\d{10}$|^\d{12}$/.test(v), "errors.innFormat")
        .refine((v) => !/^\d{10}$|^\d{12}$/.test(v) || isValidInn(v), "errors.innChecksum"),
    ),
    kpp: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
      z
        .string()
        .optional()
        .refine((v) => !v || isValidKpp(v), "errors.kppInvalid"),
    ),
    ogrn: z.preprocess(
      digitsOnly,
      z
        .string({ required_error: "errors.required" })
        .min(1, "errors.required")
        .refine((v) => v === "" || /^\d{13}$|^\d{15}$/.test(v), "errors.ogrnFormat"),
    ),
    region: trimmed(120),
    city: trimmed(120),
    legalAddress: trimmed(500),
    phone: phoneSchema,
    name: trimmed(120),
    email: emailSchema,
    password: newPasswordSchema,
    /** Honeypot: a field hidden from people; bots fill it in. */
    website: z.string().optional(),
    /** 152-ФЗ: consent to the processing of personal data (the checkbox sends "on"; nothing when unticked). */
    consent: z.literal("on", { errorMap: () => ({ message: "errors.consentRequired" }) }),
  })
  .superRefine((v, ctx) => {
    const kind = innKind(v.inn);
    if (kind === "legal") {
      if (!v.kpp) ctx.addIssue({ code: "custom", path: ["kpp"], message: "errors.kppRequired" });
      if (v.ogrn.length !== 13) ctx.addIssue({ code: "custom", path: ["ogrn"], message: "errors.ogrnMismatchLegal" });
      else if (!isValidOgrn(v.ogrn)) ctx.addIssue({ code: "custom", path: ["ogrn"], message: "errors.ogrnChecksum" });
    } else if (kind === "individual") {
      if (v.ogrn.length !== 15)
        ctx.addIssue({ code: "custom", path: ["ogrn"], message: "errors.ogrnMismatchIndividual" });
      else if (!isValidOgrnip(v.ogrn))
        ctx.addIssue({ code: "custom", path: ["ogrn"], message: "errors.ogrnipChecksum" });
    } else if (v.ogrn.length === 13 && !isValidOgrn(v.ogrn)) {
      ctx.addIssue({ code: "custom", path: ["ogrn"], message: "errors.ogrnChecksum" });
    } else if (v.ogrn.length === 15 && !isValidOgrnip(v.ogrn)) {
      ctx.addIssue({ code: "custom", path: ["ogrn"], message: "errors.ogrnipChecksum" });
    }
  });

export type SignupInput = z.infer<typeof signupSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ required_error: "errors.required" }).min(1, "errors.required").max(PASSWORD_MAX_LENGTH),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({
  token: z.string().min(1),
  password: newPasswordSchema,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string({ required_error: "errors.required" }).min(1, "errors.required"),
  newPassword: newPasswordSchema,
});

export const profileSchema = z.object({
  name: trimmed(120),
  phone: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().max(40, "errors.tooLong").optional()),
});

export const verifyCodeSchema = z.object({
  code: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\s/g, "") : v),
    z
      .string({ required_error: "errors.required" })
      .min(1, "errors.required")
      .regex(/^\d{6}$/, "errors.codeFormat"),
  ),
});

export const inviteSchema = z.object({
  email: emailSchema,
  role: z.enum(["ADMIN", "MEMBER"], { required_error: "errors.required" }),
});

export const acceptInvitationSchema = z.object({
  name: trimmed(120),
  password: newPasswordSchema,
});

export const organizationSettingsSchema = z.object({
  phone: phoneSchema,
  email: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim().toLowerCase() : undefined),
    z.string().email("errors.emailInvalid").max(254).optional(),
  ),
  website: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().url("errors.urlInvalid").max(300).optional(),
  ),
  legalAddress: trimmed(500),
  deliveryAddress: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().max(500, "errors.tooLong").optional(),
  ),
});

export type OrganizationSettingsInput = z.infer<typeof organizationSettingsSchema>;

/** The operator's decision on an organisation; unverify and block need a reason (the owner is told why). */
export const OPERATOR_DECISIONS = ["verify", "unverify", "block", "unblock"] as const;
export const operatorDecisionSchema = z
  .object({
    intent: z.enum(OPERATOR_DECISIONS),
    reason: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
      z.string().max(500, "errors.tooLong").optional(),
    ),
  })
  .superRefine((value, ctx) => {
    if ((value.intent === "unverify" || value.intent === "block") && !value.reason) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: "errors.reasonRequired" });
    }
  });

/** The operator console's list filters from the query string; a bad value is dropped, never an error. */
const consoleFilters = <U extends string, T extends Readonly<[U, ...U[]]>>(statuses: T) =>
  z.object({
    q: z.string().max(200).optional().catch(undefined),
    kind: z.enum(["BUYER", "SUPPLIER"]).optional().catch(undefined),
    status: z.enum(statuses).optional().catch(undefined),
    page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  });
export const organizationListFiltersSchema = consoleFilters(["all", "pending", "unverified", "verified", "suspended"]);
export const verificationQueueFiltersSchema = consoleFilters(["all", "pending", "verified", "suspended"]);
