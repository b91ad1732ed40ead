-- CreateEnum
CREATE TYPE "TaxRegime" AS ENUM ('OSN', 'USN_VAT5', 'USN_VAT7', 'USN_NO_VAT');

-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('FULL', 'ADVANCE', 'BALANCE');

-- AlterEnum
-- New НДС rates (22 % from 01.01.2026, 7 % and 5 % for УСН). The defaults that use them are in the next migration:
-- PostgreSQL refuses to use a new enum value in the transaction that adds it.
ALTER TYPE "VatRate" ADD VALUE 'VAT22';
ALTER TYPE "VatRate" ADD VALUE 'VAT7';
ALTER TYPE "VatRate" ADD VALUE 'VAT5';

-- AlterTable
ALTER TABLE "order" ADD COLUMN     "prepaymentPercent" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "organization" ADD COLUMN     "accountantName" TEXT,
ADD COLUMN     "directorName" TEXT,
ADD COLUMN     "taxRegime" "TaxRegime" NOT NULL DEFAULT 'OSN';

-- AlterTable
ALTER TABLE "payment" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "invoiceKind" "InvoiceKind" NOT NULL DEFAULT 'FULL',
ADD COLUMN     "payOrderDate" TIMESTAMP(3),
ADD COLUMN     "payOrderFileId" TEXT,
ADD COLUMN     "payOrderNumber" TEXT,
ADD COLUMN     "reportedAt" TIMESTAMP(3);
