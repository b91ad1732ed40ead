import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/modules/accounts/actor";
import { canReadFile } from "~/modules/files/files.server";
import {
  askQuestion,
  declineRfq,
  getBuyerRfq,
  getDraftForm,
  getRfqAccess,
  listInbox,
  publishRfq,
  saveDraft,
  viewRfqAsSupplier,
} from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { createMarket, draft, pdfFile, withTempDataDir } from "../rfq/helpers";
import { securityRuns } from "./runs";

/**
 * Cross-organisation property for RFQs and their attachments: whatever the RFQ's state, only the buyer organisation
 * and (once published) the invited suppliers can see the RFQ or download its attachments; every other organisation
 * and visitors get NotFound / no file.
 */
withTempDataDir();

type Who = "buyer" | "otherBuyer" | "recipient" | "uninvited" | "visitor";
const STATES = ["DRAFT", "PUBLISHED", "CLOSED", "CANCELLED"] as const;

let actors: Record<Exclude<Who, "visitor">, Actor>;
const rfqs: Record<(typeof STATES)[number], { id: string; fileId: string }> = {} as never;

beforeAll(async () => {
  const m = await createMarket();
  const otherBuyer = await createActor({ kind: "BUYER" });
  actors = { buyer: m.buyer.actor, otherBuyer: otherBuyer.actor, recipient: m.a.actor, uninvited: m.d.actor };
  for (const state of STATES) {
    const { id } = await saveDraft(m.buyer.actor, null, draft([{ productId: m.pA.id }]), [
      { file: pdfFile(`${state}.pdf`) },
    ]);
    const fileId = (await getDraftForm(m.buyer.actor, id)).attachments[0].id;
    if (state !== "DRAFT") {
      await publishRfq(m.buyer.actor, id);
      if (state !== "PUBLISHED") await getPrisma().rfq.update({ where: { id }, data: { status: state } });
    }
    rfqs[state] = { id, fileId };
  }
});

async function outcome(p: Promise<unknown>): Promise<"ok" | "notFound" | "denied"> {
  try {
    await p;
    return "ok";
  } catch (e) {
    const status = (e as { status?: number }).status;
    return status === 404 ? "notFound" : "denied";
  }
}

describe("RFQ cross-organisation access", () => {
  it("only the buyer and invited suppliers of a non-draft RFQ see it or its attachments", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...STATES),
        fc.constantFrom<Who>("buyer", "otherBuyer", "recipient", "uninvited", "visitor"),
        async (state, who) => {
          const { id, fileId } = rfqs[state];
          const actor = who === "visitor" ? null : actors[who];
          const mayRead = who === "buyer" || (who === "recipient" && state !== "DRAFT");
          const file = await canReadFile(actor, fileId);
          expect(file?.id ?? null).toBe(mayRead ? fileId : null);
          if (!actor) return;
          expect(await outcome(getRfqAccess(actor, id))).toBe(mayRead ? "ok" : "notFound");
          if (actor.orgKind === "SUPPLIER") {
            expect(await outcome(viewRfqAsSupplier(actor, id, { markViewed: false }))).toBe(
              mayRead ? "ok" : "notFound",
            );
            const inbox = await listInbox(actor, {});
            expect(inbox.items.some((r) => r.id === id)).toBe(mayRead);
            if (!mayRead) {
              expect(await outcome(declineRfq(actor, id, "чужой запрос"))).toBe("notFound");
              expect(await outcome(askQuestion(actor, id, "чужой запрос"))).toBe("notFound");
            }
          } else {
            expect(await outcome(getBuyerRfq(actor, id))).toBe(who === "buyer" ? "ok" : "notFound");
          }
        },
      ),
      { numRuns: securityRuns(40) },
    );
  });
});
