import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { openDatabase } from "~/utils/db.server";

// pglite-prisma-adapter 0.7.2's dispose never closes PGlite, so $disconnect() alone left the process hanging.
it("Database.close() closes PGlite", async () => {
  const db = openDatabase("memory://");
  await db.prisma.$queryRawUnsafe("SELECT 1");
  await db.close();
  expect(db.pglite?.closed).toBe(true);
  await db.close(); // idempotent
});

it("prisma.$disconnect() alone closes the PGlite the Database owns", async () => {
  const db = openDatabase("memory://");
  await db.prisma.$queryRawUnsafe("SELECT 1");
  await db.prisma.$disconnect();
  expect(db.pglite?.closed).toBe(true);
  await db.close();
});

it("a process that opens, uses and closes a database exits by itself", () => {
  const root = path.resolve(import.meta.dirname, "../../..");
  const code = `
    import { openDatabase } from "./app/utils/db.server.ts";
    const db = openDatabase("memory://");
    await db.prisma.$queryRawUnsafe("SELECT 1");
    await db.close();
    console.log("closed");
  `;
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    cwd: root,
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(child.stderr).toBe("");
  expect(child.stdout.trim()).toBe("closed");
  expect(child.status).toBe(0);
});
