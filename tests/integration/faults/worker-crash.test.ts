/**
 * Failure drill: the outbox worker dies in the middle of a batch (simulated: the handler stops for good after part of
 * the batch, like a process killed with SIGKILL, and its promise is abandoned). The claimed events stay leased, so no
 * other worker takes them early; when the lease expires another worker delivers the whole batch again. Delivery is
 * at-least-once (deliveries are counted per event) and the search consumer is idempotent: every product ends up in
 * the index exactly once, no event is lost.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/modules/accounts/actor";
import { createProduct, setProductsStatus } from "~/modules/catalog/catalog.server";
import { type OutboxEventRow, processOutboxOnce, registerOutboxHandler } from "~/modules/outbox/outbox.server";
import { PostgresSearchEngine } from "~/modules/search/pg-engine.server";
import { handleSearchEvents, reindexAll, useSearchEngine } from "~/modules/search/search.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { createTransformerCategory, productInput, withTempDataDir } from "../catalog/helpers";

withTempDataDir();
let supplier: Actor;
let categoryId: string;

beforeAll(async () => {
  useSearchEngine(new PostgresSearchEngine());
  supplier = (await createActor({ kind: "SUPPLIER", verified: true })).actor;
  categoryId = (await createTransformerCategory()).id;
  await reindexAll();
});

describe("worker killed mid-batch", () => {
  it("no search event is lost or applied twice; the half-done batch is delivered again after the lease", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++)
      ids.push((await createProduct(supplier, productInput(categoryId, { title: `Реклоузер РВА-${i}` }))).id);
    await setProductsStatus(supplier, ids, "PUBLISHED");
    const pending = await getPrisma().outboxEvent.count({ where: { topic: "search.product", processedAt: null } });
    expect(pending).toBeGreaterThanOrEqual(30);

    const deliveries = new Map<bigint, number>();
    let crashAfter: number | null = 10;
    let applied = 0;
    registerOutboxHandler(
      "search",
      async (events: OutboxEventRow[]) => {
        // decided when the worker starts its batch: the test moving on must not "revive" the dying worker
        const dieAt = crashAfter;
        for (const [n, e] of events.entries()) {
          if (dieAt !== null && n === dieAt) {
            await new Promise(() => {}); // killed: never finishes, never marks the batch processed
          }
          deliveries.set(e.id, (deliveries.get(e.id) ?? 0) + 1);
          await handleSearchEvents([e]);
          applied += 1;
        }
      },
      { batchSize: 200 },
    );

    // worker 1 claims the batch, applies 10 events and dies
    void processOutboxOnce();
    for (let i = 0; i < 400 && applied < 10; i++) await new Promise((r) => setTimeout(r, 25));
    expect(deliveries.size).toBe(10);
    crashAfter = null;

    // worker 2 starts at once: the batch is still leased to the dead worker, nothing is taken twice meanwhile
    expect((await processOutboxOnce()).delivered).toBe(0);
    const leased = await getPrisma().outboxEvent.findMany({ where: { topic: "search.product", processedAt: null } });
    expect(leased.length).toBe(pending);
    expect(leased.every((e) => e.availableAt.getTime() > Date.now() && e.attempts === 1)).toBe(true);

    // the 60 s lease expires; worker 2 delivers the whole batch
    await getPrisma().outboxEvent.updateMany({ where: { processedAt: null }, data: { availableAt: new Date() } });
    expect((await processOutboxOnce()).delivered).toBe(pending);

    // nothing lost: every event processed, every product indexed exactly once
    expect(await getPrisma().outboxEvent.count({ where: { processedAt: null } })).toBe(0);
    const twice = [...deliveries.values()].filter((n) => n === 2).length;
    expect(twice).toBe(10);
    expect([...deliveries.values()].every((n) => n === 1 || n === 2)).toBe(true);
    const docs = await getPrisma().$queryRawUnsafe<{ id: string; n: number }[]>(
      `SELECT "productId" AS id, count(*)::int AS n FROM search_document WHERE "productId" = ANY($1) GROUP BY "productId"`,
      ids,
    );
    expect(docs.length).toBe(30);
    expect(docs.every((d) => d.n === 1)).toBe(true);
    console.info(
      `worker crash drill: ${pending} events, ${deliveries.size} delivered (${twice} twice after the crash), 0 lost, 30/30 products indexed once`,
    );
  });
});
