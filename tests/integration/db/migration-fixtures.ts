import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A temporary migrations folder: one good migration, then one that fails half-way. */
export function brokenMigrationsDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "snabmost-migrations-"));
  writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  const write = (name: string, sql: string) => {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  };
  write("20000101000000_good", 'CREATE TABLE "Good" ("id" INTEGER PRIMARY KEY);\n');
  write(
    "20000102000000_broken",
    'CREATE TABLE "HalfWay" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "no_such_table" VALUES (1);\n',
  );
  return dir;
}
