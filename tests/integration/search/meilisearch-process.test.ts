/**
 * The bundled Meilisearch as a managed process (SEARCH_ENGINE=meilisearch without MEILI_HOST): the binary is verified
 * before it runs, a crash is survived (restart with the same data), and the outbox catches the index up afterwards.
 * This file starts its own server (it kills it on purpose), separate from the run's shared one.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { processOutboxOnce, registerOutboxHandler, unregisterOutboxHandler } from "~/modules/outbox/outbox.server";
import { createConfiguredEngine, ManagedMeiliEngine } from "~/modules/search/engine-config.server";
import { MeiliSearchEngine } from "~/modules/search/meili-engine.server";
import {
  bundledMeiliUnavailableReason,
  installMeiliBinary,
  ManagedMeilisearch,
  MeiliUnavailableError,
  meiliHealthy,
} from "~/modules/search/meili-process.server";
import {
  enqueueProductReindex,
  handleSearchEvents,
  searchHealth,
  useSearchEngine,
} from "~/modules/search/search.server";
import { getPrisma } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { createCategory, createOrganization, createProduct } from "../../fixtures/factories";

const reason = bundledMeiliUnavailableReason();
// Meilisearch tasks take seconds on a busy 2-core machine (tens of ms when idle); this file waits for several
vi.setConfig({ testTimeout: 120_000 });

describe("choosing the engine at start", () => {
  it("postgres by default, an external Meilisearch with MEILI_HOST, the bundled one with SEARCH_ENGINE alone", () => {
    expect(createConfiguredEngine(parseEnv({})).name).toBe("postgres");
    expect(createConfiguredEngine(parseEnv({ SEARCH_ENGINE: "postgres", MEILI_HOST: "http://x:7700" })).name).toBe(
      "postgres",
    );
    expect(createConfiguredEngine(parseEnv({ MEILI_HOST: "http://x:7700", MEILI_API_KEY: "k" }))).toBeInstanceOf(
      MeiliSearchEngine,
    );
    const bundled = createConfiguredEngine(parseEnv({ SEARCH_ENGINE: "meilisearch", DATA_DIR: "/tmp/never-started" }));
    // where the binary cannot run, the embedded engine is used (with a warning that says why)
    expect(bundled).toBeInstanceOf(reason ? Object : ManagedMeiliEngine);
    expect(bundled.name).toBe(reason ? "postgres" : "meilisearch");
    expect(existsSync("/tmp/never-started/meilisearch")).toBe(false); // nothing starts before first use
  });

  it("a bad SEARCH_ENGINE value stops the start with a clear message", () => {
    expect(() => parseEnv({ SEARCH_ENGINE: "elastic" })).toThrow(/SEARCH_ENGINE/);
  });
});

describe.skipIf(reason)("bundled Meilisearch process", () => {
  const dataDir = mkdtempSync(path.join("tests", ".tmp", "meili-proc-"));
  let server: ManagedMeilisearch;
  let supplierId = "";
  let categoryId = "";

  beforeAll(async () => {
    server = new ManagedMeilisearch({ dataDir: path.resolve(dataDir, "meilisearch") });
    const supplier = await createOrganization({ verified: true });
    const category = await createCategory({ nameRu: "Насосы" });
    supplierId = supplier.id;
    categoryId = category.id;
  });
  afterAll(async () => {
    useSearchEngine(undefined);
    unregisterOutboxHandler("search");
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses to run a binary whose sha256 differs from the recorded one", async () => {
    await expect(installMeiliBinary(path.resolve(dataDir, "wrong"), "0".repeat(64))).rejects.toThrow(
      MeiliUnavailableError,
    );
    expect(existsSync(path.resolve(dataDir, "wrong", "bin"))).toBe(false);
  });

  it("starts on a loopback port with a generated key; the key is required", async () => {
    await server.start();
    expect(server.host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.masterKey.length).toBeGreaterThanOrEqual(32);
    expect(await meiliHealthy(server.host)).toBe(true);
    const anonymous = await fetch(`${server.host}/indexes`);
    expect(anonymous.status).toBe(401);
    expect(existsSync(path.resolve(dataDir, "meilisearch", "data.ms"))).toBe(true);
  });

  it("after a crash it is restarted with its data, and the outbox catches the index up", async () => {
    const prisma = getPrisma();
    // the sync talks to the server as to any Meilisearch (no waiting for restarts: failures go back to the outbox)
    const engine = new MeiliSearchEngine({ host: server.host, apiKey: server.masterKey, index: "products" });
    useSearchEngine(engine);
    registerOutboxHandler("search", (events) => handleSearchEvents(events), { batchSize: 200 });
    await engine.applySettings();

    const first = await createProduct({ supplierId, categoryId, title: "Насос центробежный К 80-50-200" });
    await enqueueProductReindex(prisma, first.id);
    expect(await processOutboxOnce()).toMatchObject({ delivered: 1, failed: 0 });
    expect((await engine.search(q("центробежный"))).hits.map((h) => h.id)).toEqual([first.id]);

    const pid = server.pid;
    server.crash();
    await waitFor(async () => !(await meiliHealthy(server.host, 300)));

    // written while the server is down: delivery fails, the event stays pending and /healthz shows the lag
    const second = await createProduct({ supplierId, categoryId, title: "Насос центробежный К 100-65-250" });
    await enqueueProductReindex(prisma, second.id);
    const down = await processOutboxOnce();
    expect(down.failed).toBe(1);
    const health = await searchHealth();
    expect(health).toMatchObject({ ok: false, engine: "meilisearch", lag: { pending: 1, failing: 1 } });

    await server.ready(30_000);
    expect(server.restarts).toBe(1);
    expect(server.pid).not.toBe(pid);
    // the retry comes after the backoff; do not wait for it here
    await prisma.outboxEvent.updateMany({ where: { processedAt: null }, data: { availableAt: new Date() } });
    expect(await processOutboxOnce()).toMatchObject({ delivered: 1, failed: 0 });
    const ids = (await engine.search(q("центробежный"))).hits.map((h) => h.id).sort();
    expect(ids).toEqual([first.id, second.id].sort()); // the first one survived the crash on disk
    expect(await searchHealth()).toMatchObject({ ok: true, engine: "meilisearch", lag: { pending: 0 } });
  });

  it("the app's engine waits for a restart and answers instead of failing the page", async () => {
    const managed = new ManagedMeiliEngine(server, "products");
    server.crash();
    const r = await managed.search(q("центробежный"));
    expect(r.hits.length).toBe(2);
    expect(await managed.health()).toMatchObject({ ok: true, engine: "meilisearch", bundled: { restarts: 2 } });
  });

  it("a second app process on the same data attaches to the running server instead of starting another", async () => {
    const other = new ManagedMeilisearch({ dataDir: path.resolve(dataDir, "meilisearch") });
    // same process id would look like its own file: pretend the file belongs to another live process (our parent)
    const file = path.resolve(dataDir, "meilisearch", "instance.json");
    const { readFileSync, writeFileSync } = await import("node:fs");
    const instance = JSON.parse(readFileSync(file, "utf8")) as { ownerPid: number };
    writeFileSync(file, JSON.stringify({ ...instance, ownerPid: process.ppid }));
    await other.start();
    expect(other.owner).toBe(false);
    expect(other.host).toBe(server.host);
    await other.stop(); // leaves the owner's server running
    expect(await meiliHealthy(server.host)).toBe(true);
  });

  it("stops on shutdown", async () => {
    const pid = server.pid;
    await server.stop();
    expect(pid && alive(pid)).toBe(false);
    expect(existsSync(path.resolve(dataDir, "meilisearch", "instance.json"))).toBe(false);
  });
});

function q(text: string) {
  return { q: text, filters: {}, facets: false as const, sort: "relevance" as const, page: 1, perPage: 20 };
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}
