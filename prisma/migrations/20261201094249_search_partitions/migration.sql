-- The search index becomes a LIST-partitioned table: search_document_s0, _s1 and _s2 hold ~1/16, 3/16 and 12/16 of
-- the products (slot = a hash of the product id, computed by the engine: app/modules/search/candidates.ts). GIN
-- indexes are per partition, so a search that reads the partitions in order and stops at its candidate bound
-- enumerates the matches of the first partitions only instead of every match in the catalog (docs/decisions/0007).
--
-- The index is derived data: it is dropped here and the worker rebuilds it at start (bootstrapSearchIndex), as the
-- narrow-rows migration did.

DROP TABLE "search_card";
DROP TABLE "search_document";

-- CreateTable
CREATE TABLE "search_document" (
    "productId" TEXT NOT NULL,
    "slot" SMALLINT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "categoryPath" TEXT[],
    "sector" "Sector" NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "stockStatus" "StockStatus" NOT NULL,
    "priceKopecks" BIGINT,
    "leadTimeDays" INTEGER,
    "rating" DOUBLE PRECISION,
    "productUpdatedAt" TIMESTAMP(3) NOT NULL,
    "specs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "packed" TEXT NOT NULL DEFAULT '',
    "tsv" tsvector,
    "indexedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_document_pkey" PRIMARY KEY ("productId", "slot")
) PARTITION BY LIST ("slot");

-- Rows stay uncompressed and inline (a tsvector is ~1.5 KB): matching and ranking read a row without decompressing it.
CREATE TABLE "search_document_s0" PARTITION OF "search_document" FOR VALUES IN (0) WITH (toast_tuple_target = 8160);
CREATE TABLE "search_document_s1" PARTITION OF "search_document" FOR VALUES IN (1) WITH (toast_tuple_target = 8160);
CREATE TABLE "search_document_s2" PARTITION OF "search_document" FOR VALUES IN (2) WITH (toast_tuple_target = 8160);

-- CreateIndex (on the parent: every partition gets its own)
CREATE INDEX "search_document_tsv_idx" ON "search_document" USING GIN ("tsv");
CREATE INDEX "search_document_categoryPath_idx" ON "search_document" USING GIN ("categoryPath");
CREATE INDEX "search_document_specs_idx" ON "search_document" USING GIN ("specs");
CREATE INDEX "search_document_supplierId_idx" ON "search_document"("supplierId");
CREATE INDEX "search_document_priceKopecks_productId_idx" ON "search_document"("priceKopecks", "productId");
CREATE INDEX "search_document_leadTimeDays_productId_idx" ON "search_document"("leadTimeDays", "productId");
CREATE INDEX "search_document_productUpdatedAt_productId_idx" ON "search_document"("productUpdatedAt", "productId");

-- CreateTable
CREATE TABLE "search_card" (
    "productId" TEXT NOT NULL,
    "slot" SMALLINT NOT NULL,
    "card" JSONB NOT NULL,

    CONSTRAINT "search_card_pkey" PRIMARY KEY ("productId", "slot")
);

-- AddForeignKey
ALTER TABLE "search_card" ADD CONSTRAINT "search_card_productId_slot_fkey" FOREIGN KEY ("productId", "slot") REFERENCES "search_document"("productId", "slot") ON DELETE CASCADE ON UPDATE CASCADE;
