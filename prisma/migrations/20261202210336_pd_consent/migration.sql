-- AlterTable
ALTER TABLE "user" ADD COLUMN     "pdConsentAt" TIMESTAMP(3),
ADD COLUMN     "pdConsentVersion" TEXT;
