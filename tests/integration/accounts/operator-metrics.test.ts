import { beforeAll, describe, expect, it } from "vitest";
import { getPlatformMetrics } from "~/modules/accounts/accounts.server";
import type { Actor } from "~/modules/accounts/actor";
import { getPrisma } from "~/utils/db.server";
import { createActor, createCategory, createOrganization, createProduct, createUser } from "../../fixtures/factories";

/**
 * The dashboard figures on a small hand-built platform, with the clock fixed on Wednesday 17 June 2026, 15:00 Moscow
 * time. This file's database holds only these rows, so every figure is exact.
 */
const NOW = new Date("2026-06-17T12:00:00Z");
const HOUR = 60 * 60 * 1000;

let operator: Actor;

beforeAll(async () => {
  const prisma = getPrisma();
  const op = await createUser({ isOperator: true });
  operator = { userId: op.id, organizationId: null, orgKind: null, role: null, isOperator: true };

  // organisations: suppliers 1 verified, 2 pending, 1 blocked; buyers 2 active (buyers are not verified), 1 blocked
  const s1 = await createOrganization({ kind: "SUPPLIER", verified: true });
  const s2 = await createOrganization({ kind: "SUPPLIER" });
  const s3 = await createOrganization({ kind: "SUPPLIER" });
  await createOrganization({ kind: "SUPPLIER", suspended: true });
  const { organization: b1, user: buyerUser } = await createActor({ kind: "BUYER" });
  await createOrganization({ kind: "BUYER" });
  await createOrganization({ kind: "BUYER", suspended: true });

  // products: 3 published, 1 draft, 1 archived
  const category = await createCategory();
  await createProduct({ supplierId: s1.id, categoryId: category.id });
  await createProduct({ supplierId: s1.id, categoryId: category.id });
  await createProduct({ supplierId: s2.id, categoryId: category.id });
  await createProduct({ supplierId: s2.id, categoryId: category.id, status: "DRAFT" });
  await createProduct({ supplierId: s3.id, categoryId: category.id, status: "ARCHIVED" });

  const rfq = (title: string, publishedAt: Date | null) =>
    prisma.rfq.create({
      data: {
        buyerOrgId: b1.id,
        createdById: buyerUser.id,
        title,
        deliveryAddress: "г. Севастополь",
        status: publishedAt ? "PUBLISHED" : "DRAFT",
        publishedAt,
      },
    });
  // this week (Monday 15 June 00:00 MSK = 14 June 21:00 UTC): R1, R2 (30 minutes after the start)
  const r1 = await rfq("R1", new Date("2026-06-16T09:00:00Z"));
  const r2 = await rfq("R2", new Date("2026-06-14T21:30:00Z"));
  // last week: R3 (Sunday 23:30 MSK, 30 minutes before the start), R4
  const r3 = await rfq("R3", new Date("2026-06-14T20:30:00Z"));
  const r4 = await rfq("R4", new Date("2026-06-10T10:00:00Z"));
  // older than last week but inside the 30-day response window
  const r5 = await rfq("R5", new Date("2026-06-01T10:00:00Z"));
  // a draft and an RFQ outside the window
  await rfq("R6", null);
  const r7 = await rfq("R7", new Date("2026-05-01T10:00:00Z"));
  void r3;

  const invite = (rfqId: string, supplierOrgId: string) =>
    prisma.rfqRecipient.create({ data: { rfqId, supplierOrgId } });
  // 7 invitations inside the window (R1: s1 s2; R2: s1; R4: s1 s2 s3; R5: s2), 1 outside (R7: s1)
  for (const [r, s] of [
    [r1, s1],
    [r1, s2],
    [r2, s1],
    [r4, s1],
    [r4, s2],
    [r4, s3],
    [r5, s2],
    [r7, s1],
  ] as const) {
    await invite(r.id, s.id);
  }

  const quote = async (
    r: { id: string; publishedAt: Date | null },
    supplierOrgId: string,
    afterHours: number[],
    status: "SUBMITTED" | "WITHDRAWN" | "DRAFT" = "SUBMITTED",
  ) => {
    const published = r.publishedAt?.getTime() ?? 0;
    const q = await prisma.quote.create({
      data: {
        rfqId: r.id,
        supplierOrgId,
        status,
        currentVersion: afterHours.length,
        submittedAt: afterHours.length ? new Date(published + afterHours[afterHours.length - 1] * HOUR) : null,
      },
    });
    await prisma.quoteVersion.create({ data: { quoteId: q.id, version: 0 } });
    for (const [i, h] of afterHours.entries()) {
      await prisma.quoteVersion.create({
        data: { quoteId: q.id, version: i + 1, submittedAt: new Date(published + h * HOUR) },
      });
    }
  };
  // answered: R1 s1 (2 h, revised at 20 h), R1 s2 (5 h), R4 s1 (1 h), R5 s2 (10 h, withdrawn later) — 4 of 7
  await quote(r1, s1.id, [2, 20]);
  await quote(r1, s2.id, [5]);
  await quote(r4, s1.id, [1]);
  await quote(r4, s3.id, [], "DRAFT");
  await quote(r5, s2.id, [10], "WITHDRAWN");
  await quote(r7, s1.id, [0.5]);

  const order = (createdAt: string, totalKopecks: bigint, status: "CONFIRMED" | "CANCELLED" = "CONFIRMED") =>
    prisma.order.create({
      data: {
        buyerOrgId: b1.id,
        supplierOrgId: s1.id,
        deliveryAddress: "г. Севастополь",
        status,
        totalKopecks,
        createdAt: new Date(createdAt),
      },
    });
  // June (from 1 June 00:00 MSK = 31 May 21:00 UTC): 1 200 000,00 ₽ + 3 450,55 ₽ + 1,00 ₽; a cancelled one left out
  await order("2026-06-02T08:00:00Z", 120_000_000n);
  await order("2026-06-17T08:00:00Z", 345_055n);
  await order("2026-05-31T22:00:00Z", 100n);
  await order("2026-06-05T08:00:00Z", 999_999n, "CANCELLED");
  // May: 500,00 ₽ + 0,10 ₽ (23:00 MSK on 31 May); April is older than both months
  await order("2026-05-20T08:00:00Z", 50_000n);
  await order("2026-05-31T20:00:00Z", 10n);
  await order("2026-04-15T08:00:00Z", 7n);
});

describe("platform metrics", () => {
  it("counts organisations by kind and state, and products by status", async () => {
    const m = await getPlatformMetrics(operator, NOW);
    expect(m.organizations).toEqual({
      SUPPLIER: { pending: 2, verified: 1, unverified: 0, suspended: 1 },
      BUYER: { pending: 0, verified: 0, unverified: 2, suspended: 1 },
    });
    expect(m.products).toEqual({ published: 3, draft: 1 });
  });

  it("compares RFQs published this calendar week (Moscow time) with last week", async () => {
    const m = await getPlatformMetrics(operator, NOW);
    expect(m.rfqs).toEqual({ thisWeek: 2, lastWeek: 2, weekStart: new Date("2026-06-14T21:00:00Z") });
  });

  it("gives the response rate of routed invitations and the median time to the first quote", async () => {
    const m = await getPlatformMetrics(operator, NOW);
    expect(m.response).toEqual({
      windowDays: 30,
      invitations: 7,
      answered: 4,
      rate: 4 / 7,
      rfqsWithQuotes: 3,
      // first quotes after 2 h (R1), 1 h (R4), 10 h (R5): the median is 2 h
      medianSecondsToFirstQuote: 7200,
    });
  });

  it("sums orders and GMV of this month and last month in kopecks, cancelled orders left out", async () => {
    const m = await getPlatformMetrics(operator, NOW);
    expect(m.orders).toEqual({
      monthStart: new Date("2026-05-31T21:00:00Z"),
      thisMonth: { count: 3, gmvKopecks: 120_345_155n },
      lastMonth: { count: 2, gmvKopecks: 50_010n },
    });
  });

  it("refuses buyers and suppliers", async () => {
    const { actor: buyer } = await createActor({ kind: "BUYER" });
    const { actor: supplier } = await createActor({ kind: "SUPPLIER" });
    await expect(getPlatformMetrics(buyer, NOW)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(getPlatformMetrics(supplier, NOW)).rejects.toMatchObject({ kind: "forbidden" });
  });
});
