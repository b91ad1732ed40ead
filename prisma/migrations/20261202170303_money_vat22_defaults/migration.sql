-- New rows default to 22 % (the base rate since 01.01.2026); stored rows keep the rate they were issued with.
ALTER TABLE "order" ALTER COLUMN "deliveryVatRate" SET DEFAULT 'VAT22';

-- AlterTable
ALTER TABLE "product" ALTER COLUMN "vatRate" SET DEFAULT 'VAT22';

-- AlterTable
ALTER TABLE "quote_line" ALTER COLUMN "vatRate" SET DEFAULT 'VAT22';

-- AlterTable
ALTER TABLE "quote_version" ALTER COLUMN "deliveryVatRate" SET DEFAULT 'VAT22';

-- Catalog prices are offers in force today, not issued documents: a price stored with the old base rate moves to the
-- new base rate (net stays, gross follows). Quotes, orders and payments are documents and keep the rate they carry.
UPDATE "product" SET "vatRate" = 'VAT22' WHERE "vatRate" = 'VAT20';
