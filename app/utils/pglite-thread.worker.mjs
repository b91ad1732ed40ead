/**
 * The embedded PostgreSQL (PGlite) on its own thread, spoken to over the PostgreSQL wire protocol.
 *
 * Started by `app/utils/pglite-thread.server.ts`. The main thread connects with the ordinary `pg` driver through a
 * MessagePort instead of a socket; this thread cuts the byte stream into whole frontend messages and hands them to
 * `PGlite#execProtocolRaw`, and posts the backend's answer back. PGlite has one session, so one connection is served
 * at a time; later ones wait their turn. A connection that goes away inside a transaction is rolled back.
 *
 * Plain JavaScript on purpose: a worker thread needs a file Node can load as it is, in development and in the build.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

const { dataDir } = workerData;
const db = new PGlite({ dataDir: dataDir === "memory://" ? undefined : dataDir, extensions: { pg_trgm } });

/** Ports waiting for the session, the one being served first. */
const queue = [];
let closing = false;

db.waitReady.then(
  () => parentPort.postMessage({ type: "ready" }),
  (error) => parentPort.postMessage({ type: "error", message: String(error?.message ?? error) }),
);

parentPort.on("message", async (msg) => {
  if (msg.type === "connect") {
    queue.push(msg.port);
    if (queue.length === 1) serve(msg.port);
  } else if (msg.type === "close") {
    closing = true;
    for (const port of queue) port.close();
    try {
      await db.close();
      parentPort.postMessage({ type: "closed" });
    } catch (error) {
      parentPort.postMessage({ type: "closed", error: String(error?.message ?? error) });
    }
  }
});

/** Length of the whole messages (type byte + length) at the start of `buf`. */
function completeLength(buf) {
  let off = 0;
  for (;;) {
    if (buf.length - off < 5) return off;
    const len = buf.readInt32BE(off + 1);
    if (buf.length - off < 1 + len) return off;
    off += 1 + len;
  }
}

function message(type, body) {
  const out = Buffer.alloc(5 + body.length);
  out[0] = type.charCodeAt(0);
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
}

/** AuthenticationOk, the parameters a driver looks at, BackendKeyData and ReadyForQuery (idle). */
async function startupReply() {
  const params = {};
  for (const name of ["server_version", "server_encoding", "client_encoding", "DateStyle", "TimeZone"]) {
    params[name] = Object.values((await db.query(`SHOW ${name}`)).rows[0])[0];
  }
  params.integer_datetimes = "on";
  params.standard_conforming_strings = "on";
  const key = Buffer.alloc(8);
  key.writeInt32BE(process.pid, 0);
  const parts = [message("R", Buffer.alloc(4))];
  for (const [k, v] of Object.entries(params)) parts.push(message("S", Buffer.from(`${k}\0${v}\0`)));
  parts.push(message("K", key), message("Z", Buffer.from("I")));
  const out = new Uint8Array(Buffer.concat(parts));
  return out;
}

function serve(port) {
  let pending = Buffer.alloc(0);
  let started = false;
  let inTransaction = false;
  let chain = db.waitReady;

  const run = (bytes) => {
    chain = chain.then(async () => {
      if (closing) return;
      const out = await db.execProtocolRaw(bytes);
      // the last ReadyForQuery ('Z', length 5, status I/T/E) says whether a transaction is open
      if (out.length >= 6 && out[out.length - 6] === 0x5a) inTransaction = out[out.length - 1] !== 0x49;
      if (out.length > 0) {
        const copy = out.slice();
        port.postMessage(copy, [copy.buffer]);
      }
    });
    chain.catch((error) => {
      parentPort.postMessage({ type: "log", message: `pglite thread: ${error?.message ?? error}` });
      port.close();
    });
  };

  port.on("message", (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk);
    if (!started) {
      // the startup message is answered here (PGlite's session is already open): no password, trust as a socket
      // on the same machine would be; SSL is declined
      if (pending.length < 8 || pending.length < pending.readInt32BE(0)) return;
      const length = pending.readInt32BE(0);
      const code = pending.readInt32BE(4);
      pending = pending.subarray(length);
      if (code === 80877103 || code === 80877104) {
        port.postMessage(Uint8Array.of(0x4e)); // 'N': no SSL / GSS encryption
        return;
      }
      started = true;
      chain = chain.then(async () => port.postMessage(await startupReply()));
      if (pending.length === 0) return;
    }
    const n = completeLength(pending);
    if (n === 0) return;
    const whole = pending.subarray(0, n);
    pending = pending.subarray(n);
    // Terminate ('X') ends the connection; PGlite's session goes on for the next one
    if (whole.length === 5 && whole[0] === 0x58) {
      port.close();
      return;
    }
    run(new Uint8Array(whole));
  });

  port.on("close", () => {
    chain
      .catch(() => {})
      .then(async () => {
        if (inTransaction && !closing) await db.exec("ROLLBACK").catch(() => {});
        queue.shift();
        if (queue.length > 0 && !closing) serve(queue[0]);
      });
  });
}
