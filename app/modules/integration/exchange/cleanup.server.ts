import { getPrisma } from "~/utils/db.server";

/**
 * Keeps the exchange tables bounded: uploaded 1C files are dropped 2 days after their session (the log and its report
 * stay), idempotency answers after 24 hours, webhook deliveries after 30 days.
 */
export async function pruneIntegrationData(now: Date = new Date()) {
  const prisma = getPrisma();
  const day = 24 * 3600_000;
  const files = await prisma.exchangeFile.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - 2 * day) } },
  });
  const keys = await prisma.apiIdempotency.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - day) } } });
  const deliveries = await prisma.webhookDelivery.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - 30 * day) }, status: { not: "PENDING" } },
  });
  return { files: files.count, idempotency: keys.count, deliveries: deliveries.count };
}
