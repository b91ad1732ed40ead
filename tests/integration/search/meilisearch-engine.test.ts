/** The search contract against a real Meilisearch server — only when MEILI_HOST is set (skipped otherwise). */
import { randomBytes } from "node:crypto";
import { describe, it } from "vitest";
import { MeiliSearchEngine } from "~/modules/search/meili-engine.server";
import { searchContract } from "./contract";

const host = process.env.MEILI_HOST;
const apiKey = process.env.MEILI_API_KEY ?? process.env.MEILI_MASTER_KEY ?? "";

if (!host) {
  console.log("search contract: Meilisearch skipped — set MEILI_HOST (and MEILI_API_KEY) to run it against a server");
  describe.skip("search contract: Meilisearch (MEILI_HOST not set)", () => {
    it("needs a Meilisearch server", () => {});
  });
} else {
  const index = `snabmost_test_${randomBytes(4).toString("hex")}`;
  let engine: MeiliSearchEngine | undefined;
  searchContract(
    `Meilisearch ${host}`,
    async () => {
      engine = new MeiliSearchEngine({ host, apiKey, index, taskTimeoutMs: 60_000 });
      await engine.applySettings();
      return engine;
    },
    {
      cleanup: async () => {
        await engine?.client.deleteIndex(index).catch(() => undefined);
      },
    },
  );
}
