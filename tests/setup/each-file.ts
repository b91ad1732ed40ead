import { afterAll, beforeAll } from "vitest";
import { type Database, useDatabase } from "../../app/utils/db.server";
import { freshDatabase } from "./database";

/**
 * Every integration test file gets its own fresh database; app code calling getPrisma() uses it.
 * Tests that need the handle can call getDatabase() / getPrisma() from ~/utils/db.server.
 */
let db: Database | undefined;

beforeAll(async () => {
  db = await freshDatabase();
  useDatabase(db);
});

afterAll(async () => {
  useDatabase(undefined);
  await db?.close();
});
