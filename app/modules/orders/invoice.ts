import type { VatRate } from "~/generated/prisma/enums";
import { amountInWordsRu, chargeAmounts, VAT_RATES } from "~/modules/money/money";

/**
 * The data of a счёт на оплату (invoice for bank transfer), built from an order: pure, so the content is unit-tested
 * apart from the PDF drawing. Amounts are strings formatted the Russian way ("1 234,56").
 */
export interface InvoiceParty {
  legalName: string;
  inn: string;
  kpp: string | null;
  address: string;
}

export interface InvoiceSource {
  number: number;
  invoiceNumber: string | null;
  confirmedAt: Date | null;
  createdAt: Date;
  deliveryAddress: string;
  deliveryCostKopecks: bigint;
  deliveryVatRate: VatRate;
  goodsNetKopecks: bigint;
  vatKopecks: bigint;
  totalKopecks: bigint;
  paymentTerms: string | null;
  supplier: InvoiceParty & {
    bankName: string | null;
    bik: string | null;
    settlementAccount: string | null;
    correspondentAccount: string | null;
  };
  buyer: InvoiceParty;
  lines: {
    position: number;
    name: string;
    quantity: { toString(): string };
    unit: string;
    unitPriceKopecks: bigint;
    vatRate: VatRate;
    netKopecks: bigint;
    vatKopecks: bigint;
    grossKopecks: bigint;
  }[];
}

export interface InvoiceData {
  title: string;
  number: string;
  date: string;
  supplier: InvoiceSource["supplier"];
  buyer: InvoiceParty;
  basis: string;
  rows: {
    n: number;
    name: string;
    quantity: string;
    unit: string;
    price: string;
    vatRate: string;
    vat: string;
    total: string;
  }[];
  totalNet: string;
  totalVat: string;
  /** «В том числе НДС» or «Без НДС» when nothing is taxed */
  vatLabel: string;
  total: string;
  summary: string;
  totalInWords: string;
  paymentTerms: string | null;
}

export function formatRub(kopecks: bigint): string {
  const negative = kopecks < 0n;
  const abs = negative ? -kopecks : kopecks;
  const rub = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${negative ? "-" : ""}${rub},${(abs % 100n).toString().padStart(2, "0")}`;
}

export function vatRateLabel(rate: VatRate): string {
  const p = VAT_RATES[rate];
  return p === null ? "Без НДС" : `${p}%`;
}

function formatQuantity(q: { toString(): string }): string {
  const s = q.toString();
  const [whole, frac = ""] = s.split(".");
  const f = frac.replace(/0+$/, "");
  return f ? `${whole},${f}` : whole;
}

function formatDateRu(d: Date): string {
  // Moscow time, DD.MM.YYYY
  const msk = new Date(d.getTime() + 3 * 3600_000);
  const dd = String(msk.getUTCDate()).padStart(2, "0");
  const mm = String(msk.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}.${mm}.${msk.getUTCFullYear()}`;
}

export function buildInvoiceData(o: InvoiceSource): InvoiceData {
  const rows: InvoiceData["rows"] = o.lines.map((l, i) => ({
    n: i + 1,
    name: l.name,
    quantity: formatQuantity(l.quantity),
    unit: l.unit,
    price: formatRub(l.unitPriceKopecks),
    vatRate: vatRateLabel(l.vatRate),
    vat: formatRub(l.vatKopecks),
    total: formatRub(l.grossKopecks),
  }));
  if (o.deliveryCostKopecks > 0n) {
    const d = chargeAmounts(o.deliveryCostKopecks, o.deliveryVatRate);
    rows.push({
      n: rows.length + 1,
      name: "Доставка",
      quantity: "1",
      unit: "усл.",
      price: formatRub(o.deliveryCostKopecks),
      vatRate: vatRateLabel(o.deliveryVatRate),
      vat: formatRub(d.vat),
      total: formatRub(d.gross),
    });
  }
  const totalNet = o.totalKopecks - o.vatKopecks;
  const number = o.invoiceNumber ?? `СМ-${o.number}`;
  const date = formatDateRu(o.confirmedAt ?? o.createdAt);
  return {
    title: `Счёт на оплату № ${number} от ${date}`,
    number,
    date,
    supplier: o.supplier,
    buyer: o.buyer,
    basis: `Заказ № ${o.number}`,
    rows,
    totalNet: formatRub(totalNet),
    totalVat: formatRub(o.vatKopecks),
    vatLabel: o.vatKopecks > 0n ? "В том числе НДС" : "Без НДС",
    total: formatRub(o.totalKopecks),
    summary: `Всего наименований ${rows.length}, на сумму ${formatRub(o.totalKopecks)} руб.`,
    totalInWords: amountInWordsRu(o.totalKopecks),
    paymentTerms: o.paymentTerms,
  };
}
