import type { OrgKind } from "~/generated/prisma/enums";
import { toKopecks } from "~/modules/money/money";
import { getPrisma } from "~/utils/db.server";
import { type Actor, requireOperator } from "./actor";
import type { OrganizationState } from "./operator.server";

/**
 * The operator dashboard's platform figures, each one SQL aggregate over the whole platform (operators see every
 * tenant). Definitions (docs/decisions/0026-operator-console.md):
 * - weeks and months are calendar ones in Moscow time (UTC+3, no daylight saving): a week starts on Monday 00:00;
 * - RFQs: published in the period (`publishedAt`), whatever happened to them afterwards;
 * - response rate: of the invitations (RFQ recipients) of RFQs published in the last 30 days, the share whose supplier
 *   submitted a quote (at least one submitted version, even if withdrawn later);
 * - time to first quote: per RFQ published in the last 30 days with at least one submitted quote, the time from
 *   publication to the first submitted version; the median over those RFQs;
 * - orders and GMV: orders created this month and last month, cancelled ones left out; GMV is the sum of their totals
 *   with VAT, in kopecks.
 */

const MSK_OFFSET_MS = 3 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
export const RESPONSE_WINDOW_DAYS = 30;

/** Monday 00:00 Moscow time of the week containing `now`. */
export function moscowWeekStart(now: Date): Date {
  const msk = new Date(now.getTime() + MSK_OFFSET_MS);
  const daysSinceMonday = (msk.getUTCDay() + 6) % 7;
  return new Date(
    Date.UTC(msk.getUTCFullYear(), msk.getUTCMonth(), msk.getUTCDate() - daysSinceMonday) - MSK_OFFSET_MS,
  );
}

/** The 1st of the month containing `now` (monthsBack = 0) or of an earlier month, 00:00 Moscow time. */
export function moscowMonthStart(now: Date, monthsBack = 0): Date {
  const msk = new Date(now.getTime() + MSK_OFFSET_MS);
  return new Date(Date.UTC(msk.getUTCFullYear(), msk.getUTCMonth() - monthsBack, 1) - MSK_OFFSET_MS);
}

export interface PlatformMetrics {
  at: Date;
  organizations: Record<OrgKind, Record<OrganizationState, number>>;
  products: { published: number; draft: number };
  rfqs: { thisWeek: number; lastWeek: number; weekStart: Date };
  response: {
    windowDays: number;
    invitations: number;
    answered: number;
    /** answered / invitations, 0..1; null without invitations */
    rate: number | null;
    /** RFQs with at least one quote in the window */
    rfqsWithQuotes: number;
    /** median seconds from publication to the first submitted quote; null without such RFQs */
    medianSecondsToFirstQuote: number | null;
  };
  orders: {
    monthStart: Date;
    thisMonth: { count: number; gmvKopecks: bigint };
    lastMonth: { count: number; gmvKopecks: bigint };
  };
}

/** The platform's figures as of `now`. Operators only. */
export async function getPlatformMetrics(actor: Actor, now = new Date()): Promise<PlatformMetrics> {
  requireOperator(actor);
  const prisma = getPrisma();
  const weekStart = moscowWeekStart(now);
  const lastWeekStart = new Date(weekStart.getTime() - 7 * DAY_MS);
  const monthStart = moscowMonthStart(now);
  const lastMonthStart = moscowMonthStart(now, 1);
  const since = new Date(now.getTime() - RESPONSE_WINDOW_DAYS * DAY_MS);

  const [orgRows, productRows, rfqRows, responseRows, medianRows, orderRows] = await Promise.all([
    prisma.$queryRaw<{ kind: OrgKind; state: OrganizationState; n: number }[]>`
      SELECT kind,
             CASE WHEN "suspendedAt" IS NOT NULL THEN 'suspended'
                  WHEN "verifiedAt" IS NOT NULL THEN 'verified'
                  WHEN kind = 'SUPPLIER' THEN 'pending'
                  ELSE 'unverified' END AS state,
             count(*)::int AS n
      FROM organization GROUP BY 1, 2`,
    prisma.$queryRaw<{ published: number; draft: number }[]>`
      SELECT count(*) FILTER (WHERE status = 'PUBLISHED')::int AS published,
             count(*) FILTER (WHERE status = 'DRAFT')::int AS draft
      FROM product`,
    prisma.$queryRaw<{ this_week: number; last_week: number }[]>`
      SELECT count(*) FILTER (WHERE "publishedAt" >= ${weekStart})::int AS this_week,
             count(*) FILTER (WHERE "publishedAt" < ${weekStart})::int AS last_week
      FROM rfq WHERE "publishedAt" >= ${lastWeekStart} AND "publishedAt" <= ${now}`,
    prisma.$queryRaw<{ invitations: number; answered: number }[]>`
      SELECT count(*)::int AS invitations,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM quote q
               WHERE q."rfqId" = r."rfqId" AND q."supplierOrgId" = r."supplierOrgId" AND q."currentVersion" > 0
             ))::int AS answered
      FROM rfq_recipient r JOIN rfq f ON f.id = r."rfqId"
      WHERE f."publishedAt" >= ${since} AND f."publishedAt" <= ${now}`,
    prisma.$queryRaw<{ median: number | null; n: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY secs)::float8 AS median, count(*)::int AS n
      FROM (
        SELECT extract(epoch FROM min(v."submittedAt") - f."publishedAt") AS secs
        FROM rfq f
        JOIN quote q ON q."rfqId" = f.id
        JOIN quote_version v ON v."quoteId" = q.id AND v.version >= 1 AND v."submittedAt" IS NOT NULL
        WHERE f."publishedAt" >= ${since} AND f."publishedAt" <= ${now}
        GROUP BY f.id, f."publishedAt"
      ) t`,
    prisma.$queryRaw<{ this_count: number; this_gmv: string; last_count: number; last_gmv: string }[]>`
      SELECT count(*) FILTER (WHERE "createdAt" >= ${monthStart})::int AS this_count,
             coalesce(sum("totalKopecks") FILTER (WHERE "createdAt" >= ${monthStart}), 0)::text AS this_gmv,
             count(*) FILTER (WHERE "createdAt" < ${monthStart})::int AS last_count,
             coalesce(sum("totalKopecks") FILTER (WHERE "createdAt" < ${monthStart}), 0)::text AS last_gmv
      FROM "order"
      WHERE status <> 'CANCELLED' AND "createdAt" >= ${lastMonthStart} AND "createdAt" <= ${now}`,
  ]);

  const states = (): Record<OrganizationState, number> => ({ pending: 0, verified: 0, unverified: 0, suspended: 0 });
  const organizations: PlatformMetrics["organizations"] = { BUYER: states(), SUPPLIER: states() };
  for (const row of orgRows) organizations[row.kind][row.state] = row.n;
  const response = responseRows[0];
  const median = medianRows[0];
  const orders = orderRows[0];
  return {
    at: now,
    organizations,
    products: productRows[0],
    rfqs: { thisWeek: rfqRows[0].this_week, lastWeek: rfqRows[0].last_week, weekStart },
    response: {
      windowDays: RESPONSE_WINDOW_DAYS,
      invitations: response.invitations,
      answered: response.answered,
      rate: response.invitations > 0 ? response.answered / response.invitations : null,
      rfqsWithQuotes: median.n,
      medianSecondsToFirstQuote: median.n > 0 ? median.median : null,
    },
    orders: {
      monthStart,
      thisMonth: { count: orders.this_count, gmvKopecks: toKopecks(orders.this_gmv) },
      lastMonth: { count: orders.last_count, gmvKopecks: toKopecks(orders.last_gmv) },
    },
  };
}
