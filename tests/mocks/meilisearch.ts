/**
 * A fake Meilisearch server for MSW: enough of the HTTP API for the adapter (indexes, settings, documents, search,
 * swap, tasks, keys, health), recording every request so tests can check the shapes the adapter sends.
 * Usage: `const meili = fakeMeilisearch("http://meili.test"); const server = setupServer(...meili.handlers);`
 */
import { HttpResponse, http } from "msw";

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

export interface FakeMeiliOptions {
  /** status every task reports (default "succeeded"); "processing" makes waits time out */
  taskStatus?: "succeeded" | "failed" | "processing";
  /** the search response (merged over an empty one) */
  searchResponse?: Record<string, unknown>;
}

export function fakeMeilisearch(host: string, options: FakeMeiliOptions = {}) {
  const requests: RecordedRequest[] = [];
  const tasks = new Map<number, { indexUid: string | null; type: string }>();
  let nextTask = 1;
  const keys: { key: string; uid: string; actions: string[]; indexes: string[]; description: string }[] = [];

  const record = async (request: Request) => {
    const url = new URL(request.url);
    const text = request.method === "GET" || request.method === "DELETE" ? "" : await request.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // keep text
    }
    requests.push({
      method: request.method,
      path: url.pathname + url.search,
      body,
      authorization: request.headers.get("authorization"),
    });
  };
  const enqueue = (indexUid: string | null, type: string) => {
    const taskUid = nextTask++;
    tasks.set(taskUid, { indexUid, type });
    return HttpResponse.json(
      { taskUid, indexUid, status: "enqueued", type, enqueuedAt: new Date().toISOString() },
      { status: 202 },
    );
  };
  const u = (path: string) => `${host}${path}`;

  const handlers = [
    http.get(u("/health"), async ({ request }) => {
      await record(request);
      return HttpResponse.json({ status: "available" });
    }),
    http.post(u("/indexes"), async ({ request }) => {
      await record(request);
      const body = requests[requests.length - 1].body as { uid: string };
      return enqueue(body.uid, "indexCreation");
    }),
    http.delete(u("/indexes/:uid"), async ({ request, params }) => {
      await record(request);
      return enqueue(String(params.uid), "indexDeletion");
    }),
    http.patch(u("/indexes/:uid/settings"), async ({ request, params }) => {
      await record(request);
      return enqueue(String(params.uid), "settingsUpdate");
    }),
    http.post(u("/indexes/:uid/documents"), async ({ request, params }) => {
      await record(request);
      return enqueue(String(params.uid), "documentAdditionOrUpdate");
    }),
    http.post(u("/indexes/:uid/documents/delete-batch"), async ({ request, params }) => {
      await record(request);
      return enqueue(String(params.uid), "documentDeletion");
    }),
    http.post(u("/indexes/:uid/search"), async ({ request }) => {
      await record(request);
      const body = requests[requests.length - 1].body as { page?: number; hitsPerPage?: number; q?: string };
      return HttpResponse.json({
        hits: [],
        query: body.q ?? "",
        processingTimeMs: 1,
        hitsPerPage: body.hitsPerPage ?? 20,
        page: body.page ?? 1,
        totalPages: 0,
        totalHits: 0,
        facetDistribution: {},
        facetStats: {},
        ...options.searchResponse,
      });
    }),
    http.get(u("/indexes/:uid/stats"), async ({ request }) => {
      await record(request);
      return HttpResponse.json({ numberOfDocuments: 42, isIndexing: false, fieldDistribution: {} });
    }),
    http.post(u("/swap-indexes"), async ({ request }) => {
      await record(request);
      return enqueue(null, "indexSwap");
    }),
    http.get(u("/tasks/:uid"), async ({ request, params }) => {
      await record(request);
      const uid = Number(params.uid);
      const task = tasks.get(uid);
      if (!task) return HttpResponse.json({ message: "task not found", code: "task_not_found" }, { status: 404 });
      const status = options.taskStatus ?? "succeeded";
      return HttpResponse.json({
        uid,
        indexUid: task.indexUid,
        status,
        type: task.type,
        error: status === "failed" ? { message: "boom", code: "internal", type: "internal", link: "" } : null,
        enqueuedAt: new Date().toISOString(),
      });
    }),
    http.get(u("/keys"), async ({ request }) => {
      await record(request);
      return HttpResponse.json({ results: keys, offset: 0, limit: 100, total: keys.length });
    }),
    http.post(u("/keys"), async ({ request }) => {
      await record(request);
      const body = requests[requests.length - 1].body as { actions: string[]; indexes: string[]; description: string };
      const key = { key: `search-key-${keys.length + 1}`, uid: `uid-${keys.length + 1}`, ...body };
      keys.push(key);
      return HttpResponse.json(key, { status: 201 });
    }),
  ];

  return {
    handlers,
    requests,
    /** requests other than task polling, as "METHOD /path" */
    calls: () =>
      requests.filter((r) => !r.path.startsWith("/tasks/")).map((r) => `${r.method} ${r.path.split("?")[0]}`),
    clear: () => {
      requests.length = 0;
    },
  };
}
