import type { ClaimReason } from "~/generated/prisma/enums";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { FileError } from "~/modules/files/files.server";
import { signContract } from "./documents.server";
import { FulfilmentInputError, OrderStateError } from "./errors";
import type { Rejection } from "./fulfilment";
import {
  answerClaimSchema,
  CLAIM_REASONS,
  FULFILMENT_INTENTS,
  type FulfilmentActionResult,
  shipmentFormSchema,
} from "./fulfilment.schema";
import { acceptShipment, answerClaim, createShipment } from "./shipments.server";

/**
 * The order page's shipment / приёмка / рекламация / signed-contract forms: parse, run the use case, answer with field
 * errors (i18n keys of the "fulfilment" namespace) and the typed values so the form keeps them. 404 for a foreign order.
 */
export function isFulfilmentIntent(intent: unknown): boolean {
  return typeof intent === "string" && (FULFILMENT_INTENTS as readonly string[]).includes(intent);
}

function values(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

function zodErrors(issues: { path: (string | number)[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[String(i.path[0])] ??= i.message;
  return out;
}

export async function handleFulfilmentAction(
  actor: Actor,
  orderId: string,
  form: FormData,
): Promise<{ status: number; result: FulfilmentActionResult }> {
  const intent = String(form.get("intent"));
  const typed = values(form);
  const fail = (status: number, errors: Record<string, string>, formError?: string) => ({
    status,
    result: { intent, ok: false, errors, values: typed, formError },
  });
  try {
    if (intent === "shipment") {
      const parsed = shipmentFormSchema.safeParse(typed);
      if (!parsed.success) return fail(400, zodErrors(parsed.error.issues));
      const lines: Record<string, string> = {};
      for (const [k, v] of Object.entries(typed)) if (k.startsWith("qty.")) lines[k.slice(4)] = v;
      await createShipment(actor, orderId, {
        lines,
        carrier: parsed.data.carrier,
        waybillNumber: parsed.data.waybillNumber,
        shippedOn: new Date(`${parsed.data.shippedOn}T00:00:00Z`),
        tracking: parsed.data.tracking ?? null,
      });
    } else if (intent === "accept") {
      const rejections: Record<string, Rejection> = {};
      const errors: Record<string, string> = {};
      for (const [k, v] of Object.entries(typed)) {
        if (!k.startsWith("reject.") || !v.trim()) continue;
        const lineId = k.slice(7);
        const reason = typed[`reason.${lineId}`];
        if (!(CLAIM_REASONS as readonly string[]).includes(reason)) {
          errors[`reason.${lineId}`] = "errors.reason";
          continue;
        }
        rejections[lineId] = {
          quantity: v,
          reason: reason as ClaimReason,
          note: typed[`note.${lineId}`]?.trim().slice(0, 1000) || null,
        };
      }
      if (Object.keys(errors).length) return fail(400, errors);
      await acceptShipment(actor, orderId, { shipmentId: typed.shipmentId ?? "", rejections });
    } else if (intent === "answerClaim") {
      const parsed = answerClaimSchema.safeParse(typed);
      if (!parsed.success) {
        const errors = zodErrors(parsed.error.issues);
        return fail(400, Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${k}.${typed.claimId}`, v])));
      }
      await answerClaim(actor, orderId, parsed.data);
    } else if (intent === "signContract") {
      const file = form.get("scan");
      if (!(file instanceof Blob) || file.size === 0) return fail(400, { scan: "errors.fileRequired" });
      await signContract(actor, orderId, file);
    } else return fail(400, {}, "errors.unknown");
    return { status: 200, result: { intent, ok: true, errors: {}, values: {} } };
  } catch (e) {
    if (e instanceof NotFoundError) throw new Response("Not Found", { status: 404 });
    if (e instanceof FulfilmentInputError) return fail(400, { [e.field]: e.code });
    if (e instanceof FileError)
      return fail(400, { scan: e.code === "too_large" ? "errors.scanTooLarge" : "errors.scanType" });
    if (e instanceof ForbiddenError) return fail(403, {}, "errors.forbidden");
    if (e instanceof OrderStateError) return fail(409, {}, "errors.conflict");
    throw e;
  }
}
