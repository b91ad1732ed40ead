/**
 * Demo RFQs in every state for the first buyer organisation: a draft, a published RFQ with a viewed and a declined
 * recipient and a clarification thread (one answer published to all), a closed one (deadline passed, silent suppliers
 * expired) and a cancelled one. Written directly (no outbox events), so seeding sends no mail.
 */
import type { PrismaClient } from "../../app/generated/prisma/client";

const DAY = 24 * 3600 * 1000;

export async function seedRfqs(
  prisma: PrismaClient,
  opts: { buyerOrgIds: string[]; supplierOrgIds: string[]; userIdsByOrg: Record<string, string[]> },
): Promise<{ rfqIds: string[] }> {
  const buyerOrgId = opts.buyerOrgIds[0];
  const buyerUserId = buyerOrgId ? opts.userIdsByOrg[buyerOrgId]?.[0] : undefined;
  if (!buyerOrgId || !buyerUserId) return { rfqIds: [] };
  const buyer = await prisma.organization.findUniqueOrThrow({ where: { id: buyerOrgId } });
  const address = buyer.deliveryAddress ?? `${buyer.city}, ${buyer.legalAddress}`;
  // two products of each of the first suppliers that have published products
  const products = await prisma.product.findMany({
    where: { supplierId: { in: opts.supplierOrgIds }, status: "PUBLISHED", supplier: { suspendedAt: null } },
    orderBy: [{ supplierId: "asc" }, { sku: "asc" }],
    select: { id: true, title: true, sku: true, unit: true, supplierId: true },
    take: 400,
  });
  const bySupplier = new Map<string, typeof products>();
  for (const p of products) bySupplier.set(p.supplierId, [...(bySupplier.get(p.supplierId) ?? []), p]);
  const suppliers = [...bySupplier.keys()].slice(0, 4);
  if (suppliers.length < 2) return { rfqIds: [] };
  const pick = (i: number) => bySupplier.get(suppliers[i % suppliers.length])?.[0];
  const now = Date.now();
  const ids: string[] = [];

  async function make(opts2: {
    title: string;
    status: "DRAFT" | "PUBLISHED" | "CLOSED" | "CANCELLED";
    deadline: Date;
    neededBy: Date;
    supplierIdx: number[];
    recipientStatus?: ("NEW" | "VIEWED" | "DECLINED" | "EXPIRED")[];
    sealed?: boolean;
    cancelReason?: string;
    comment?: string;
  }) {
    const items = opts2.supplierIdx.map((i) => pick(i)).filter((p): p is NonNullable<typeof p> => Boolean(p));
    const publishedAt = opts2.status === "DRAFT" ? null : new Date(now - 3 * DAY);
    const rfq = await prisma.rfq.create({
      data: {
        buyerOrgId,
        createdById: buyerUserId as string,
        title: opts2.title,
        deliveryAddress: address,
        deadline: opts2.deadline,
        neededBy: opts2.neededBy,
        paymentTerms: "POSTPAY_30",
        comment: opts2.comment ?? null,
        sealed: opts2.sealed ?? false,
        status: opts2.status,
        publishedAt,
        closedAt: opts2.status === "CLOSED" || opts2.status === "CANCELLED" ? new Date(now - DAY) : null,
        openedAt: opts2.status === "CLOSED" && opts2.sealed ? new Date(now - DAY) : null,
        cancelReason: opts2.cancelReason ?? null,
        items: {
          create: items.map((p, position) => ({
            position,
            productId: p.id,
            name: `${p.title} (${p.sku})`,
            quantity: String(position + 2),
            unit: p.unit,
            notes: position === 0 ? "Климатическое исполнение УХЛ1, доставка до Севастополя" : null,
            analoguesAllowed: position % 2 === 1,
          })),
        },
      },
    });
    ids.push(rfq.id);
    const recipientOrgs = [...new Set(items.map((p) => p.supplierId))];
    await prisma.rfqRecipient.createMany({
      data: recipientOrgs.map((supplierOrgId, i) => {
        const status = opts2.status === "DRAFT" ? "NEW" : (opts2.recipientStatus?.[i] ?? "NEW");
        return {
          rfqId: rfq.id,
          supplierOrgId,
          source: "PRODUCT" as const,
          status,
          viewedAt: status === "VIEWED" || status === "DECLINED" ? new Date(now - 2 * DAY) : null,
          declinedAt: status === "DECLINED" ? new Date(now - DAY) : null,
          declineReason: status === "DECLINED" ? "Нет производственных мощностей на требуемый срок" : null,
        };
      }),
    });
    await prisma.auditEvent.create({
      data: {
        entityType: "rfq",
        entityId: rfq.id,
        action: "created",
        actorUserId: buyerUserId,
        actorOrgId: buyerOrgId,
      },
    });
    if (publishedAt)
      await prisma.auditEvent.create({
        data: {
          entityType: "rfq",
          entityId: rfq.id,
          action: "published",
          actorUserId: buyerUserId,
          actorOrgId: buyerOrgId,
        },
      });
    return { rfq, recipientOrgs };
  }

  await make({
    title: "Трансформаторы для реконструкции ТП-12",
    status: "DRAFT",
    deadline: new Date(now + 10 * DAY),
    neededBy: new Date(now + 60 * DAY),
    supplierIdx: [0, 1],
  });
  const open = await make({
    title: "Оборудование для котельной на ул. Хрусталёва",
    status: "PUBLISHED",
    deadline: new Date(now + 7 * DAY),
    neededBy: new Date(now + 45 * DAY),
    supplierIdx: [0, 1, 2],
    recipientStatus: ["VIEWED", "DECLINED", "NEW"],
    comment: "Просим указать стоимость доставки до Севастополя отдельной строкой.",
  });
  const asker = open.recipientOrgs[0];
  const askerUser = asker ? opts.userIdsByOrg[asker]?.[0] : undefined;
  if (asker && askerUser) {
    const q = await prisma.rfqMessage.create({
      data: {
        rfqId: open.rfq.id,
        supplierOrgId: asker,
        kind: "QUESTION",
        authorUserId: askerUser,
        body: "Допускается ли поставка двумя партиями?",
      },
    });
    await prisma.rfqMessage.create({
      data: {
        rfqId: open.rfq.id,
        supplierOrgId: asker,
        kind: "ANSWER",
        authorUserId: buyerUserId,
        body: "Да, двумя партиями с интервалом не более 30 дней.",
        replyToId: q.id,
        publishedAt: new Date(now - DAY),
      },
    });
  }
  await make({
    title: "Кабельная продукция для КЛ-10 кВ, мкр. Камышовый",
    status: "CLOSED",
    deadline: new Date(now - DAY),
    neededBy: new Date(now + 30 * DAY),
    supplierIdx: [2, 3],
    recipientStatus: ["EXPIRED", "DECLINED"],
    sealed: true,
  });
  await make({
    title: "Насосы сетевые для ЦТП-4",
    status: "CANCELLED",
    deadline: new Date(now + 5 * DAY),
    neededBy: new Date(now + 40 * DAY),
    supplierIdx: [1, 3],
    recipientStatus: ["VIEWED", "NEW"],
    cancelReason: "Финансирование перенесено на следующий год",
  });
  return { rfqIds: ids };
}
