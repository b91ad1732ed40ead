-- Notifications are grouped per RFQ; older rows (no captured RFQ) stay one row each.
ALTER TABLE "notification" ADD COLUMN "groupKey" TEXT;
UPDATE "notification" SET "groupKey" = COALESCE('rfq:' || ("params"->>'rfqId'), 'id:' || "id");
ALTER TABLE "notification" ALTER COLUMN "groupKey" SET NOT NULL;

-- CreateIndex
CREATE INDEX "notification_userId_groupKey_idx" ON "notification"("userId", "groupKey");
