/**
 * Several Meilisearch nodes (MEILI_HOSTS, app/modules/search/meili-nodes.server.ts) against a real Meilisearch: node a
 * is the server of tests/setup/meilisearch.ts, node b a host where nothing listens (a node that is down). Every index
 * change reaches node a through its own outbox queue while node b's copies wait with their error; searches are
 * answered by node a; /healthz stays ok while one node answers. The restart and catch-up of a real second node is
 * drilled in `npm run test:scale` (tests/scale/02-drills.spec.ts).
 */
import { randomBytes } from "node:crypto";
import { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Actor } from "~/modules/accounts/actor";
import { createProduct, setProductsStatus } from "~/modules/catalog/catalog.server";
import { processOutboxOnce, registerOutboxHandler, unregisterOutboxHandler } from "~/modules/outbox/outbox.server";
import { MeiliNodesEngine, nodeConsumer, parseMeiliHosts } from "~/modules/search/meili-nodes.server";
import { searchOutboxConsumers, useSearchEngine } from "~/modules/search/search.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { createTransformerCategory, productInput, withTempDataDir } from "../catalog/helpers";

const meili = inject("meilisearch");
vi.setConfig({ testTimeout: 120_000 });
withTempDataDir();

describe("MEILI_HOSTS parsing and node names", () => {
  it("splits, trims and names each node's outbox consumer without dots", () => {
    expect(parseMeiliHosts(" http://10.0.0.1:7700/, http://search-b.local:7700 ,,")).toEqual([
      "http://10.0.0.1:7700",
      "http://search-b.local:7700",
    ]);
    expect(nodeConsumer("http://10.0.0.1:7700")).toBe("searchnode-10_0_0_1_7700");
    expect(nodeConsumer("https://Search-B.local:7700")).toBe("searchnode-search_b_local_7700");
    expect(parseMeiliHosts(undefined)).toEqual([]);
  });
});

if ("skipped" in meili) {
  describe.skip(`several Meilisearch nodes (${meili.skipped})`, () => {
    it("needs a Meilisearch server", () => {});
  });
} else {
  const { host, apiKey } = meili;
  const index = `t_nodes_${randomBytes(4).toString("hex")}`;
  const downHost = "http://127.0.0.1:9"; // the discard port: nothing listens there
  const engine = new MeiliNodesEngine([host, downHost], { apiKey, index, retryAfterMs: 60_000 });
  let supplier: Actor;
  let categoryId: string;
  let registered: string[] = [];

  beforeAll(async () => {
    useSearchEngine(engine);
    registered = [];
    for (const c of searchOutboxConsumers()) {
      registerOutboxHandler(c.consumer, c.handler, { batchSize: c.batchSize });
      registered.push(c.consumer);
    }
    supplier = (await createActor({ kind: "SUPPLIER", verified: true })).actor;
    categoryId = (await createTransformerCategory()).id;
  });

  afterAll(async () => {
    for (const c of registered) unregisterOutboxHandler(c);
    useSearchEngine(undefined);
    await new Meilisearch({ host, apiKey }).deleteIndex(index).catch(() => undefined);
  });

  describe("several Meilisearch nodes fed by the outbox", () => {
    it("registers the fan-out and one consumer per node", () => {
      expect(registered).toEqual(["search", nodeConsumer(host), nodeConsumer(downHost)]);
    });

    it("delivers every edit to the node that is up; the other node's copies wait with their error", async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const p = await createProduct(
          supplier,
          productInput(categoryId, { title: `Трансформатор ТМГ-${250 + i} узлы` }),
        );
        ids.push(p.id);
      }
      await setProductsStatus(supplier, ids, "PUBLISHED");
      for (let i = 0; i < 6; i++) await processOutboxOnce();

      const prisma = getPrisma();
      const rows = await prisma.outboxEvent.findMany({
        where: { aggregateId: { in: ids } },
        select: { topic: true, processedAt: true, lastError: true },
      });
      const byPrefix = (prefix: string) => rows.filter((r) => r.topic.startsWith(`${prefix}.`));
      expect(byPrefix("search").length).toBeGreaterThan(0);
      expect(byPrefix("search").every((r) => r.processedAt)).toBe(true);
      expect(byPrefix(nodeConsumer(host)).length).toBe(byPrefix("search").length);
      expect(byPrefix(nodeConsumer(host)).every((r) => r.processedAt)).toBe(true);
      const waiting = byPrefix(nodeConsumer(downHost));
      expect(waiting.length).toBe(byPrefix("search").length);
      expect(waiting.every((r) => r.processedAt === null && r.lastError)).toBe(true);

      const result = await engine.search({
        q: "ТМГ узлы",
        filters: {},
        facets: false,
        sort: "relevance",
        page: 1,
        perPage: 10,
      });
      expect(result.hits.map((h) => h.id).sort()).toEqual([...ids].sort());
    });

    it("answers searches from the node that is up and reports each node's state", async () => {
      const result = await engine.search({
        q: "ТМГ-251",
        filters: {},
        facets: false,
        sort: "relevance",
        page: 1,
        perPage: 5,
      });
      expect(result.hits[0]?.card.title).toBe("Трансформатор ТМГ-251 узлы");
      const health = await engine.health();
      expect(health.ok).toBe(true);
      const nodes = health.nodes as { host: string; ok: boolean }[];
      expect(nodes.map((n) => [n.host, n.ok])).toEqual([
        [host, true],
        [downHost, false],
      ]);
    });
  });
}
