import type { Meilisearch, Task } from "meilisearch";
import type { ReindexProgress } from "./search.types";

/**
 * Bulk document loading into one Meilisearch index (a full reindex), robust at 100k+ documents on a loaded machine:
 * - documents go in fixed-size batches (`batchSize`, 5,000 by default) whatever size the caller yields them in;
 * - at most `inFlight` batches are enqueued and not yet indexed (Meilisearch merges consecutive additions into one
 *   indexing batch, so a second one waiting keeps it busy, while memory and the task queue stay bounded);
 * - each batch task is awaited with its own timeout counted from when the wait for it began (the tasks before it are
 *   done by then), polled with a growing interval, and reported through `onProgress`;
 * - a failed or timed-out task stops the load with an error naming the task (the caller drops the half-built index).
 */

export interface BulkLoadOptions {
  batchSize?: number;
  inFlight?: number;
  /** per batch task, ms (default 10 min: a 5,000-document batch takes seconds idle, minutes under heavy load) */
  taskTimeoutMs?: number;
  onProgress?: (progress: ReindexProgress) => void;
}

export const DEFAULT_BULK_BATCH = 5_000;

export class MeiliBulkLoader<D> {
  private buffer: D[] = [];
  private readonly pending: { uid: number; size: number }[] = [];
  private enqueued = 0;
  private indexed = 0;
  private readonly batchSize: number;
  private readonly inFlight: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly client: Meilisearch,
    private readonly indexUid: string,
    private readonly options: BulkLoadOptions = {},
  ) {
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BULK_BATCH);
    this.inFlight = Math.max(1, options.inFlight ?? 2);
    this.timeoutMs = options.taskTimeoutMs ?? 600_000;
  }

  async add(docs: D[]): Promise<void> {
    for (const d of docs) {
      this.buffer.push(d);
      if (this.buffer.length >= this.batchSize) await this.flush();
    }
  }

  /** Sends what is buffered and waits until every batch is indexed; returns the number of documents indexed. */
  async finish(): Promise<number> {
    await this.flush();
    while (this.pending.length > 0) await this.waitOldest();
    return this.indexed;
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    while (this.pending.length >= this.inFlight) await this.waitOldest();
    const task = await this.client.index(this.indexUid).addDocuments(batch as Record<string, unknown>[], {
      primaryKey: "id",
    });
    this.pending.push({ uid: task.taskUid, size: batch.length });
    this.enqueued += batch.length;
    this.report();
  }

  private async waitOldest(): Promise<void> {
    const head = this.pending[0];
    const task = await waitForTaskPatiently(this.client, head.uid, this.timeoutMs);
    if (task.status !== "succeeded") {
      throw new Error(`meilisearch: documents task ${head.uid} ${task.status}: ${task.error?.message ?? ""}`);
    }
    this.pending.shift();
    this.indexed += Number(task.details?.indexedDocuments ?? head.size);
    this.report();
  }

  private report() {
    this.options.onProgress?.({ indexed: this.indexed, sent: this.enqueued });
  }
}

/**
 * Waits for a task to end (succeeded, failed or canceled) for at most `timeoutMs`, polling every 50 ms at first and
 * up to every second (a long indexing task is not polled hundreds of times a minute).
 */
export async function waitForTaskPatiently(client: Meilisearch, uid: number, timeoutMs: number): Promise<Task> {
  const deadline = Date.now() + timeoutMs;
  let interval = 50;
  for (;;) {
    const task = await client.tasks.getTask(uid);
    if (task.status === "succeeded" || task.status === "failed" || task.status === "canceled") return task;
    if (Date.now() >= deadline) {
      throw new Error(`meilisearch: task ${uid} still ${task.status} after ${Math.round(timeoutMs / 1000)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(interval, Math.max(1, deadline - Date.now()))));
    interval = Math.min(1_000, interval * 2);
  }
}
