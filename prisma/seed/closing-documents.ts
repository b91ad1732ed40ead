/**
 * Demo closing documents (issue 21): the paid boiler-room order is shipped in two parts through the real use cases
 * (ТН numbers, carrier), accepted by the buyer, and gets its УПД (PDF + XML 5.03) per shipment and a договор поставки
 * signed by both parties — all stored as files with sha256 like in production. The outbox events the use cases
 * enqueue (notifications, `shipment.created` webhook events) are removed so seeding sends no mail.
 */
import type { PrismaClient } from "../../app/generated/prisma/client";
import type { Actor } from "../../app/modules/accounts/actor";
import {
  acceptShipment,
  createShipment,
  getContractPdf,
  getUpd,
  signContract,
} from "../../app/modules/orders/index.server";

const DAY = 24 * 3600 * 1000;

async function actorOf(prisma: PrismaClient, orgId: string): Promise<Actor | null> {
  const m = await prisma.membership.findFirst({
    where: { organizationId: orgId },
    orderBy: { createdAt: "asc" },
    include: { organization: { select: { kind: true } } },
  });
  if (!m) return null;
  return { userId: m.userId, organizationId: orgId, orgKind: m.organization.kind, role: m.role, isOperator: false };
}

export async function seedClosingDocuments(prisma: PrismaClient, opts: { orderIds: string[] }): Promise<void> {
  const order = await prisma.order.findFirst({
    where: { id: { in: opts.orderIds }, status: "PAID" },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  if (!order || order.lines.length < 2) return;
  const [buyer, supplier] = await Promise.all([
    actorOf(prisma, order.buyerOrgId),
    actorOf(prisma, order.supplierOrgId),
  ]);
  if (!buyer || !supplier) return;
  const paidAt = order.paidAt ?? new Date();
  const first = await createShipment(supplier, order.id, {
    lines: { [order.lines[0].id]: order.lines[0].quantity.toString() },
    carrier: "ООО «ПЭК»",
    waybillNumber: "ТН-2841",
    shippedOn: new Date(paidAt.getTime() + DAY),
    tracking: "2310-5567-0042",
  });
  const rest = Object.fromEntries(order.lines.slice(1).map((l) => [l.id, l.quantity.toString()]));
  const second = await createShipment(supplier, order.id, {
    lines: rest,
    carrier: "ООО «Деловые Линии»",
    waybillNumber: "ТН-2907",
    shippedOn: new Date(paidAt.getTime() + 2 * DAY),
    tracking: null,
  });
  await acceptShipment(buyer, order.id, { shipmentId: first.shipmentId, rejections: {} });
  await acceptShipment(buyer, order.id, { shipmentId: second.shipmentId, rejections: {} });
  for (const s of [first, second]) {
    await getUpd(supplier, order.id, { shipmentId: s.shipmentId, format: "pdf" });
    await getUpd(supplier, order.id, { shipmentId: s.shipmentId, format: "xml" });
  }
  const contract = await getContractPdf(supplier, order.id);
  // the "scans": the generated contract itself stands in for what each party signed and scanned
  await signContract(buyer, order.id, { name: "dogovor-podpisan-pokupatelem.pdf", bytes: contract.bytes });
  await signContract(supplier, order.id, { name: "dogovor-podpisan-postavshchikom.pdf", bytes: contract.bytes });
  await prisma.outboxEvent.deleteMany({ where: { aggregateId: order.id } });
}
