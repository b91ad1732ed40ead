-- AlterTable
ALTER TABLE "product" ADD COLUMN     "importJobId" TEXT;

-- CreateIndex
CREATE INDEX "product_supplierId_importJobId_idx" ON "product"("supplierId", "importJobId");

-- AddForeignKey
ALTER TABLE "product" ADD CONSTRAINT "product_importJobId_fkey" FOREIGN KEY ("importJobId") REFERENCES "import_job"("id") ON DELETE SET NULL ON UPDATE CASCADE;
