import type { PGlite } from "@electric-sql/pglite";
import { expect, it } from "vitest";
import { openPglite } from "~/utils/db.server";
import { PgliteAdapterFactory } from "~/utils/db-adapters.server";

// pglite-prisma-adapter 0.7.2 opens the shadow PGlite without extensions (and never closes it).
it("the PGlite shadow database has pg_trgm and is closed on dispose", async () => {
  const main = openPglite("memory://");
  try {
    const shadow = await new PgliteAdapterFactory(main).connectToShadowDb();
    await shadow.executeScript(
      'CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE TABLE "T" ("title" TEXT); CREATE INDEX "T_title_idx" ON "T" USING GIN ("title" gin_trgm_ops);',
    );
    const result = await shadow.queryRaw({ sql: "SELECT similarity('abc', 'abd') > 0 AS ok", args: [], argTypes: [] });
    expect(result.rows).toEqual([[true]]);
    const client = (shadow as unknown as { client: PGlite }).client;
    expect(client).not.toBe(main);
    await shadow.dispose();
    expect(client.closed).toBe(true);
    expect(main.closed).toBe(false);
  } finally {
    await main.close();
  }
});
