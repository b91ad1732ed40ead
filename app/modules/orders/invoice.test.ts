import { describe, expect, it } from "vitest";
import { buildInvoiceData, formatRub, type InvoiceSource } from "./invoice";

const source: InvoiceSource = {
  number: 42,
  invoiceNumber: "СМ-42",
  confirmedAt: new Date("2026-03-01T21:30:00Z"), // 2 March in Moscow
  createdAt: new Date("2026-02-28T10:00:00Z"),
  deliveryAddress: "г. Севастополь",
  deliveryCostKopecks: 500000n,
  deliveryVatRate: "VAT20",
  goodsNetKopecks: 1000000n,
  vatKopecks: 300000n,
  totalKopecks: 1800000n,
  paymentTerms: "100% предоплата",
  supplier: {
    legalName: "ООО «Поставщик»",
    inn: "7801234567",
    kpp: "780101001",
    address: "СПб",
    bankName: "ПАО Сбербанк",
    bik: "044030653",
    settlementAccount: "40702810955000000001",
    correspondentAccount: "30101810500000000653",
  },
  buyer: { legalName: "ООО «Покупатель»", inn: "9201234567", kpp: null, address: "Севастополь" },
  lines: [
    {
      position: 1,
      name: "Кабель ВВГнг 3×2,5",
      quantity: "100.000",
      unit: "м",
      unitPriceKopecks: 10000n,
      vatRate: "VAT20",
      netKopecks: 1000000n,
      vatKopecks: 200000n,
      grossKopecks: 1200000n,
    },
  ],
};

describe("invoice data", () => {
  it("formats roubles the Russian way", () => {
    expect(formatRub(123456789n)).toBe("1 234 567,89");
    expect(formatRub(5n)).toBe("0,05");
  });

  it("has number and Moscow date, lines plus delivery, VAT «в том числе» and total in words", () => {
    const d = buildInvoiceData(source);
    expect(d.title).toBe("Счёт на оплату № СМ-42 от 02.03.2026");
    expect(d.rows).toHaveLength(2);
    expect(d.rows[0]).toMatchObject({
      quantity: "100",
      unit: "м",
      price: "100,00",
      vatRate: "20%",
      total: "12 000,00",
    });
    expect(d.rows[1]).toMatchObject({ name: "Доставка", vat: "1 000,00", total: "6 000,00" });
    expect(d.vatLabel).toBe("В том числе НДС");
    expect(d.totalVat).toBe("3 000,00");
    expect(d.total).toBe("18 000,00");
    expect(d.totalInWords).toBe("Восемнадцать тысяч рублей 00 копеек");
    expect(d.summary).toBe("Всего наименований 2, на сумму 18 000,00 руб.");
  });

  it("says «Без НДС» when nothing is taxed", () => {
    const d = buildInvoiceData({
      ...source,
      deliveryCostKopecks: 0n,
      vatKopecks: 0n,
      totalKopecks: 1000000n,
      lines: [{ ...source.lines[0], vatRate: "NO_VAT", vatKopecks: 0n, grossKopecks: 1000000n }],
    });
    expect(d.vatLabel).toBe("Без НДС");
    expect(d.rows[0].vatRate).toBe("Без НДС");
    expect(d.totalInWords).toBe("Десять тысяч рублей 00 копеек");
  });
});
