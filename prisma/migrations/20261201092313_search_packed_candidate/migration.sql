-- AlterTable
ALTER TABLE "search_document" ADD COLUMN     "packed" TEXT NOT NULL DEFAULT '';

-- Existing index rows: the same packing the engine writes (app/modules/search/pg-engine.server.ts, candidates.ts)
UPDATE "search_document"
   SET "packed" = concat_ws(chr(31), "productId", "sector", "categoryId", "supplierId", "verified"::int, "stockStatus",
                            coalesce("priceKopecks"::text, ''), coalesce("leadTimeDays"::text, ''));
