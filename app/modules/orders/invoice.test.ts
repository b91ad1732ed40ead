import { describe, expect, it } from "vitest";
import { buildInvoiceData, type InvoiceSource } from "./invoice";

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

const source: InvoiceSource = {
  number: 42,
  invoiceNumber: "СМ-42",
  confirmedAt: new Date("2026-03-01T21:30:00Z"), // 2 March in Moscow
  createdAt: new Date("2026-02-28T10:00:00Z"),
  deliveryAddress: "г. Севастополь",
  deliveryCostKopecks: 500000n,
  deliveryVatRate: "VAT22",
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
    directorName: "Иванов И. И.",
    accountantName: "Петрова А. С.",
  },
  buyer: { legalName: "ООО «Покупатель»", inn: "9201234567", kpp: null, address: "Севастополь" },
  lines: [
    {
      position: 1,
      name: "Кабель ВВГнг 3×2,5",
      quantity: "100.000",
      unit: "m",
      unitPriceKopecks: 10000n,
      vatRate: "VAT22",
      netKopecks: 1000000n,
      vatKopecks: 220000n,
      grossKopecks: 1220000n,
    },
    {
      position: 2,
      name: "Муфта",
      quantity: "2.000",
      unit: "pcs",
      unitPriceKopecks: 50000n,
      vatRate: "NO_VAT",
      netKopecks: 100000n,
      vatKopecks: 0n,
      grossKopecks: 100000n,
    },
  ],
};

describe("invoice data", () => {
  it("has number and Moscow date, ОКЕИ units, delivery line, Итого / В том числе НДС per rate / Всего к оплате", () => {
    const d = buildInvoiceData(source);
    expect(d.title).toBe("Счёт на оплату № СМ-42 от 02.03.2026");
    expect(d.validUntil).toBe("07.03.2026");
    expect(d.rows).toHaveLength(3);
    expect(d.rows[0]).toMatchObject({
      quantity: "100",
      unit: "м",
      price: "100,00",
      net: "10 000,00",
      total: "12 200,00",
    });
    expect(plain(d.rows[0].vatRate)).toBe("22 %");
    // an RFQ order line stores the code "pcs": the счёт prints «шт», never the English code
    expect(d.rows[1]).toMatchObject({ unit: "шт", vatRate: "без НДС", vat: "0,00" });
    expect(d.rows[2]).toMatchObject({ name: "Доставка", unit: "усл. ед.", vat: "1 100,00", total: "6 100,00" });
    expect(d.total).toBe("19 300,00");
    expect(d.vatLines.map((v) => [plain(v.label), v.amount])).toEqual([
      ["В том числе НДС 22 %", "3 300,00"],
      ["Без НДС", "—"],
    ]);
    expect(d.toPay).toBe("19 300,00");
    expect(d.totalInWords).toBe("Девятнадцать тысяч триста рублей 00 копеек");
    expect(d.summary).toBe("Всего наименований 3, на сумму 19 300,00 руб.");
    expect(plain(d.purpose)).toBe(
      "Оплата по счёту № СМ-42 от 02.03.2026 (заказ № 42). Сумма 19 300,00 руб., в т.ч. НДС 22 % — 3 300,00 руб.",
    );
    expect(d.director).toBe("Иванов И. И.");
    expect(d.accountant).toBe("Петрова А. С.");
  });

  it("a stored 2025 order keeps its 20 % and says it is the rate on the document date", () => {
    const stored = {
      ...source,
      confirmedAt: new Date("2025-11-20T09:00:00Z"),
      deliveryCostKopecks: 0n,
      lines: [{ ...source.lines[0], vatRate: "VAT20" as const, vatKopecks: 200000n, grossKopecks: 1200000n }],
    };
    const d = buildInvoiceData(stored, "FULL", new Date("2026-06-01T09:00:00Z"));
    expect(plain(d.rows[0].vatRate)).toBe("20 %");
    expect(plain(d.vatLines[0].label)).toBe("В том числе НДС 20 % (ставка на дату документа)");
    expect(d.vatLines[0].amount).toBe("2 000,00");
    // printed in 2025, when 20 % was in force: no note; a 22 % счёт in 2026: no note
    const then = buildInvoiceData(stored, "FULL", new Date("2025-11-20T09:00:00Z"));
    expect(plain(then.vatLines[0].label)).toBe("В том числе НДС 20 %");
    const now22 = buildInvoiceData(source, "FULL", new Date("2026-06-01T09:00:00Z"));
    expect(now22.vatLines[0].label).not.toContain("ставка на дату документа");
  });

  it("says «Без НДС» and «НДС не облагается» when nothing is taxed", () => {
    const d = buildInvoiceData({ ...source, deliveryCostKopecks: 0n, lines: [source.lines[1]] });
    expect(d.vatLines).toEqual([{ label: "Без НДС", amount: "—" }]);
    expect(d.purpose).toContain("НДС не облагается");
    expect(d.totalInWords).toBe("Одна тысяча рублей 00 копеек");
  });

  it("50 % prepayment: the advance is exactly half, with its «в т.ч. НДС»; advance + balance = the order", () => {
    const o = { ...source, prepaymentPercent: 50 };
    const full = buildInvoiceData({ ...o, prepaymentPercent: 0 });
    const advance = buildInvoiceData(o, "ADVANCE");
    const balance = buildInvoiceData(o, "BALANCE");
    expect(advance.title).toBe("Счёт на предоплату № СМ-42-А от 02.03.2026");
    expect(advance.toPay).toBe("9 650,00");
    expect(advance.toPayKopecks + balance.toPayKopecks).toBe(full.toPayKopecks);
    expect(plain(advance.vatLines[0].label)).toBe("В том числе НДС 22 %");
    expect(advance.totalInWords).toBe("Девять тысяч шестьсот пятьдесят рублей 00 копеек");
    expect(balance.title).toBe("Счёт на оплату остатка № СМ-42-О от 02.03.2026");
    expect(() => buildInvoiceData(source, "ADVANCE")).toThrow();
  });
});
