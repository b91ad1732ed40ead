-- CreateTable
CREATE TABLE "search_document" (
    "productId" TEXT NOT NULL,
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
    "specFacets" JSONB NOT NULL DEFAULT '{}',
    "card" JSONB NOT NULL,
    "tsv" tsvector,
    "indexedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_document_pkey" PRIMARY KEY ("productId")
);

-- CreateTable
CREATE TABLE "search_term" (
    "term" TEXT NOT NULL,

    CONSTRAINT "search_term_pkey" PRIMARY KEY ("term")
);

-- CreateIndex
CREATE INDEX "search_document_tsv_idx" ON "search_document" USING GIN ("tsv");

-- CreateIndex
CREATE INDEX "search_document_categoryPath_idx" ON "search_document" USING GIN ("categoryPath");

-- CreateIndex
CREATE INDEX "search_document_priceKopecks_idx" ON "search_document"("priceKopecks");

-- CreateIndex
CREATE INDEX "search_document_leadTimeDays_idx" ON "search_document"("leadTimeDays");

-- CreateIndex
CREATE INDEX "search_document_productUpdatedAt_idx" ON "search_document"("productUpdatedAt");

-- CreateIndex
CREATE INDEX "search_document_supplierId_idx" ON "search_document"("supplierId");

-- CreateIndex
CREATE INDEX "search_term_term_idx" ON "search_term" USING GIN ("term" gin_trgm_ops);
