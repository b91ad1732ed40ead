import { expect, test } from "@playwright/test";
import { demoOwnerEmail, loginAs } from "../e2e/helpers/auth";
import {
  catalogBurst,
  kill,
  meiliHosts,
  type NodeResult,
  pendingSearchEvents,
  searchNode,
  sql,
  start,
} from "./control";

/**
 * Drills on the scale topology (scripts/test-scale.ts): read replica routing with read-your-writes, two Meilisearch
 * nodes kept identical by the outbox (also across a node restart), the worker killed, the replica stopped.
 * Each prints one line with its figures (docs/performance.md, "Scale-out on one machine").
 */
test.describe.configure({ mode: "serial" });

const SUPPLIER = demoOwnerEmail("balt-energomash");
const appUrls = () => (process.env.SCALE_APP_URLS ?? "").split(",").filter(Boolean);
type ReplicaHealth = { primaryReads: number; replicas: { reads: number; fallbacks: number; up: boolean }[] };
async function replicaHealth(app: string): Promise<ReplicaHealth> {
  const r = await fetch(`${app}/healthz`);
  return ((await r.json()) as { replicas: ReplicaHealth }).replicas;
}
const sumReads = async () => {
  let reads = 0;
  let fallbacks = 0;
  for (const app of appUrls()) {
    const h = await replicaHealth(app);
    reads += h.replicas[0]?.reads ?? 0;
    fallbacks += h.replicas[0]?.fallbacks ?? 0;
  }
  return { reads, fallbacks };
};

async function waitUntilDrained(timeoutMs = 90_000): Promise<number> {
  const t = Date.now();
  await expect.poll(pendingSearchEvents, { timeout: timeoutMs, intervals: [250] }).toBe(0);
  return Date.now() - t;
}

async function expectNodesIdentical(queries: string[]): Promise<NodeResult[]> {
  const [a, b] = meiliHosts();
  const results: NodeResult[] = [];
  for (const q of queries) {
    const [ra, rb] = await Promise.all([searchNode(a, q), searchNode(b, q)]);
    expect(rb, `node b answers "${q}" like node a`).toEqual(ra);
    results.push(ra);
  }
  return results;
}

test("reads of GET requests go to the replica; the writer reads its own write at once", async ({ page, browser }) => {
  await loginAs(page, SUPPLIER, undefined, { redirectTo: "/supplier/products" });
  const before = await sumReads();
  await page.getByTestId("product-row").first().getByRole("link").first().click();
  await page.waitForURL(/\/supplier\/products\/[^/]+$/);
  const titleField = page.getByLabel("Наименование").first();
  const oldTitle = await titleField.inputValue();
  const publicHref = await page.getByRole("link", { name: "Посмотреть страницу товара" }).getAttribute("href");
  expect(publicHref).toBeTruthy();
  const newTitle = `${oldTitle.replace(/ \(ред\. \d+\)$/, "")} (ред. ${Date.now() % 100000})`;

  // the replica stops applying WAL: from here on it is behind the primary, as a lagging replica would be
  await sql("replica", "SELECT pg_wal_replay_pause()");
  try {
    await titleField.fill(newTitle);
    await Promise.all([page.waitForURL(/saved=1/), page.getByRole("button", { name: "Сохранить" }).first().click()]);
    await expect(page.getByText("Сохранено")).toBeVisible();
    await expect(page.getByLabel("Наименование").first()).toHaveValue(newTitle);
    await page.reload(); // a GET within the sticky window: the primary, so the supplier sees the save
    await expect(page.getByLabel("Наименование").first()).toHaveValue(newTitle);

    // another visitor (no sm_rw cookie) reads the replica: the old title while replay is paused
    const visitor = await browser.newContext();
    const vpage = await visitor.newPage();
    await vpage.goto(publicHref as string);
    await expect(vpage.getByRole("heading", { level: 1 })).toHaveText(oldTitle);
    await sql("replica", "SELECT pg_wal_replay_resume()");
    await expect(async () => {
      await vpage.reload();
      await expect(vpage.getByRole("heading", { level: 1 })).toHaveText(newTitle, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await visitor.close();
  } finally {
    await sql("replica", "SELECT pg_wal_replay_resume()");
  }
  const after = await sumReads();
  expect(after.reads, "reads answered by the replica").toBeGreaterThan(before.reads);
  console.log(
    `drill replica-routing: ${after.reads - before.reads} reads on the replica during the test; the writer saw its write, a visitor the replica's copy until replay resumed`,
  );
});

test("both search nodes return identical results after a burst of edits and after one was killed and restarted", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const queries = ["трансформатор", "насос", "кабель", "задвижка", "ТМГ-1000"];
  const tokenA = `scalea${Date.now() % 1_000_000}`;
  const t0 = Date.now();
  const editedA = await catalogBurst(tokenA, 200);
  expect(editedA).toHaveLength(200);
  const drainA = await waitUntilDrained();
  const [burstA] = await expectNodesIdentical([tokenA, ...queries]);
  expect(burstA.total).toBe(200);
  console.log(
    `drill search-burst: 200 edits on both nodes in ${Date.now() - t0} ms (drained ${drainA} ms after the burst)`,
  );

  // node b down: edits go on, searches are answered by node a, node b's events wait in its own queue
  await kill("meili-b");
  const tokenB = `scaleb${Date.now() % 1_000_000}`;
  const editedB = await catalogBurst(tokenB, 100);
  expect(editedB).toHaveLength(100);
  await expect
    .poll(async () => (await searchNode(meiliHosts()[0], tokenB)).total, { timeout: 60_000, intervals: [250] })
    .toBe(100);
  const viaApp = await request.get(`/api/v1/search?q=${tokenB}&perPage=12`);
  expect(viaApp.status()).toBe(200);
  expect(((await viaApp.json()) as { total: number }).total).toBe(100);
  const waiting = Number(
    await sql("primary", `SELECT count(*) FROM outbox_event WHERE "processedAt" IS NULL AND topic LIKE 'searchnode-%'`),
  );
  expect(waiting, "node b's events wait for it").toBeGreaterThan(0);

  const restartMs = await start("meili-b");
  const t1 = Date.now();
  const drainB = await waitUntilDrained(120_000);
  await expectNodesIdentical([tokenA, tokenB, ...queries]);
  console.log(
    `drill search-node-restart: node b down during 100 edits (${waiting} events waited), back in ${restartMs} ms, caught up ${drainB} ms later; both nodes identical on ${queries.length + 2} queries (${Date.now() - t1} ms)`,
  );
});

test("the worker killed: events wait, then drain after its restart", async () => {
  test.setTimeout(180_000);
  await kill("worker");
  const token = `scalew${Date.now() % 1_000_000}`;
  await catalogBurst(token, 50);
  await new Promise((r) => setTimeout(r, 3_000));
  const waiting = await pendingSearchEvents();
  expect(waiting, "nothing delivers while the worker is down").toBeGreaterThanOrEqual(50);
  expect((await searchNode(meiliHosts()[0], token)).total).toBe(0);
  const restartMs = await start("worker");
  const t = Date.now();
  const drained = await waitUntilDrained();
  await expectNodesIdentical([token]);
  expect((await searchNode(meiliHosts()[1], token)).total).toBe(50);
  console.log(
    `drill worker-kill: ${waiting} events waited 3 s with the worker down; restarted in ${restartMs} ms, drained ${drained} ms later (${Date.now() - t} ms to both nodes identical)`,
  );
});

test("the replica stopped: reads fall back to the primary, pages keep working", async ({ page }) => {
  test.setTimeout(120_000);
  const before = await sumReads();
  await kill("pg-replica");
  const t = Date.now();
  for (const path of ["/catalog?q=трансформатор", "/suppliers/balt-energomash", "/catalog"]) {
    const r = await page.goto(path);
    expect(r?.status(), path).toBe(200);
  }
  const during = await sumReads();
  expect(during.fallbacks, "reads that found the replica gone and ran on the primary").toBeGreaterThan(
    before.fallbacks,
  );
  const fallbackMs = Date.now() - t;
  const restartMs = await start("pg-replica");
  // after the retry pause the replica takes reads again
  await expect
    .poll(
      async () => {
        await page.goto("/catalog");
        return (await sumReads()).reads;
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBeGreaterThan(during.reads);
  console.log(
    `drill replica-stop: 3 pages answered 200 in ${fallbackMs} ms with the replica down (${during.fallbacks - before.fallbacks} reads fell back); replica back in ${restartMs} ms and taking reads again`,
  );
});
