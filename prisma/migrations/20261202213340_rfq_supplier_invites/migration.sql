-- CreateTable
CREATE TABLE "rfq_supplier_invite" (
    "id" TEXT NOT NULL,
    "rfqId" TEXT NOT NULL,
    "buyerOrgId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "inn" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "supplierOrgId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rfq_supplier_invite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "rfq_supplier_invite_tokenHash_key" ON "rfq_supplier_invite"("tokenHash");

-- CreateIndex
CREATE INDEX "rfq_supplier_invite_rfqId_idx" ON "rfq_supplier_invite"("rfqId");

-- CreateIndex
CREATE INDEX "rfq_supplier_invite_inn_idx" ON "rfq_supplier_invite"("inn");

-- AddForeignKey
ALTER TABLE "rfq_supplier_invite" ADD CONSTRAINT "rfq_supplier_invite_rfqId_fkey" FOREIGN KEY ("rfqId") REFERENCES "rfq"("id") ON DELETE CASCADE ON UPDATE CASCADE;
