-- CreateEnum
CREATE TYPE "ClaimReason" AS ENUM ('DEFECT', 'SHORTAGE', 'MISGRADE');

-- CreateEnum
CREATE TYPE "ClaimResolution" AS ENUM ('REPLACE', 'CREDIT', 'DISPUTE');

-- CreateEnum
CREATE TYPE "OrderDocumentKind" AS ENUM ('UPD_PDF', 'UPD_XML', 'CONTRACT_PDF', 'CONTRACT_SIGNED_BUYER', 'CONTRACT_SIGNED_SUPPLIER');

-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'PARTIALLY_SHIPPED' BEFORE 'SHIPPED';

-- AlterTable
ALTER TABLE "rating" ADD COLUMN     "acceptance" TEXT,
ADD COLUMN     "onTime" BOOLEAN;

-- CreateTable
CREATE TABLE "shipment" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "carrier" TEXT,
    "waybillNumber" TEXT,
    "shippedOn" TIMESTAMP(3) NOT NULL,
    "tracking" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipment_line" (
    "id" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "quantity" DECIMAL(14,3) NOT NULL,
    "acceptedQty" DECIMAL(14,3),
    "rejectedQty" DECIMAL(14,3),

    CONSTRAINT "shipment_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "shipmentLineId" TEXT NOT NULL,
    "reason" "ClaimReason" NOT NULL,
    "quantity" DECIMAL(14,3) NOT NULL,
    "note" TEXT,
    "resolution" "ClaimResolution",
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_document" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "shipmentId" TEXT,
    "kind" "OrderDocumentKind" NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL,
    "fileId" TEXT NOT NULL,
    "externalId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract_template" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contract_template_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "shipment_orderId_seq_key" ON "shipment"("orderId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_line_shipmentId_orderLineId_key" ON "shipment_line"("shipmentId", "orderLineId");

-- CreateIndex
CREATE INDEX "claim_orderId_idx" ON "claim"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "order_document_orderId_kind_subject_version_key" ON "order_document"("orderId", "kind", "subject", "version");

-- CreateIndex
CREATE UNIQUE INDEX "contract_template_version_key" ON "contract_template"("version");

-- AddForeignKey
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_line" ADD CONSTRAINT "shipment_line_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_line" ADD CONSTRAINT "shipment_line_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "order_line"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_shipmentLineId_fkey" FOREIGN KEY ("shipmentLineId") REFERENCES "shipment_line"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_document" ADD CONSTRAINT "order_document_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_document" ADD CONSTRAINT "order_document_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_document" ADD CONSTRAINT "order_document_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
