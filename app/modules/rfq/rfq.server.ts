/**
 * PUBLIC SURFACE OF THE RFQ MODULE (запросы коммерческих предложений).
 *
 * Buyer:    newRfqForm, getDraftForm, saveDraft, publishRfq, deleteDraft, listBuyerRfqs, getBuyerRfq, extendDeadline,
 *           cancelRfq, duplicateRfq, answerQuestion; RFQ cart: getCart, countCart, addToCart, updateCartQuantity,
 *           removeFromCart, clearCart.
 * Supplier: listInbox, viewRfqAsSupplier (marks viewed), listThreadForSupplier, declineRfq, askQuestion.
 * Quotes module hooks: markRecipientQuoted / markRecipientWithdrawn(tx, rfqId, supplierOrgId), registerRfqCloseHook(name, hook) — runs in the
 *           closing transaction (sealed RFQs have openedAt set there), getRfqAccess(actor, rfqId).
 * Deadline job: runDeadlineJob / closeDueRfqs / sendDeadlineReminders (scheduled by app/startup.server.ts); the buyer's
 * early close (closeRfqEarly) is the same closing path.
 * Attachments: registerRfqFilePolicy — the "rfq-attachment" file read policy (wired in app/startup.server.ts).
 */
import { type Actor, NotFoundError } from "~/modules/accounts/actor";
import { getPrisma } from "~/utils/db.server";
import { VISIBLE_TO_SUPPLIERS } from "./shared.server";

export { canReadRfqAttachment, registerRfqFilePolicy } from "./attachments.server";
export { loadAwardableRfq, markRfqAwarded } from "./award-state.server";
export {
  answerQuestion,
  cancelRfq,
  duplicateRfq,
  extendDeadline,
  getBuyerRfq,
  listBuyerRfqs,
} from "./buyer.server";
export { addToCart, clearCart, countCart, getCart, removeFromCart, updateCartQuantity } from "./cart.server";
export {
  type ClosedRfq,
  closeDueRfqs,
  closeRfqEarly,
  type RfqCloseHook,
  registerRfqCloseHook,
  runDeadlineJob,
  sendDeadlineReminders,
} from "./deadline.server";
export { getDraftForm, newRfqForm, type RfqFormState } from "./draft-form.server";
export {
  compactItemRows,
  type DraftInput,
  draftInputFromForm,
  MAX_ATTACHMENTS,
  RFQ_ATTACHMENT_KINDS,
} from "./draft-input.server";
export { deleteDraft, publishRfq, saveDraft, type UploadProblem } from "./drafts.server";
export { handleRfqFormAction } from "./form-action.server";
export { intentFailure } from "./http.server";
export {
  cancelSupplierInvite,
  claimSupplierInvite,
  getSupplierInvite,
  INVITE_MAX_SENDS,
  INVITE_RESEND_MINUTES,
  INVITE_TTL_DAYS,
  type InviteLink,
  type InviteResult,
  type InviteStatus,
  inviteSupplier,
  listSupplierInvites,
  resendSupplierInvite,
  type SupplierInviteView,
} from "./invites.server";
export { RFQ_EVENTS, type RfqEvent } from "./rfq-events";
export { computeCandidates } from "./routing.server";
export { type RfqItemView, RfqValidationError } from "./shared.server";
export {
  handleSpecPreview,
  previewSpecification,
  SPEC_MAX_LINES,
  type SpecLine,
  type SpecPreview,
} from "./spec-import.server";
export {
  askQuestion,
  declineRfq,
  listInbox,
  listThreadForSupplier,
  markRecipientQuoted,
  markRecipientWithdrawn,
  viewRfqAsSupplier,
} from "./supplier.server";
export { readRfqForm } from "./upload.server";

/**
 * How the actor relates to an RFQ: "buyer" (own organisation), "recipient" (invited supplier, RFQ not a draft);
 * anything else → NotFound. For modules that hang data off an RFQ (quotes, compare).
 */
export async function getRfqAccess(actor: Actor, rfqId: string): Promise<"buyer" | "recipient"> {
  if (!actor.organizationId) throw new NotFoundError("rfq");
  const rfq = await getPrisma().rfq.findFirst({
    where: {
      id: rfqId,
      OR: [
        { buyerOrgId: actor.organizationId },
        { status: { in: [...VISIBLE_TO_SUPPLIERS] }, recipients: { some: { supplierOrgId: actor.organizationId } } },
      ],
    },
    select: { buyerOrgId: true },
  });
  if (!rfq) throw new NotFoundError("rfq");
  return rfq.buyerOrgId === actor.organizationId ? "buyer" : "recipient";
}
