import type { Actor } from "~/modules/accounts/actor";
import { registerFileReadPolicy } from "~/modules/files/files.server";
import { getPrisma } from "~/utils/db.server";
import { VISIBLE_TO_SUPPLIERS } from "./shared.server";

/**
 * Who may download an RFQ attachment: the buyer organisation (uploader; allowed by the files module itself) and the
 * suppliers the RFQ was sent to — never for a draft, never for anyone else.
 */
export async function canReadRfqAttachment(actor: Actor | null, fileId: string): Promise<boolean> {
  if (!actor?.organizationId) return false;
  const link = await getPrisma().rfqAttachment.findFirst({
    where: {
      fileId,
      rfq: {
        OR: [
          { buyerOrgId: actor.organizationId },
          {
            status: { in: [...VISIBLE_TO_SUPPLIERS] },
            recipients: { some: { supplierOrgId: actor.organizationId } },
          },
        ],
      },
    },
    select: { rfqId: true },
  });
  return link !== null;
}

/** Registers the RFQ attachment read policy with the files module (idempotent; called by app/startup.server.ts). */
export function registerRfqFilePolicy(): void {
  registerFileReadPolicy("rfq-attachment", (actor, file) => canReadRfqAttachment(actor, file.id));
}
