import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { checkDrift, createMigration, DRIFT_MESSAGE } from "../../../scripts/lib/schema-engine";

// Work on a copy: the real schema and migrations are never touched.
const dir = mkdtempSync(path.join(tmpdir(), "snabmost-drift-"));
const schemaPath = path.join(dir, "schema.prisma");
const migrationsDir = path.join(dir, "migrations");
cpSync("prisma/schema.prisma", schemaPath);
cpSync("prisma/migrations", migrationsDir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { schemaPath, migrationsDir, log: () => {} };

// Each check or create runs the WASM schema engine against fresh in-memory PGlite databases (≈ 5–12 s each on two
// busy cores): the second test makes four such runs, far beyond the suite's default 30 s.
const ENGINE_RUNS_TIMEOUT = 180_000;

it("passes on the committed migrations", { timeout: ENGINE_RUNS_TIMEOUT }, async () => {
  expect((await checkDrift(quiet)).ok).toBe(true);
});

it("detects a schema change without a migration, and create writes one that fixes it", {
  timeout: ENGINE_RUNS_TIMEOUT,
}, async () => {
  writeFileSync(
    schemaPath,
    `${readFileSync(schemaPath, "utf8")}\nmodel DriftProbe {\n  id    String @id\n  label String\n}\n`,
  );
  const lines: string[] = [];
  const drift = await checkDrift({ ...quiet, log: (line) => lines.push(line) });
  expect(drift.ok).toBe(false);
  expect(drift.message).toBe(DRIFT_MESSAGE);
  expect(drift.sql).toMatch(/CREATE TABLE "DriftProbe"/);
  expect(lines.join("\n")).toContain("npm run db:migrate:create -- <name>");

  const folder = await createMigration("Add drift probe", { ...quiet, now: new Date(Date.UTC(2099, 0, 2, 3, 4, 5)) });
  expect(path.basename(folder!)).toBe("20990102030405_add_drift_probe");
  expect(readFileSync(path.join(folder!, "migration.sql"), "utf8")).toMatch(/CREATE TABLE "DriftProbe"/);
  expect(readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toMatch(/provider = "postgresql"/);

  expect((await checkDrift(quiet)).ok).toBe(true);
  const before = readdirSync(migrationsDir).length;
  expect(await createMigration("nothing", quiet)).toBeUndefined();
  expect(readdirSync(migrationsDir).length).toBe(before);
});
