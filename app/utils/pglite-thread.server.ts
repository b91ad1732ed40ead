import path from "node:path";
import { Duplex } from "node:stream";
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import type pg from "pg";

/**
 * PGlite on a worker thread (see `pglite-thread.worker.mjs` and docs/decisions/0011). PGlite is PostgreSQL compiled to
 * WASM: it executes one statement at a time, synchronously, on whatever thread calls it. In the server's thread every
 * query would stop HTTP work; on its own thread the SQL of one request overlaps with the rendering, JSON and gzip of
 * others, so the two cores are both used. The app talks to it through the ordinary `pg` driver (the same adapter as
 * for a PostgreSQL server), over a MessagePort instead of a socket.
 */
export interface PgliteThread {
  /** pg Pool settings that connect to the thread (one connection: PGlite has one session). */
  poolConfig(): pg.PoolConfig;
  /** Resolves when PGlite has opened (or rejects with why it could not). */
  ready: Promise<void>;
  /** Closes PGlite (flushes it to disk) and stops the thread. Close the pool first. Idempotent. */
  close(): Promise<void>;
}

/** The worker file: resolved from the working directory so the dev server, scripts and the build all find it. */
export function pgliteWorkerFile(): string {
  return path.resolve(process.cwd(), "app", "utils", "pglite-thread.worker.mjs");
}

/** A Duplex over a MessagePort that looks enough like a net.Socket for `pg`. */
class PortSocket extends Duplex {
  constructor(private readonly port: MessagePort) {
    super();
    port.on("message", (bytes: Uint8Array) => this.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    port.on("close", () => this.push(null));
  }
  connect() {
    process.nextTick(() => this.emit("connect"));
    return this;
  }
  setNoDelay() {
    return this;
  }
  setKeepAlive() {
    return this;
  }
  ref() {
    this.port.ref();
    return this;
  }
  unref() {
    this.port.unref();
    return this;
  }
  override _read() {}
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void) {
    const copy = new Uint8Array(chunk); // only these bytes, not pg's whole pooled buffer
    this.port.postMessage(copy, [copy.buffer]);
    callback();
  }
  override _final(callback: (error?: Error | null) => void) {
    this.port.close();
    callback();
  }
  override _destroy(error: Error | null, callback: (error?: Error | null) => void) {
    this.port.close();
    callback(error);
  }
}

export function startPgliteThread(dataDir: string, opts: { onLog?: (message: string) => void } = {}): PgliteThread {
  // execArgv: [] — the worker is plain JavaScript; the parent's flags (tsx, --input-type…) are not for it
  const worker = new Worker(pgliteWorkerFile(), { workerData: { dataDir }, execArgv: [] });
  const sockets = new Set<PortSocket>();
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const socket of sockets) socket.destroy(failure);
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (msg: { type: string; message?: string }) => {
      if (msg.type === "ready") resolve();
      else if (msg.type === "error") reject(new Error(`PGlite could not open ${dataDir}: ${msg.message}`));
      else if (msg.type === "log" && msg.message) opts.onLog?.(msg.message);
    });
    worker.on("error", (error) => {
      fail(error);
      reject(error);
    });
    worker.on("exit", (code) => {
      fail(new Error(`the PGlite thread stopped (exit code ${code})`));
      reject(failure);
    });
  });
  ready.catch(() => {}); // surfaced through the first query

  let closing: Promise<void> | undefined;
  return {
    ready,
    poolConfig: () => ({
      max: 1,
      idleTimeoutMillis: 0,
      stream: () => {
        if (failure) throw failure;
        const { port1, port2 } = new MessageChannel();
        worker.postMessage({ type: "connect", port: port2 }, [port2]);
        const socket = new PortSocket(port1);
        sockets.add(socket);
        socket.once("close", () => sockets.delete(socket));
        return socket as unknown as import("node:net").Socket;
      },
    }),
    close() {
      closing ??= (async () => {
        if (failure) return;
        const closed = new Promise<void>((resolve) => {
          worker.on("message", (msg: { type: string }) => {
            if (msg.type === "closed") resolve();
          });
          worker.once("exit", () => resolve());
        });
        worker.postMessage({ type: "close" });
        await closed;
        await worker.terminate();
      })();
      return closing;
    },
  };
}
