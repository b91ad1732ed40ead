-- AlterTable
ALTER TABLE "rfq_supplier_invite" ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "lastSentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "message" TEXT,
ADD COLUMN     "orgName" TEXT,
ADD COLUMN     "sendCount" INTEGER NOT NULL DEFAULT 1;
