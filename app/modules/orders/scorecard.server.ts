import { getPrisma } from "~/utils/db.server";

/**
 * A supplier's scorecard on its public profile (issue 21): on-time % and acceptance % from the ratings buyers left
 * after приёмка, response rate (RFQs it quoted out of those it received) and the median time from receiving an RFQ to
 * submitting the quote. Public figures: no tenant data beyond counts. Null where there is nothing to count.
 */
export interface Scorecard {
  onTimePct: number | null;
  acceptancePct: number | null;
  ratedOrders: number;
  responsePct: number | null;
  medianHoursToQuote: number | null;
}

function pct(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 100) / whole);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export async function getSupplierScorecard(supplierOrgId: string): Promise<Scorecard> {
  const prisma = getPrisma();
  const [ratings, recipients, quotes] = await Promise.all([
    prisma.rating.findMany({ where: { supplierOrgId }, select: { onTime: true, acceptance: true } }),
    prisma.rfqRecipient.findMany({ where: { supplierOrgId }, select: { rfqId: true, createdAt: true } }),
    prisma.quote.findMany({
      where: { supplierOrgId, submittedAt: { not: null } },
      select: { rfqId: true, submittedAt: true },
    }),
  ]);
  const timed = ratings.filter((r) => r.onTime !== null);
  const judged = ratings.filter((r) => r.acceptance !== null);
  const received = new Map(recipients.map((r) => [r.rfqId, r.createdAt]));
  const hours: number[] = [];
  let answered = 0;
  for (const q of quotes) {
    const at = received.get(q.rfqId);
    if (!at || !q.submittedAt) continue;
    answered++;
    hours.push(Math.max(0, (q.submittedAt.getTime() - at.getTime()) / 3_600_000));
  }
  const m = median(hours);
  return {
    onTimePct: pct(timed.filter((r) => r.onTime).length, timed.length),
    acceptancePct: pct(judged.filter((r) => r.acceptance === "ACCEPTED").length, judged.length),
    ratedOrders: ratings.length,
    responsePct: pct(answered, recipients.length),
    medianHoursToQuote: m === null ? null : Math.round(m * 10) / 10,
  };
}
