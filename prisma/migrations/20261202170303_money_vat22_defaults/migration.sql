-- New rows default to 22 % (the base rate since 01.01.2026); stored rows keep the rate they were issued with.
ALTER TABLE "order" ALTER COLUMN "deliveryVatRate" SET DEFAULT 'VAT22';

-- AlterTable
ALTER TABLE "product" ALTER COLUMN "vatRate" SET DEFAULT 'VAT22';

-- AlterTable
ALTER TABLE "quote_line" ALTER COLUMN "vatRate" SET DEFAULT 'VAT22';

-- AlterTable
ALTER TABLE "quote_version" ALTER COLUMN "deliveryVatRate" SET DEFAULT 'VAT22';
