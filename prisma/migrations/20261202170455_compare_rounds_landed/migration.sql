-- CreateEnum
CREATE TYPE "DeliveryBasis" AS ENUM ('PICKUP', 'TERMINAL', 'BUYER_WAREHOUSE');

-- AlterTable
ALTER TABLE "quote_version" ADD COLUMN     "deliveryBasis" "DeliveryBasis",
ADD COLUMN     "deliveryPlace" TEXT,
ADD COLUMN     "roundId" TEXT;

-- AlterTable
ALTER TABLE "rfq" ADD COLUMN     "budgetKopecks" BIGINT,
ADD COLUMN     "cargoVolumeM3" DECIMAL(14,3),
ADD COLUMN     "cargoWeightKg" DECIMAL(14,3),
ADD COLUMN     "plannedAwardAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "rebid_round" (
    "id" TEXT NOT NULL,
    "rfqId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "sealed" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rebid_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rebid_participant" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "quoteId" TEXT NOT NULL,
    "supplierOrgId" TEXT NOT NULL,
    "versionBefore" INTEGER NOT NULL,
    "versionAfter" INTEGER,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "rebid_participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "freight_estimate" (
    "rfqId" TEXT NOT NULL,
    "supplierOrgId" TEXT NOT NULL,
    "amountKopecks" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "freight_estimate_pkey" PRIMARY KEY ("rfqId","supplierOrgId")
);

-- CreateTable
CREATE TABLE "buyer_compare_settings" (
    "organizationId" TEXT NOT NULL,
    "freightPerTonneKopecks" BIGINT,
    "freightPerM3Kopecks" BIGINT,
    "annualRateBp" INTEGER NOT NULL DEFAULT 1650,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "buyer_compare_settings_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "rebid_round_rfqId_number_key" ON "rebid_round"("rfqId", "number");

-- CreateIndex
CREATE INDEX "rebid_participant_supplierOrgId_idx" ON "rebid_participant"("supplierOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "rebid_participant_roundId_quoteId_key" ON "rebid_participant"("roundId", "quoteId");

-- AddForeignKey
ALTER TABLE "quote_version" ADD CONSTRAINT "quote_version_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "rebid_round"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rebid_round" ADD CONSTRAINT "rebid_round_rfqId_fkey" FOREIGN KEY ("rfqId") REFERENCES "rfq"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rebid_participant" ADD CONSTRAINT "rebid_participant_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "rebid_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "freight_estimate" ADD CONSTRAINT "freight_estimate_rfqId_fkey" FOREIGN KEY ("rfqId") REFERENCES "rfq"("id") ON DELETE CASCADE ON UPDATE CASCADE;
