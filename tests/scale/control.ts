import { expect } from "@playwright/test";

/**
 * The drills' handle on the topology of scripts/test-scale.ts: its control endpoint (kill/start parts, SQL on the
 * primary or the replica) and the Meilisearch nodes themselves.
 */
const controlUrl = () => {
  const url = process.env.SCALE_CONTROL_URL;
  if (!url) throw new Error("SCALE_CONTROL_URL is not set: run `npm run test:scale`");
  return url;
};

async function post(pathname: string, body?: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${controlUrl()}${pathname}`, { method: "POST", body });
  const json = (await r.json()) as Record<string, unknown>;
  if (!r.ok) throw new Error(`control ${pathname}: ${String(json.error)}`);
  return json;
}

/** Stops a part (SIGKILL for processes; a fast shutdown for the replica). */
export const kill = (name: string) => post(`/kill/${name}`);
/** Starts a part again and waits until it answers; resolves with how long that took. */
export const start = async (name: string) => Number((await post(`/start/${name}`)).ms);
/** Runs SQL with psql on the primary or the replica; the unaligned output. */
export const sql = async (on: "primary" | "replica", text: string) => String((await post(`/sql/${on}`, text)).out);

export const meiliHosts = () => (process.env.SCALE_MEILI_HOSTS ?? "").split(",").filter(Boolean);

export interface NodeResult {
  ids: string[];
  total: number;
}

/** One search straight on a node (the raw index, no app in between), ids in rank order. */
export async function searchNode(host: string, q: string, limit = 100): Promise<NodeResult> {
  const r = await fetch(`${host}/indexes/products/search`, {
    method: "POST",
    headers: { Authorization: `Bearer ${process.env.SCALE_MEILI_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify({ q, limit, attributesToRetrieve: ["id", "title"], sort: undefined }),
  });
  expect(r.ok, `search on ${host}`).toBe(true);
  const json = (await r.json()) as { hits: { id: string }[]; estimatedTotalHits: number };
  return { ids: json.hits.map((h) => h.id), total: json.estimatedTotalHits };
}

/** Search events not yet delivered (any consumer under search), from the primary. */
export async function pendingSearchEvents(): Promise<number> {
  return Number(
    await sql(
      "primary",
      `SELECT count(*) FROM outbox_event WHERE "processedAt" IS NULL AND (topic LIKE 'search.%' OR topic LIKE 'searchnode-%')`,
    ),
  );
}

/**
 * A burst of catalog edits the way the catalog module writes them: each product's title changes and a search.product
 * event is enqueued in the same transaction. Returns the ids edited.
 */
export async function catalogBurst(token: string, count: number): Promise<string[]> {
  const out = await sql(
    "primary",
    `WITH picked AS (
       SELECT p.id FROM product p JOIN organization o ON o.id = p."supplierId"
        WHERE p.status = 'PUBLISHED' AND o."suspendedAt" IS NULL ORDER BY md5(p.id || '${token}') LIMIT ${count}),
     edited AS (
       UPDATE product SET title = regexp_replace(title, ' scale\\w+$', '') || ' ${token}', "updatedAt" = now()
        WHERE id IN (SELECT id FROM picked) RETURNING id),
     queued AS (
       INSERT INTO outbox_event (topic, "aggregateId", payload, "availableAt", "createdAt")
       SELECT 'search.product', id, jsonb_build_object('productId', id), now(), now() FROM edited RETURNING "aggregateId")
     SELECT string_agg("aggregateId", ',') FROM queued`,
  );
  return out.split(",").filter(Boolean);
}
