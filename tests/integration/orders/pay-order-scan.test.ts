import { describe, expect, it } from "vitest";
import { canReadFile, readStoredFileBytes } from "~/modules/files/files.server";
import { getOrder, performOrderStep } from "~/modules/orders/orders.server";
import { PaymentReportError, reportInvoicePayment } from "~/modules/payments/payments.server";
import { wireApp } from "~/startup.server";
import { createActor } from "../../fixtures/factories";
import { MINIMAL_PDF } from "../catalog/helpers";
import { createAwardedOrder, giveRequisites } from "./helpers";

async function orderAwaitingPayment() {
  const buyer = await createActor({ kind: "BUYER", name: "Севгорэнерго" });
  const supplier = await createActor({ kind: "SUPPLIER", verified: true, name: "Балтэнергомаш" });
  await giveRequisites(supplier.organization.id);
  const { orderId } = await createAwardedOrder({
    buyer: buyer.actor,
    supplierOrgId: supplier.organization.id,
    lines: [{ name: "Кабель", quantity: "10", unit: "m", unitPriceKopecks: 10_000n, vatRate: "VAT22" }],
    deliveryCostKopecks: 0n,
    deliveryVatRate: "VAT22",
    prepaymentPercent: 50,
  });
  await performOrderStep(supplier.actor, orderId, { action: "confirm" });
  await performOrderStep(buyer.actor, orderId, { action: "choosePayment" });
  return { buyer, supplier, orderId };
}

describe("the scan of the платёжное поручение", () => {
  it("is stored with the reported payment and readable by the buyer and the supplier, nobody else", async () => {
    wireApp();
    const { buyer, supplier, orderId } = await orderAwaitingPayment();
    const stranger = await createActor({ kind: "SUPPLIER", verified: true, name: "Чужой" });
    await reportInvoicePayment(buyer.actor, orderId, {
      kind: "ADVANCE",
      payOrderNumber: "512",
      payOrderDate: new Date("2026-06-02T00:00:00+03:00"),
      file: { name: "пп-512.pdf", bytes: MINIMAL_PDF },
    });
    const view = await getOrder(supplier.actor, orderId);
    const payment = view.order.payments.find((p) => p.invoiceKind === "ADVANCE");
    expect(payment?.payOrderNumber).toBe("512");
    const fileId = payment?.payOrderFileId;
    expect(fileId).toBeTruthy();
    const asBuyer = await canReadFile(buyer.actor, fileId as string);
    expect(asBuyer?.mimeType).toBe("application/pdf");
    expect(asBuyer?.originalName).toBe("пп-512.pdf");
    expect((await canReadFile(supplier.actor, fileId as string))?.id).toBe(fileId);
    expect(await canReadFile(stranger.actor, fileId as string)).toBeNull();
    expect(await canReadFile(null, fileId as string)).toBeNull();
    expect((await readStoredFileBytes(fileId as string)).bytes.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses a file that is not a PDF or a photo with a clear field error and records no payment", async () => {
    const { buyer, supplier, orderId } = await orderAwaitingPayment();
    const report = reportInvoicePayment(buyer.actor, orderId, {
      kind: "ADVANCE",
      payOrderNumber: "513",
      payOrderDate: new Date("2026-06-02T00:00:00+03:00"),
      file: { name: "пп.pdf", bytes: new TextEncoder().encode("это не PDF, а текст") },
    });
    await expect(report).rejects.toBeInstanceOf(PaymentReportError);
    await expect(report).rejects.toMatchObject({
      fieldErrors: { payOrderFile: [expect.stringMatching(/^files:errors\.bad_type::.*PDF/)] },
    });
    const view = await getOrder(supplier.actor, orderId);
    expect(view.order.payments.filter((p) => p.reportedAt)).toHaveLength(0);
    // without a scan the report still works (the scan is optional)
    await reportInvoicePayment(buyer.actor, orderId, {
      kind: "ADVANCE",
      payOrderNumber: "513",
      payOrderDate: new Date("2026-06-02T00:00:00+03:00"),
    });
    const after = await getOrder(supplier.actor, orderId);
    expect(after.order.payments.find((p) => p.reportedAt)?.payOrderFileId).toBeNull();
  });
});
