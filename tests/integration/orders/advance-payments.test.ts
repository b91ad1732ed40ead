import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { getInvoicePdf, getOrder, performOrderStep } from "~/modules/orders/orders.server";
import { confirmInvoicePayment, PaymentReportError, reportInvoicePayment } from "~/modules/payments/payments.server";
import { createActor } from "../../fixtures/factories";
import { pdfText } from "../../helpers/pdf-text";
import { createAwardedOrder, giveRequisites } from "./helpers";

const rub = (s: string) => BigInt(s.replace(/[\s\u00a0]/g, "").replace(",", ""));

describe("advance and balance (prepayment 50 %)", () => {
  it("two счета that add up to the order, payments reported by the buyer and confirmed by the supplier", async () => {
    const buyer = await createActor({ kind: "BUYER", name: "Севгорэнерго" });
    const supplier = await createActor({ kind: "SUPPLIER", verified: true, name: "Балтэнергомаш" });
    await giveRequisites(supplier.organization.id);
    const { orderId } = await createAwardedOrder({
      buyer: buyer.actor,
      supplierOrgId: supplier.organization.id,
      lines: [
        { name: "Кабель", quantity: "100", unit: "m", unitPriceKopecks: 10_001n, vatRate: "VAT22" },
        { name: "Муфта", quantity: "3", unit: "pcs", unitPriceKopecks: 33_333n, vatRate: "NO_VAT" },
      ],
      deliveryCostKopecks: 500_000n,
      deliveryVatRate: "VAT22",
      prepaymentPercent: 50,
    });
    await performOrderStep(supplier.actor, orderId, { action: "confirm" });
    await performOrderStep(buyer.actor, orderId, { action: "choosePayment" });

    const view = await getOrder(buyer.actor, orderId);
    const [advance, balance] = view.money.invoices;
    expect(advance.kind).toBe("ADVANCE");
    expect(advance.totals.total.gross).toBe((view.order.totalKopecks + 1n) / 2n);
    expect(advance.totals.total.gross + balance.totals.total.gross).toBe(view.order.totalKopecks);

    // the PDFs print exactly these amounts, with «в т.ч. НДС 22 %» and ОКЕИ units
    const a = await pdfText((await getInvoicePdf(buyer.actor, orderId, "ADVANCE")).pdf);
    const b = await pdfText((await getInvoicePdf(buyer.actor, orderId, "BALANCE")).pdf);
    const toPay = (text: string) => rub(/Всего к оплате: ([\d\s,]+?) Всего/.exec(text)?.[1] ?? "");
    expect(a).toContain("Счёт на предоплату");
    expect(a).toContain("В том числе НДС 22 %");
    expect(toPay(a) + toPay(b)).toBe(view.order.totalKopecks);
    const first = await pdfText((await getInvoicePdf(buyer.actor, orderId)).pdf);
    expect(first).toContain("Счёт на предоплату"); // the default счёт of a prepayment order is the advance
    await expect(getInvoicePdf(buyer.actor, orderId, "FULL")).rejects.toBeInstanceOf(NotFoundError);
    expect(a).not.toMatch(/\bpcs\b/);

    // the supplier cannot report; bad kind is a field error
    await expect(
      reportInvoicePayment(supplier.actor, orderId, { kind: "ADVANCE", payOrderNumber: "1", payOrderDate: new Date() }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      reportInvoicePayment(buyer.actor, orderId, { kind: "FULL", payOrderNumber: "1", payOrderDate: new Date() }),
    ).rejects.toBeInstanceOf(PaymentReportError);

    const { paymentId } = await reportInvoicePayment(buyer.actor, orderId, {
      kind: "ADVANCE",
      payOrderNumber: "417",
      payOrderDate: new Date("2026-12-01T00:00:00+03:00"),
    });
    expect((await getOrder(buyer.actor, orderId)).paid).toBe(0n); // not yet confirmed
    await expect(confirmInvoicePayment(buyer.actor, orderId, paymentId)).rejects.toBeInstanceOf(ForbiddenError);
    await confirmInvoicePayment(supplier.actor, orderId, paymentId);
    const after = await getOrder(supplier.actor, orderId);
    expect(after.paid).toBe(advance.totals.total.gross);
    expect(after.due).toBe(balance.totals.total.gross);
    expect(after.order.status).toBe("PAID");
    expect(after.order.payments[0]).toMatchObject({
      payOrderNumber: "417",
      invoiceKind: "ADVANCE",
      status: "SUCCEEDED",
    });
  });
});
