import { formatRub } from "~/modules/money/format";
import { amountInWordsRu, type RatedAmounts, type VatRateCode } from "~/modules/money/money";
import { addMoscowDays, formatMoscowDateRu } from "~/modules/money/moscow-time";
import { SERVICE_UNIT, unitName } from "~/modules/money/units";
import { isHistoricRate, vatPercentLabel, vatRateLabel } from "~/modules/money/vat";
import type { DocumentLineSource } from "./lines";
import { type InvoiceKindCode, orderMoney } from "./totals";

/** The note on a rate no longer in force today (a stored 2025 document at 20 %). */
export const HISTORIC_RATE_RU = "ставка на дату документа";

export { formatRub };

/**
 * The data of a счёт на оплату (invoice for bank transfer) as a Russian accountant expects it (the layout 1C prints):
 * the bank block, the table with ОКЕИ units, «Итого», «В том числе НДС 22 %» per rate, «Всего к оплате», the amount in
 * words, назначение платежа, «Счёт действителен до» and the signatories. Built from an order, pure, unit-tested apart
 * from the PDF drawing. An order with prepayment N % has two счета: the advance (exactly N %) and the balance.
 */
export interface InvoiceParty {
  legalName: string;
  inn: string;
  kpp: string | null;
  address: string;
}

/** Days a счёт stays valid (calendar days from its date). */
export const INVOICE_VALID_DAYS = 5;

export interface InvoiceSource {
  number: number;
  invoiceNumber: string | null;
  confirmedAt: Date | null;
  createdAt: Date;
  deliveryAddress: string;
  deliveryCostKopecks: bigint;
  deliveryVatRate: VatRateCode;
  prepaymentPercent?: number;
  paymentTerms: string | null;
  supplier: InvoiceParty & {
    bankName: string | null;
    bik: string | null;
    settlementAccount: string | null;
    correspondentAccount: string | null;
    directorName?: string | null;
    accountantName?: string | null;
  };
  buyer: InvoiceParty;
  lines: (DocumentLineSource & { netKopecks: bigint; vatKopecks: bigint; grossKopecks: bigint })[];
}

export interface InvoiceData {
  kind: InvoiceKindCode;
  title: string;
  number: string;
  date: string;
  validUntil: string;
  supplier: InvoiceSource["supplier"];
  buyer: InvoiceParty;
  basis: string;
  rows: {
    n: number;
    name: string;
    quantity: string;
    unit: string;
    price: string;
    net: string;
    vatRate: string;
    vat: string;
    total: string;
  }[];
  /** «Итого» (with VAT) */
  total: string;
  /** «В том числе НДС 22 %: 1 234,00» — one per rate; «Без НДС» when a rate carries no VAT */
  vatLines: { label: string; amount: string }[];
  /** «Всего к оплате» */
  toPay: string;
  toPayKopecks: bigint;
  summary: string;
  totalInWords: string;
  purpose: string;
  paymentTerms: string | null;
  director: string;
  accountant: string;
}

function formatQuantity(q: { toString(): string }): string {
  const s = q.toString();
  const [whole, frac = ""] = s.split(".");
  const f = frac.replace(/0+$/, "");
  return f ? `${whole},${f}` : whole;
}

/** «В том числе НДС 22 %» per rate; a rate no longer in force on `now` says it is the rate on the document date. */
function vatLinesOf(byRate: RatedAmounts[], now: Date): InvoiceData["vatLines"] {
  return byRate
    .filter((r) => r.gross !== 0n)
    .map((r) =>
      r.vatRate === "NO_VAT"
        ? { label: "Без НДС", amount: "—" }
        : {
            label: `В том числе ${vatRateLabel(r.vatRate, "ru")}${isHistoricRate(r.vatRate, now) ? ` (${HISTORIC_RATE_RU})` : ""}`,
            amount: formatRub(r.vat),
          },
    );
}

function vatPhrase(byRate: RatedAmounts[]): string {
  const taxed = byRate.filter((r) => r.vatRate !== "NO_VAT" && r.gross !== 0n);
  if (taxed.length === 0) return "НДС не облагается";
  return `в т.ч. ${taxed.map((r) => `${vatRateLabel(r.vatRate, "ru")} — ${formatRub(r.vat)} руб.`).join(", ")}`;
}

export function buildInvoiceData(
  o: InvoiceSource,
  kind: InvoiceKindCode = "FULL",
  now: Date = new Date(),
): InvoiceData {
  const money = orderMoney({ ...o, prepaymentPercent: o.prepaymentPercent ?? 0 });
  const invoice = money.invoices.find((i) => i.kind === kind);
  if (!invoice) throw new RangeError(`order ${o.number} has no ${kind} invoice`);
  const base = o.invoiceNumber ?? `СМ-${o.number}`;
  const number = kind === "ADVANCE" ? `${base}-А` : kind === "BALANCE" ? `${base}-О` : base;
  const issued = o.confirmedAt ?? o.createdAt;
  const date = formatMoscowDateRu(issued);
  const pct = money.prepaymentPercent;

  let rows: InvoiceData["rows"];
  if (kind === "FULL") {
    rows = o.lines.map((l, i) => ({
      n: i + 1,
      name: l.name,
      quantity: formatQuantity(l.quantity),
      unit: unitName(l.unit, "ru"),
      price: formatRub(l.unitPriceKopecks),
      net: formatRub(l.netKopecks),
      vatRate: vatPercentLabel(l.vatRate, "ru"),
      vat: formatRub(l.vatKopecks),
      total: formatRub(l.grossKopecks),
    }));
    if (money.delivery.gross !== 0n) {
      rows.push({
        n: rows.length + 1,
        name: "Доставка",
        quantity: "1",
        unit: unitName(SERVICE_UNIT, "ru"),
        price: formatRub(money.delivery.net),
        net: formatRub(money.delivery.net),
        vatRate: vatPercentLabel(o.deliveryVatRate, "ru"),
        vat: formatRub(money.delivery.vat),
        total: formatRub(money.delivery.gross),
      });
    }
  } else {
    const what =
      kind === "ADVANCE"
        ? `Предоплата ${pct} % по заказу № ${o.number}`
        : `Оплата остатка (${100 - pct} %) по заказу № ${o.number}`;
    rows = invoice.totals.byRate
      .filter((r) => r.gross !== 0n)
      .map((r, i) => ({
        n: i + 1,
        name: invoice.totals.byRate.length > 1 ? `${what}, ставка ${vatPercentLabel(r.vatRate, "ru")}` : what,
        quantity: "1",
        unit: unitName(SERVICE_UNIT, "ru"),
        price: formatRub(r.net),
        net: formatRub(r.net),
        vatRate: vatPercentLabel(r.vatRate, "ru"),
        vat: formatRub(r.vat),
        total: formatRub(r.gross),
      }));
  }
  const toPay = invoice.totals.total.gross;
  const title =
    kind === "ADVANCE"
      ? `Счёт на предоплату № ${number} от ${date}`
      : kind === "BALANCE"
        ? `Счёт на оплату остатка № ${number} от ${date}`
        : `Счёт на оплату № ${number} от ${date}`;
  return {
    kind,
    title,
    number,
    date,
    validUntil: formatMoscowDateRu(addMoscowDays(issued, INVOICE_VALID_DAYS)),
    supplier: o.supplier,
    buyer: o.buyer,
    basis: `Заказ № ${o.number}`,
    rows,
    total: formatRub(toPay),
    vatLines: vatLinesOf(invoice.totals.byRate, now),
    toPay: formatRub(toPay),
    toPayKopecks: toPay,
    summary: `Всего наименований ${rows.length}, на сумму ${formatRub(toPay)} руб.`,
    totalInWords: amountInWordsRu(toPay),
    purpose: `Оплата по счёту № ${number} от ${date} (заказ № ${o.number}). Сумма ${formatRub(toPay)} руб., ${vatPhrase(invoice.totals.byRate)}`,
    paymentTerms: o.paymentTerms,
    director: o.supplier.directorName?.trim() || "",
    accountant: o.supplier.accountantName?.trim() || "",
  };
}
