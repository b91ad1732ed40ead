import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { openPglite } from "../../app/utils/db.server";
import { PgliteAdapterFactory } from "../../app/utils/db-adapters.server";
import { deployMigrations, readMigrationsList } from "../../scripts/lib/schema-engine";
import { createTempPostgresDatabase } from "./postgres";

/**
 * Prepares the integration database once per run:
 * - default: an in-memory PGlite migrated once and dumped to tests/.tmp (each test file loads a copy);
 * - TEST_DATABASE_URL=postgres://…: a fresh database snabmost_test_<random> on that server, dropped at teardown.
 */

declare module "vitest" {
  export interface ProvidedContext {
    integrationDatabase: { kind: "pglite"; dumpPath: string } | { kind: "postgres"; url: string; name: string };
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const migrationsDir = path.join(root, "prisma", "migrations");
const tmpDir = path.join(root, "tests", ".tmp");

/** The dump is reused while the migrations (and the PGlite version) stay the same. */
function dumpPathFor(): string {
  const hash = createHash("sha256");
  const pgliteVersion = JSON.parse(
    readFileSync(path.join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8"),
  ) as { version: string };
  hash.update(pgliteVersion.version);
  for (const dir of readMigrationsList(migrationsDir).migrationDirectories) {
    hash.update(dir.path);
    hash.update(dir.migrationFile.content.value);
  }
  return path.join(tmpDir, `pglite-${hash.digest("hex").slice(0, 16)}.tar`);
}

async function preparePglite(): Promise<string> {
  const dumpPath = dumpPathFor();
  if (existsSync(dumpPath)) return dumpPath;
  const pglite = openPglite("memory://");
  try {
    await deployMigrations("memory://", { migrationsDir, factory: new PgliteAdapterFactory(pglite), log: () => {} });
    const dump = await pglite.dumpDataDir("none");
    mkdirSync(tmpDir, { recursive: true });
    const partial = `${dumpPath}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, dumpPath);
  } finally {
    await pglite.close();
  }
  return dumpPath;
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    if (!/^postgres(ql)?:\/\//.test(serverUrl)) throw new Error("TEST_DATABASE_URL must be a postgres:// URL");
    const db = await createTempPostgresDatabase(serverUrl);
    try {
      await deployMigrations(db.url, { migrationsDir, log: () => {} });
    } catch (error) {
      await db.drop();
      throw error;
    }
    console.log(`integration database: PostgreSQL ${db.name}`);
    project.provide("integrationDatabase", { kind: "postgres", url: db.url, name: db.name });
    return async () => {
      await db.drop();
    };
  }
  const dumpPath = await preparePglite();
  console.log("integration database: PGlite (in-memory, one copy per test file)");
  project.provide("integrationDatabase", { kind: "pglite", dumpPath });
}
