import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { QuoteValidationError } from "./shared.server";

/**
 * The quotes module's part of an award (the workflow in app/workflows/award.server.ts orchestrates the RFQ, quotes and
 * orders modules in one transaction): which offers may be awarded, and recording the decision on the quotes.
 */

/** The submitted (never draft, never withdrawn) quotes of an RFQ with their versions; refused while a re-bid runs. */
export async function awardableQuotes(tx: Prisma.TransactionClient, rfqId: string, now: Date) {
  // a re-bid round still running: its offers are not final yet
  if (await tx.rebidRound.count({ where: { rfqId, deadline: { gt: now } } }))
    throw new QuoteValidationError({}, ["errors.roundOpen"]);
  return tx.quote.findMany({
    where: { rfqId, status: "SUBMITTED", currentVersion: { gt: 0 } },
    include: { versions: { include: { lines: true } } },
  });
}

export type AwardableQuote = Awaited<ReturnType<typeof awardableQuotes>>[number];

/**
 * Records the award: the award with its lines (each at the quote version awarded), winning quotes AWARDED and the
 * others NOT_SELECTED, an audit line per quote, and the suppliers told (winners with how many lines they won).
 */
export async function recordAward(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: {
    rfq: { id: string; number: number; title: string; itemCount: number };
    quotes: AwardableQuote[];
    /** rfqItemId → quoteId */
    assignment: Map<string, string>;
    reason: string | null;
  },
): Promise<{ awardId: string; winners: string[] }> {
  const { rfq, quotes, assignment } = input;
  const versionOf = new Map(quotes.map((q) => [q.id, q.currentVersion]));
  const award = await tx.award.create({
    data: {
      rfqId: rfq.id,
      reason: input.reason || null,
      awardedById: actor.userId,
      lines: {
        create: [...assignment].map(([rfqItemId, quoteId]) => ({
          rfqItemId,
          quoteId,
          quoteVersion: versionOf.get(quoteId) ?? 0,
        })),
      },
    },
  });
  const winners = [...new Set(assignment.values())];
  const losers = quotes.filter((q) => !winners.includes(q.id));
  await tx.quote.updateMany({ where: { id: { in: winners } }, data: { status: "AWARDED" } });
  if (losers.length)
    await tx.quote.updateMany({ where: { id: { in: losers.map((q) => q.id) } }, data: { status: "NOT_SELECTED" } });
  for (const q of quotes)
    await recordAudit(tx, {
      entityType: "quote",
      entityId: q.id,
      action: winners.includes(q.id) ? "awarded" : "not_selected",
      actor,
      data: { rfqId: rfq.id, awardId: award.id },
    });
  const params = { number: rfq.number, title: rfq.title };
  for (const q of quotes.filter((x) => winners.includes(x.id))) {
    const lines = [...assignment.values()].filter((id) => id === q.id).length;
    await notify(tx, {
      type: "quote_awarded",
      recipients: { orgIds: [q.supplierOrgId] },
      params: { ...params, lines, total: rfq.itemCount },
      link: `/supplier/rfqs/${rfq.id}`,
      aggregateId: q.id,
      about: { rfqId: rfq.id, fromOrgId: actor.organizationId },
    });
  }
  if (losers.length)
    await notify(tx, {
      type: "quote_not_selected",
      recipients: { orgIds: losers.map((q) => q.supplierOrgId) },
      params,
      link: `/supplier/rfqs/${rfq.id}`,
      aggregateId: rfq.id,
      about: { rfqId: rfq.id, fromOrgId: actor.organizationId },
    });
  return { awardId: award.id, winners };
}
