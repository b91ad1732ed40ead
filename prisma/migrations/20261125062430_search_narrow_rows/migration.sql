-- The search index is derived data: empty it here and the worker rebuilds it at start (bootstrapSearchIndex).
TRUNCATE "search_document";

-- AlterTable
ALTER TABLE "search_document" DROP COLUMN "card",
DROP COLUMN "specFacets",
ADD COLUMN     "specs" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "search_card" (
    "productId" TEXT NOT NULL,
    "card" JSONB NOT NULL,

    CONSTRAINT "search_card_pkey" PRIMARY KEY ("productId")
);

-- CreateIndex
CREATE INDEX "search_document_specs_idx" ON "search_document" USING GIN ("specs");

-- AddForeignKey
ALTER TABLE "search_card" ADD CONSTRAINT "search_card_productId_fkey" FOREIGN KEY ("productId") REFERENCES "search_document"("productId") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keep rows uncompressed and inline (a tsvector is ~1.5 KB): matching and ranking then read a row without
-- decompressing it. Rows longer than a page still go to TOAST.
ALTER TABLE "search_document" SET (toast_tuple_target = 8160);
