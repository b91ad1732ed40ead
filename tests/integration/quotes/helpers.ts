import type { Actor } from "~/modules/accounts/actor";
import type { QuoteForm } from "~/modules/quotes/quotes.schema";
import { toMoscowDateTimeInput } from "~/modules/rfq/rfq.schema";
import { publishRfq, saveDraft } from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import { type createMarket, DAY, draft } from "../rfq/helpers";

export { captureMail, createMarket, DAY, drainOutbox, pdfFile, withTempDataDir } from "../rfq/helpers";

export type Market = Awaited<ReturnType<typeof createMarket>>;

/**
 * A published RFQ of three lines sent to suppliers A and B: 1) A's transformer ×10, 2) B's transformer ×5 (analogues
 * allowed), 3) cable ×2.
 */
export async function publishedRfq(m: Market, opts: { sealed?: boolean; deadlineInDays?: number } = {}) {
  const { id } = await saveDraft(
    m.buyer.actor,
    null,
    draft(
      [
        { productId: m.pA.id, name: "ТМГ-1000/10/0,4", quantity: "10" },
        { productId: m.pB.id, name: "ТМГ-630/10/0,4", quantity: "5" },
        { name: "Кабель АПвБбШп 4×240", quantity: "2" },
      ],
      {
        sealed: opts.sealed ?? false,
        deadline: toMoscowDateTimeInput(new Date(Date.now() + (opts.deadlineInDays ?? 7) * DAY)),
      },
    ),
  );
  const prisma = getPrisma();
  const items = await prisma.rfqItem.findMany({ where: { rfqId: id }, orderBy: { position: "asc" } });
  await prisma.rfqItem.update({ where: { id: items[1].id }, data: { analoguesAllowed: true } });
  await publishRfq(m.buyer.actor, id);
  return { id, items };
}

export function validUntil(days = 30): string {
  return new Date(Date.now() + days * DAY + 3 * 3600 * 1000).toISOString().slice(0, 10);
}

type LineIn = Partial<QuoteForm["lines"][number]> & { rfqItemId: string };

export function quoteForm(lines: LineIn[], rest: Partial<QuoteForm> = {}): QuoteForm {
  return {
    lines: lines.map((l) => ({ vatRate: "VAT22", ...l })),
    deliveryVatRate: "VAT22",
    removeFileIds: [],
    validUntil: validUntil(),
    prepaymentPercent: "30",
    paymentDaysAfterDelivery: "10",
    ...rest,
  };
}

/** Supplier A: complete quote — L1 1000,00 ×10 @22 %, L2 500,00 ×5 @10 %, L3 100,00 ×2 @22 %; delivery 1000 + 22 %. */
export function quoteA(items: { id: string }[]): QuoteForm {
  return quoteForm(
    [
      { rfqItemId: items[0].id, unitPrice: "1000", quantity: "10", vatRate: "VAT22", leadTimeDays: "30" },
      { rfqItemId: items[1].id, unitPrice: "500", quantity: "5", vatRate: "VAT10", leadTimeDays: "20" },
      { rfqItemId: items[2].id, unitPrice: "100", quantity: "2", vatRate: "VAT22", leadTimeDays: "10" },
    ],
    { deliveryCost: "1000", deliveryVatRate: "VAT22", deliveryTerms: "До склада покупателя" },
  );
}

/** Supplier B: L1 partial 900,00 ×6 @22 %, L2 analogue 450,00 ×5 без НДС, L3 not quoted; delivery 500 без НДС. */
export function quoteB(items: { id: string }[], l2Price = "450"): QuoteForm {
  return quoteForm(
    [
      { rfqItemId: items[0].id, unitPrice: "900", quantity: "6", vatRate: "VAT22", leadTimeDays: "45" },
      {
        rfqItemId: items[1].id,
        unitPrice: l2Price,
        quantity: "5",
        vatRate: "NO_VAT",
        leadTimeDays: "20",
        analogueModel: "ТМГ-630 (аналог) Завод Б",
        analogueNote: "Полный аналог по ГОСТ",
      },
      { rfqItemId: items[2].id },
    ],
    { deliveryCost: "500", deliveryVatRate: "NO_VAT" },
  );
}

export async function outboxTopics(aggregateId?: string) {
  const rows = await getPrisma().outboxEvent.findMany({
    where: aggregateId ? { aggregateId } : {},
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({
    topic: r.topic,
    payload: r.payload as { orgIds: string[]; params: Record<string, unknown> },
  }));
}

export function asActor(x: { actor: Actor }) {
  return x.actor;
}
