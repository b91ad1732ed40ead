import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRublesToKopecks, sumAmounts, VAT_RATE_CODES, type VatRateCode } from "~/modules/money/money";
import { buildInvoiceData, type InvoiceSource } from "./invoice";
import { priceOrderLines } from "./lines";
import { orderMoneyView } from "./money-view";
import { orderMoney, paidAndDue } from "./totals";

/**
 * Property: for any order (mixed НДС rates incl. «без НДС» and 0 %, partial quantities with 3 decimals, a delivery line
 * with its own rate, any prepayment %), every surface shows the same figures and lines add up to totals to the kopeck:
 * the stored order totals (createOrdersFromAward uses priceOrderLines + orderMoney), the order page (orderMoneyView),
 * the счёт (buildInvoiceData, amounts parsed back from the printed strings) and the advance + balance счета.
 */
const rate = fc.constantFrom<VatRateCode>(...VAT_RATE_CODES);
const quantity = fc
  .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 999 }))
  .filter(([w, f]) => w > 0 || f > 0)
  .map(([w, f]) => `${w}.${String(f).padStart(3, "0")}`);
const line = fc.record({
  unitPriceKopecks: fc.bigInt({ min: 1n, max: 500_000_000n }),
  quantity,
  vatRate: rate,
});
const order = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 12 }),
  delivery: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 10_000_000n })),
  deliveryVatRate: rate,
  prepaymentPercent: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99 })),
});

const k = (printed: string) => {
  const v = parseRublesToKopecks(printed);
  if (v === null) throw new Error(`not an amount: ${printed}`);
  return v;
};

describe("money reconciles on every surface (property)", () => {
  it("order totals, order page, счёт and advance + balance agree to the kopeck", () => {
    fc.assert(
      fc.property(order, (o) => {
        const { lines } = priceOrderLines(
          o.lines.map((l, i) => ({
            ...l,
            rfqItemId: `i${i}`,
            name: `Позиция ${i + 1}`,
            unit: "pcs",
            leadTimeDays: null,
          })),
        );
        const source = {
          deliveryCostKopecks: o.delivery,
          deliveryVatRate: o.deliveryVatRate,
          prepaymentPercent: o.prepaymentPercent,
          lines,
        };
        const m = orderMoney(source);

        // lines sum to totals; VAT by rate sums to the VAT; the order page's reading adds up
        const goods = sumAmounts(lines.map((l) => ({ net: l.netKopecks, vat: l.vatKopecks, gross: l.grossKopecks })));
        expect(m.goods).toEqual(goods);
        expect(m.total).toEqual(sumAmounts([goods, m.delivery]));
        expect(m.byRate.reduce((s, r) => s + r.vat, 0n)).toBe(m.total.vat);
        expect(m.total.net + m.total.vat).toBe(m.total.gross);
        expect(m.byRate.find((r) => r.vatRate === "NO_VAT")?.vat ?? 0n).toBe(0n);

        // order page figures: товары без НДС + доставка без НДС + НДС by rate = итого с НДС
        const page = orderMoneyView({ money: m, ...paidAndDue(m.total, []) });
        const pageSum =
          BigInt(page.goodsNet) +
          BigInt(page.deliveryNet ?? "0") +
          page.vatByRate.reduce((s, r) => s + BigInt(r.vat), 0n);
        expect(pageSum).toBe(BigInt(page.total));
        expect(BigInt(page.total)).toBe(m.total.gross);
        expect(BigInt(page.due)).toBe(m.total.gross);

        // the счёт: rows add up to «Итого», «В том числе НДС» lines to the VAT, «Всего к оплате» = the order total
        const invoiceSource: InvoiceSource = {
          number: 7,
          invoiceNumber: "СМ-7",
          confirmedAt: new Date("2026-06-01T09:00:00Z"),
          createdAt: new Date("2026-06-01T08:00:00Z"),
          deliveryAddress: "Севастополь",
          paymentTerms: null,
          supplier: {
            legalName: "ООО «П»",
            inn: "7800000000",
            kpp: null,
            address: "СПб",
            bankName: null,
            bik: null,
            settlementAccount: null,
            correspondentAccount: null,
          },
          buyer: { legalName: "ООО «Б»", inn: "9200000000", kpp: null, address: "Севастополь" },
          ...source,
          prepaymentPercent: 0,
        };
        const full = buildInvoiceData(invoiceSource);
        expect(k(full.toPay)).toBe(m.total.gross);
        expect(full.rows.reduce((s, r) => s + k(r.total), 0n)).toBe(m.total.gross);
        expect(full.rows.reduce((s, r) => s + k(r.vat), 0n)).toBe(m.total.vat);
        expect(full.rows.reduce((s, r) => s + k(r.net), 0n)).toBe(m.total.net);
        expect(full.vatLines.filter((v) => v.amount !== "—").reduce((s, v) => s + k(v.amount), 0n)).toBe(m.total.vat);
        for (const r of full.rows) expect(r.unit).toBe(r.name === "Доставка" ? "усл. ед." : "шт");

        // advance + balance: exactly N % and together the order, VAT included
        if (o.prepaymentPercent > 0) {
          const withAdvance = { ...invoiceSource, prepaymentPercent: o.prepaymentPercent };
          const advance = buildInvoiceData(withAdvance, "ADVANCE");
          const balance = buildInvoiceData(withAdvance, "BALANCE");
          const exact = (m.total.gross * BigInt(o.prepaymentPercent) * 2n + 100n) / 200n;
          expect(advance.toPayKopecks).toBe(exact);
          expect(advance.toPayKopecks + balance.toPayKopecks).toBe(m.total.gross);
          const vatOf = (d: typeof advance) => d.rows.reduce((s, r) => s + k(r.vat), 0n);
          expect(vatOf(advance) + vatOf(balance)).toBe(m.total.vat);
        }
      }),
      { numRuns: 300 },
    );
  });
});
