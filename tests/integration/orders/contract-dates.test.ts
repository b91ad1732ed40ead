import { describe, expect, it } from "vitest";
import { formatDate } from "~/modules/i18n/format";
import { parseMoscowDate } from "~/modules/money/moscow-time";
import { getContractPdf } from "~/modules/orders/documents.server";
import { performOrderStep } from "~/modules/orders/orders.server";
import { getOrderOverview } from "~/modules/orders/overview.server";
import { confirmInvoicePayment, reportInvoicePayment } from "~/modules/payments/payments.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { pdfText } from "../../helpers/pdf-text";
import { createAwardedOrder, giveRequisites, type TestLine } from "./helpers";

/** The договор's «Срок отгрузки» comes from the order's schedule (schedule.ts), the same date the order page shows. */
const LINES: TestLine[] = [
  {
    name: "Кабель АПвБбШп 4×240",
    quantity: "120",
    unit: "м",
    unitPriceKopecks: 214_000n,
    vatRate: "VAT22",
    leadTimeDays: 12,
  },
  {
    name: "Муфта концевая 10 кВ",
    quantity: "6",
    unit: "шт",
    unitPriceKopecks: 1_850_000n,
    vatRate: "VAT22",
    leadTimeDays: 25,
  },
];
const flat = (s: string) => s.replace(/\s+/g, " ");

async function advanceOrder() {
  const buyer = await createActor({ kind: "BUYER", name: "Севгорэнерго" });
  const supplier = await createActor({ kind: "SUPPLIER", verified: true, name: "Кабельный завод" });
  await giveRequisites(supplier.organization.id);
  const { orderId } = await createAwardedOrder({
    buyer: buyer.actor,
    supplierOrgId: supplier.organization.id,
    lines: LINES,
    prepaymentPercent: 30,
  });
  await performOrderStep(supplier.actor, orderId, { action: "confirm" });
  // confirmed a week before the advance arrives: the clock must start at the advance, not at the confirmation
  await getPrisma().order.update({
    where: { id: orderId },
    data: { confirmedAt: new Date(Date.now() - 7 * 86_400_000) },
  });
  await performOrderStep(buyer.actor, orderId, { action: "choosePayment" });
  return { buyer, supplier, orderId };
}

describe("договор поставки: the ship-by date is the order's", () => {
  it("prints the page's «Отгрузка не позднее» once the advance is paid", async () => {
    const { buyer, supplier, orderId } = await advanceOrder();
    const { paymentId } = await reportInvoicePayment(buyer.actor, orderId, {
      kind: "ADVANCE",
      payOrderNumber: "512",
      payOrderDate: new Date(),
    });
    await confirmInvoicePayment(supplier.actor, orderId, paymentId);

    const { schedule } = await getOrderOverview(buyer.actor, orderId);
    expect(schedule).toMatchObject({ state: "planned", basis: "advance" });
    const shipBy = schedule.state === "planned" ? schedule.shipBy : "";
    const onPage = formatDate(parseMoscowDate(shipBy) ?? shipBy, "ru"); // what the order page prints
    expect(onPage).toMatch(/^\d\d\.\d\d\.\d{4}$/);
    const text = flat(await pdfText((await getContractPdf(buyer.actor, orderId)).bytes));
    expect(text).toContain(`Срок отгрузки: не позднее ${onPage}.`);
    // the longest line sets the order's date; the spec's other line ships 13 days earlier
    const [d, m, y] = onPage.split(".").map(Number);
    const earlier = new Date(Date.UTC(y, m - 1, d - 13));
    expect(text).toContain(formatDate(new Date(earlier.getTime() + 12 * 3600_000), "ru"));
  });

  it("before the advance is paid, counts the days from the advance instead of inventing a date", async () => {
    const { buyer, orderId } = await advanceOrder();
    const { schedule } = await getOrderOverview(buyer.actor, orderId);
    expect(schedule.state).toBe("awaitingAdvance");
    const text = flat(await pdfText((await getContractPdf(buyer.actor, orderId)).bytes));
    expect(text).toContain("Срок отгрузки: не позднее 25-го календарного дня с даты оплаты аванса.");
    expect(text).toContain("12 дн. с оплаты аванса");
  });
});
