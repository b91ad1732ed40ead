import { describe, expect, it } from "vitest";
import { enqueue, enqueueMany } from "~/modules/outbox/outbox.server";
import { getPrisma } from "~/utils/db.server";

describe("outbox enqueueMany", () => {
  it("writes every event of a large batch (several INSERT chunks) inside a transaction, payloads intact", async () => {
    const prisma = getPrisma();
    const later = new Date(Date.now() + 3_600_000);
    const events = Array.from({ length: 2_345 }, (_, i) => ({
      topic: "test.bulk",
      aggregateId: `agg-${i}`,
      payload: { productId: `p-${i}`, quote: 'it\'s "quoted"', n: i },
      ...(i === 7 ? { availableAt: later } : {}),
    }));
    await prisma.$transaction(async (tx) => enqueueMany(tx, events));
    const rows = await prisma.outboxEvent.findMany({ where: { topic: "test.bulk" }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2_345);
    expect(rows[1_500]).toMatchObject({
      aggregateId: "agg-1500",
      payload: { productId: "p-1500", quote: 'it\'s "quoted"', n: 1500 },
      attempts: 0,
      processedAt: null,
    });
    expect(rows[7]?.availableAt.getTime()).toBe(later.getTime());
    expect(Math.abs((rows[0]?.availableAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it("rolls back with the transaction and works with the plain client", async () => {
    const prisma = getPrisma();
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueMany(tx, [{ topic: "test.rollback", aggregateId: "a" }]);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await prisma.outboxEvent.count({ where: { topic: "test.rollback" } })).toBe(0);
    await enqueue(prisma, { topic: "test.single", aggregateId: "x" });
    await enqueueMany(prisma, []);
    const row = await prisma.outboxEvent.findFirstOrThrow({ where: { topic: "test.single" } });
    expect(row.payload).toEqual({});
  });
});
