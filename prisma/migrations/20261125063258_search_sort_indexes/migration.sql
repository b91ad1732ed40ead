-- DropIndex
DROP INDEX "search_document_leadTimeDays_idx";

-- DropIndex
DROP INDEX "search_document_priceKopecks_idx";

-- DropIndex
DROP INDEX "search_document_productUpdatedAt_idx";

-- CreateIndex
CREATE INDEX "search_document_priceKopecks_productId_idx" ON "search_document"("priceKopecks", "productId");

-- CreateIndex
CREATE INDEX "search_document_leadTimeDays_productId_idx" ON "search_document"("leadTimeDays", "productId");

-- CreateIndex
CREATE INDEX "search_document_productUpdatedAt_productId_idx" ON "search_document"("productUpdatedAt", "productId");
