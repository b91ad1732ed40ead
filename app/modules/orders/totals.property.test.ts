import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import {
  kopecksToDecimalString,
  parseRublesToKopecks,
  quantityToMilli,
  sumAmounts,
  VAT_RATE_CODES,
  type VatRateCode,
} from "~/modules/money/money";
import type { Comparison } from "~/modules/quotes/buyer.server";
import { comparisonWorkbook } from "~/modules/quotes/comparison-sheet";
import { offerCoverage } from "~/modules/quotes/coverage";
import { DEFAULT_ANNUAL_RATE_BP, landedCost } from "~/modules/quotes/landed-cost";
import { offerMoney } from "~/modules/quotes/offer-money.server";
import { quoteFormTotals, quoteVersionTotals } from "~/modules/quotes/quote-money";
import { quoteFormSchema } from "~/modules/quotes/quotes.schema";
import { buildLines } from "~/modules/quotes/supplier.server";
import { offerHeader } from "../../../tests/fixtures/compare-offer";
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

/**
 * Property: for any quote (mixed rates incl. «без НДС», lines left out, partial quantities, delivery with its own
 * rate, prices typed the Russian way), the quote form's live totals (quoteFormTotals, what quote-panel shows), the
 * stored version (buildLines + quoteVersionTotals, saveQuote), the comparison offer (offerMoney, getComparison), the
 * API JSON (the comparison serialised as the route does) and the XLSX export (comparisonWorkbook, read back with
 * exceljs) show the same figures, and lines add up to the totals to the kopeck.
 */
const requested = fc.integer({ min: 1, max: 5_000_000 }); // milli-units
const quoteItem = fc.record({
  requestedMilli: requested,
  quoted: fc.option(
    fc.record({
      priceKopecks: fc.bigInt({ min: 1n, max: 50_000_000n }),
      /** share of the requested quantity in ‰ (1000 = all of it) */
      share: fc.oneof(fc.constant(1000), fc.integer({ min: 1, max: 1000 })),
      vatRate: rate,
      typing: fc.constantFrom("ru", "dot", "spaces"),
    }),
    { nil: null, freq: 4 },
  ),
});
const quote = fc.record({
  items: fc.array(quoteItem, { minLength: 1, maxLength: 8 }),
  delivery: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 10_000_000n })),
  deliveryVatRate: rate,
});

const milliToString = (m: number) => `${Math.floor(m / 1000)}.${String(m % 1000).padStart(3, "0")}`;
function typed(kopecks: bigint, how: string): string {
  const s = kopecksToDecimalString(kopecks);
  if (how === "dot") return s;
  const [int, frac] = s.split(".");
  const grouped = how === "spaces" ? int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") : int;
  return `${grouped},${frac}${how === "spaces" ? " руб." : ""}`;
}
const cellKopecks = (v: ExcelJS.CellValue) => {
  if (typeof v !== "number") throw new Error(`not a number cell: ${String(v)}`);
  return BigInt(Math.round(v * 100));
};

describe("quote money reconciles on every surface (property)", () => {
  it("quote form, stored version, comparison, API JSON and XLSX agree to the kopeck", async () => {
    await fc.assert(
      fc.asyncProperty(quote, async (q) => {
        const items = q.items.map((it, i) => ({
          id: `item-${i}`,
          position: i,
          name: `Позиция ${i + 1}`,
          quantity: new Prisma.Decimal(milliToString(it.requestedMilli)),
          unit: "pcs",
          analoguesAllowed: false,
        }));
        const quantities = q.items.map((it) =>
          it.quoted ? milliToString(Math.max(1, Math.floor((it.requestedMilli * it.quoted.share) / 1000))) : "",
        );
        const rawForm = {
          lines: q.items.map((it, i) => ({
            rfqItemId: items[i].id,
            unitPrice: it.quoted ? typed(it.quoted.priceKopecks, it.quoted.typing) : "",
            quantity: quantities[i].replace(".", ","),
            vatRate: it.quoted?.vatRate ?? "VAT22",
          })),
          deliveryCost: q.delivery > 0n ? typed(q.delivery, "ru") : "",
          deliveryVatRate: q.deliveryVatRate,
        };

        // the quote form as the supplier types it
        const live = quoteFormTotals(rawForm);
        // saveQuote: the same form, validated and priced, stored as a version
        const form = quoteFormSchema.parse(rawForm);
        const built = buildLines(items, form, VAT_RATE_CODES);
        expect(built.errors).toEqual({});
        const deliveryCostKopecks = form.deliveryCost ? (parseRublesToKopecks(form.deliveryCost) ?? 0n) : 0n;
        const stored = quoteVersionTotals(built.lines, deliveryCostKopecks, form.deliveryVatRate);
        // the comparison (page, XLSX and JSON API all read getComparison, which builds offers by offerMoney)
        const offer = offerMoney(items, {
          lines: built.lines.map((l) => ({ ...l, quantity: new Prisma.Decimal(l.quantity) })),
          deliveryCostKopecks,
          deliveryVatRate: form.deliveryVatRate,
          ...stored,
        });

        // form = stored version
        expect(live.goods.net).toBe(stored.goodsNetKopecks);
        expect(live.goods.gross).toBe(stored.goodsGrossKopecks);
        expect(live.goods.vat + live.delivery.vat).toBe(stored.vatKopecks);
        expect(live.landed).toBe(stored.landedKopecks);
        // form lines = comparison lines; lines sum to the offer's totals
        let net = 0n;
        let vat = 0n;
        let gross = 0n;
        let complete = true;
        items.forEach((item, i) => {
          const l = offer.lines[item.id];
          const quoted = q.items[i].quoted;
          if (!quoted) {
            expect(l).toBeUndefined();
            expect(live.lines[i]).toBeNull();
            complete = false;
            return;
          }
          expect(l.partial).toBe(quoted.share < 1000 && quantityToMilli(quantities[i]) < q.items[i].requestedMilli);
          if (l.partial) complete = false;
          expect(l.unitPrice).toBe(String(quoted.priceKopecks));
          expect(l.vatRate).toBe(quoted.vatRate);
          expect({ net: l.net, vat: l.vat, gross: l.gross }).toEqual({
            net: String(live.lines[i]?.net),
            vat: String(live.lines[i]?.vat),
            gross: String(live.lines[i]?.gross),
          });
          if (quoted.vatRate === "NO_VAT" || quoted.vatRate === "VAT0") expect(l.vat).toBe("0");
          net += BigInt(l.net);
          vat += BigInt(l.vat);
          gross += BigInt(l.gross);
        });
        expect(offer.complete).toBe(complete);
        expect(BigInt(offer.goodsNet)).toBe(net);
        expect(BigInt(offer.goodsVat)).toBe(vat);
        expect(BigInt(offer.goodsGross)).toBe(gross);
        expect(net + vat).toBe(gross);
        expect(BigInt(offer.deliveryNet)).toBe(live.delivery.net);
        expect(BigInt(offer.deliveryGross)).toBe(live.delivery.gross);
        expect(BigInt(offer.goodsGross) + BigInt(offer.deliveryGross)).toBe(BigInt(offer.landed));

        const comparison: Comparison = {
          rfq: {
            id: "rfq",
            number: 1,
            title: "Запрос",
            status: "PUBLISHED",
            sealed: false,
            deadline: null,
            openedAt: null,
            closedAt: null,
            awardedAt: null,
            deliveryAddress: "Севастополь",
            neededBy: null,
            paymentTerms: null,
            budget: null,
            plannedAwardAt: null,
          },
          items: items.map((i) => ({ ...i, quantity: i.quantity.toString() })),
          pricesVisible: true,
          participants: [],
          offers: [
            {
              ...offerHeader("q1", "s1", "ООО «Поставщик»"),
              ...offer,
              coverage: offerCoverage(items, offer),
              deliveryBasis: "BUYER_WAREHOUSE",
              deliveryPlace: null,
              landedCost: landedCost({
                supplierOrgId: "s1",
                goodsGross: offer.goodsGross,
                deliveryGross: offer.deliveryGross,
                deliveryBasis: "BUYER_WAREHOUSE",
                prepaymentPercent: 0,
                paymentDaysAfterDelivery: null,
                leadTimeDays: null,
                settings: {
                  perTonneKopecks: null,
                  perM3Kopecks: null,
                  cargoWeightKg: null,
                  cargoVolumeM3: null,
                  bySupplier: {},
                },
                rateBp: DEFAULT_ANNUAL_RATE_BP,
              }),
              deviations: [],
              blocked: false,
              roundNumber: null,
            },
          ],
          marks: { bestPrice: {}, bestLead: {}, bestLanded: [] },
          history: [],
          protocol: null,
          awards: [],
          canAward: false,
          canCloseEarly: false,
          bestSplit: null,
          rounds: [],
          roundOpen: false,
          settings: {
            freight: {
              perTonneKopecks: null,
              perM3Kopecks: null,
              cargoWeightKg: null,
              cargoVolumeM3: null,
              bySupplier: {},
            },
            annualRateBp: DEFAULT_ANNUAL_RATE_BP,
            budget: null,
          },
          canStartRound: false,
        };

        // the API JSON (the route returns getComparison's result through Response.json)
        const json = (await Response.json(comparison).json()) as Comparison;
        const o = json.offers[0];
        for (const key of ["goodsNet", "goodsVat", "goodsGross", "deliveryNet", "deliveryGross", "landed"] as const)
          expect(o[key]).toBe(offer[key]);
        for (const [id, l] of Object.entries(offer.lines)) expect(o.lines[id]).toEqual(l);

        // the XLSX export, read back
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await comparisonWorkbook(comparison)) as unknown as ArrayBuffer);
        const ws = wb.worksheets[0];
        let xNet = 0n;
        let xGross = 0n;
        items.forEach((item, i) => {
          const row = ws.getRow(3 + i);
          const l = offer.lines[item.id];
          if (!l) {
            expect(row.getCell(5).value).toBe("нет предложения");
            return;
          }
          expect(cellKopecks(row.getCell(5).value)).toBe(BigInt(l.unitPrice));
          expect(cellKopecks(row.getCell(7).value)).toBe(BigInt(l.net));
          expect(cellKopecks(row.getCell(8).value)).toBe(BigInt(l.gross));
          xNet += cellKopecks(row.getCell(7).value);
          xGross += cellKopecks(row.getCell(8).value);
        });
        const total = (label: string) => {
          for (let r = 3 + items.length; r <= ws.rowCount; r++)
            if (ws.getRow(r).getCell(2).value === label) return cellKopecks(ws.getRow(r).getCell(5).value);
          throw new Error(`no row ${label}`);
        };
        expect(total("Товары без НДС")).toBe(xNet);
        expect(total("Товары с НДС")).toBe(xGross);
        expect(total("Товары без НДС") + total("НДС по товарам")).toBe(total("Товары с НДС"));
        expect(total("Товары с НДС") + total("Доставка с НДС")).toBe(total("Итого с доставкой"));
        expect(total("Итого с доставкой")).toBe(live.landed);
      }),
      { numRuns: 150 },
    );
    // 150 generated quotes, each written to and read back from a real XLSX workbook: seconds on a busy 2-core machine
  }, 60_000);
});
