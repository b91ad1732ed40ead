import { z } from "zod";
import { isValidInn } from "~/modules/accounts/accounts.schema";

// Its own file, not rfq.schema.ts: the RFQ form's client bundle (JS budget, ADR 0025) then carries neither this schema
// nor the accounts requisites checks; only the pages with the invite form load them.
/**
 * The «Пригласить поставщика» form (issue 19): e-mail and ИНН (checksum by the accounts validator), an optional
 * organisation name (prefills the sign-up) and a note quoted in the mail. Messages are keys of the `rfq` namespace.
 */
export const supplierInviteSchema = z.object({
  inviteEmail: z
    .string({ required_error: "errors.required" })
    .trim()
    .toLowerCase()
    .min(1, "errors.required")
    .email("invite.errors.email")
    .max(254, "invite.errors.email"),
  inviteInn: z
    .string({ required_error: "errors.required" })
    .transform((v) => v.replace(/\D/g, ""))
    .refine((v) => /^\d{10}$|^\d{12}$/.test(v), "invite.errors.innFormat")
    .refine((v) => isValidInn(v), "invite.errors.innChecksum"),
  inviteOrgName: z.string().trim().max(200, "invite.errors.orgNameLong").optional(),
  inviteMessage: z.string().trim().max(1000, "invite.errors.messageLong").optional(),
});
export type SupplierInviteInput = z.input<typeof supplierInviteSchema>;
