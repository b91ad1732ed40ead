/**
 * Failure drill: the search engine is down while suppliers edit their catalog. Every edit is saved (the catalog is the
 * source of truth), the search outbox keeps the index changes, /healthz shows the lag and the error, and once the
 * engine is back the worker catches up: the index matches the catalog again.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/modules/accounts/actor";
import { createProduct, setProductsStatus, updateProduct } from "~/modules/catalog/catalog.server";
import { processOutboxOnce } from "~/modules/outbox/outbox.server";
import { PostgresSearchEngine } from "~/modules/search/pg-engine.server";
import { reindexAll, type SearchEngine, searchHealth, useSearchEngine } from "~/modules/search/search.server";
import { loader as healthz } from "~/routes/healthz";
import { wireApp } from "~/startup.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { createTransformerCategory, productInput, withTempDataDir } from "../catalog/helpers";

withTempDataDir();
wireApp();

/** The real engine behind a switch: while `down`, every call fails like an unreachable server. */
function switchableEngine(real: SearchEngine): SearchEngine & { down: boolean; calls: number } {
  const wrapper = {
    down: false,
    calls: 0,
    name: real.name,
  } as SearchEngine & { down: boolean; calls: number };
  for (const method of ["applySettings", "index", "delete", "search", "suggest", "reindexAll", "health"] as const) {
    (wrapper as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      wrapper.calls++;
      if (wrapper.down) throw new Error("connect ECONNREFUSED 127.0.0.1:7700");
      return (real[method] as (...a: unknown[]) => Promise<unknown>).apply(real, args);
    };
  }
  return wrapper;
}

const engine = switchableEngine(new PostgresSearchEngine());
let supplier: Actor;
let categoryId: string;

beforeAll(async () => {
  useSearchEngine(engine);
  supplier = (await createActor({ kind: "SUPPLIER", verified: true })).actor;
  categoryId = (await createTransformerCategory()).id;
  await reindexAll();
});

async function drain(rounds = 10) {
  for (let i = 0; i < rounds; i++) {
    const r = await processOutboxOnce();
    if (r.delivered === 0 && r.failed === 0) return;
  }
}

const found = async (q: string) =>
  (
    await engine.search({ q, filters: {}, facets: { specCodes: [] }, sort: "relevance", page: 1, perPage: 50 })
  ).hits.map((h) => h.id);

describe("search engine outage during catalog edits", () => {
  it("keeps every edit, shows the lag in /healthz, and catches up when the engine is back", async () => {
    // before the outage: a published product the index knows
    const kept = await createProduct(supplier, productInput(categoryId, { title: "Трансформатор ТМГ-630 старое имя" }));
    const archived = await createProduct(supplier, productInput(categoryId, { title: "Трансформатор ТМГ-400 снятый" }));
    await setProductsStatus(supplier, [kept.id, archived.id], "PUBLISHED");
    await drain();
    expect(await found("ТМГ-400")).toContain(archived.id);

    engine.down = true;
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await createProduct(supplier, productInput(categoryId, { title: `Подстанция КТПН-${1000 + i} новая` }));
      created.push(p.id);
    }
    await setProductsStatus(supplier, created, "PUBLISHED");
    await updateProduct(supplier, kept.id, productInput(categoryId, { title: "Трансформатор ТМГ-630 новое имя" }));
    await setProductsStatus(supplier, [archived.id], "ARCHIVED");
    await drain(3); // the worker tries and fails

    // nothing lost: the catalog has every edit
    const rows = await getPrisma().product.findMany({ where: { id: { in: [...created, kept.id, archived.id] } } });
    expect(rows.filter((r) => created.includes(r.id)).every((r) => r.status === "PUBLISHED")).toBe(true);
    expect(rows.find((r) => r.id === kept.id)?.title).toBe("Трансформатор ТМГ-630 новое имя");
    expect(rows.find((r) => r.id === archived.id)?.status).toBe("ARCHIVED");

    // the lag is visible: in the search health section and in /healthz
    const health = await searchHealth();
    expect(health.ok).toBe(false);
    expect(health.lag.pending).toBeGreaterThan(0);
    expect(health.lag.failing).toBeGreaterThan(0);
    expect(health.lag.lastError).toMatch(/ECONNREFUSED/);
    const res = await healthz({
      request: new Request("http://localhost/healthz"),
      params: {},
      context: { requestId: "drill", cspNonce: "n", clientIp: "127.0.0.1" },
    });
    const body = (await res.json()) as { checks?: Record<string, unknown> } & Record<string, unknown>;
    expect(JSON.stringify(body)).toMatch(/"pending":[1-9]/);
    const pendingDuringOutage = health.lag.pending;

    // the engine comes back; the retry backoff elapses; the worker catches up
    engine.down = false;
    await getPrisma().outboxEvent.updateMany({ where: { processedAt: null }, data: { availableAt: new Date() } });
    await drain();
    const after = await searchHealth();
    expect(after.ok).toBe(true);
    expect(after.lag.pending).toBe(0);
    for (const id of created) expect(await found("КТПН")).toContain(id);
    expect(await found("новое имя")).toContain(kept.id);
    expect(await found("ТМГ-400")).not.toContain(archived.id);
    console.info(
      `search outage drill: ${created.length + 2} edits saved while down, ${pendingDuringOutage} index events pending (visible in /healthz), 0 pending after recovery`,
    );
  });
});
