import type { VatRate } from "~/generated/prisma/enums";
import {
  type Amounts,
  amountInWordsRu,
  chargeAmounts,
  kopecksToDecimalString,
  lineAmounts,
  sumAmounts,
  VAT_RATES,
} from "~/modules/money/money";
import { vatPercentLabel } from "~/modules/money/vat";
import { formatRub } from "./invoice";
import { okeiUnit } from "./okei";

/**
 * The content of one УПД (универсальный передаточный документ, статус 1 = счёт-фактура + передаточный документ) for one
 * shipment — pure, shared by the printed form (upd-pdf.server.ts) and the ЭДО XML of format 5.03 (upd-xml.ts), so both
 * carry the same numbers. Amounts come from the money module: every line is rounded on its own (lineAmounts), totals
 * are sums of the rounded lines, per rate and overall. Delivery, when the order has it, is a line of the first УПД.
 */
export interface UpdParty {
  legalName: string;
  inn: string;
  kpp: string | null;
  address: string;
  bankName?: string | null;
  bik?: string | null;
  settlementAccount?: string | null;
  correspondentAccount?: string | null;
}

export interface UpdSource {
  order: {
    number: number;
    createdAt: Date;
    confirmedAt: Date | null;
    deliveryAddress: string;
    deliveryCostKopecks: bigint;
    deliveryVatRate: VatRate;
  };
  shipment: {
    seq: number;
    shippedOn: Date;
    carrier: string | null;
    waybillNumber: string | null;
    lines: {
      quantity: { toString(): string };
      orderLine: { position: number; name: string; unit: string; unitPriceKopecks: bigint; vatRate: VatRate };
    }[];
  };
  seller: UpdParty;
  buyer: UpdParty;
  /** the supplier's person who signs (the organisation owner until a signer is chosen), "Фамилия Имя Отчество" */
  signerName: string;
  /** GUID part of the ЭДО file id, fixed when the document is first generated */
  guid: string;
  /** when the document was generated (ДатаИнфПр / ВремИнфПр) */
  generatedAt: Date;
}

export interface UpdLine {
  n: number;
  name: string;
  okei: string | null;
  unitName: string;
  quantity: string;
  priceKopecks: bigint;
  vatRate: VatRate;
  amounts: Amounts;
}

export interface UpdData {
  fileId: string;
  number: string;
  /** DD.MM.YYYY, Moscow */
  date: string;
  transferDate: string;
  generatedDate: string;
  generatedTime: string;
  seller: UpdParty;
  buyer: UpdParty;
  consigneeAddress: string;
  basis: { name: string; number: string; date: string };
  waybill: string | null;
  lines: UpdLine[];
  byRate: { vatRate: VatRate; amounts: Amounts }[];
  total: Amounts;
  totalInWords: string;
  signer: { position: string; lastName: string; firstName: string; middleName: string | null };
}

function splitName(full: string) {
  const [lastName = "—", firstName = "—", ...rest] = full.trim().split(/\s+/);
  return { lastName, firstName, middleName: rest.length ? rest.join(" ") : null };
}

function msk(d: Date): Date {
  return new Date(d.getTime() + 3 * 3600_000);
}

/** DD.MM.YYYY in Moscow time (the format's date type). */
export function dateRu(d: Date): string {
  const m = msk(d);
  return `${String(m.getUTCDate()).padStart(2, "0")}.${String(m.getUTCMonth() + 1).padStart(2, "0")}.${m.getUTCFullYear()}`;
}

function timeRu(d: Date): string {
  const m = msk(d);
  return [m.getUTCHours(), m.getUTCMinutes(), m.getUTCSeconds()].map((x) => String(x).padStart(2, "0")).join(".");
}

function yyyymmdd(d: Date): string {
  const m = msk(d);
  return `${m.getUTCFullYear()}${String(m.getUTCMonth() + 1).padStart(2, "0")}${String(m.getUTCDate()).padStart(2, "0")}`;
}

/**
 * The ЭДО participant id of an organisation. Until organisations store the id their ЭДО operator issued (Диадок,
 * СБИС: «2BM-…», «2AE-…»), it is ИНН-КПП — the part every operator id is built from; the connector substitutes the real
 * id when it sends the file (ADR 0017).
 */
export function edoParticipantId(p: { inn: string; kpp: string | null }): string {
  return p.kpp ? `${p.inn}-${p.kpp}` : p.inn;
}

/** ON_NSCHFDOPPR_<recipient>_<sender>_<YYYYMMDD>_<GUID> — the file id and name (without .xml) of a УПД. */
export function updFileId(buyer: UpdParty, seller: UpdParty, date: Date, guid: string): string {
  return `ON_NSCHFDOPPR_${edoParticipantId(buyer)}_${edoParticipantId(seller)}_${yyyymmdd(date)}_${guid}`;
}

export function quantityText(q: { toString(): string }): string {
  const [whole, frac = ""] = q.toString().split(".");
  const f = frac.replace(/0+$/, "");
  return f ? `${whole}.${f}` : whole;
}

export function buildUpdData(src: UpdSource): UpdData {
  const lines: UpdLine[] = [...src.shipment.lines]
    .sort((a, b) => a.orderLine.position - b.orderLine.position)
    .map((l, i) => {
      const unit = okeiUnit(l.orderLine.unit);
      const quantity = quantityText(l.quantity);
      return {
        n: i + 1,
        name: l.orderLine.name,
        okei: unit.code,
        unitName: unit.name,
        quantity,
        priceKopecks: l.orderLine.unitPriceKopecks,
        vatRate: l.orderLine.vatRate,
        amounts: lineAmounts({
          unitPriceKopecks: l.orderLine.unitPriceKopecks,
          quantity,
          vatRate: l.orderLine.vatRate,
        }),
      };
    });
  if (src.shipment.seq === 1 && src.order.deliveryCostKopecks > 0n) {
    lines.push({
      n: lines.length + 1,
      name: "Доставка",
      okei: null,
      unitName: "усл. ед",
      quantity: "1",
      priceKopecks: src.order.deliveryCostKopecks,
      vatRate: src.order.deliveryVatRate,
      amounts: chargeAmounts(src.order.deliveryCostKopecks, src.order.deliveryVatRate),
    });
  }
  const rates = [...new Set(lines.map((l) => l.vatRate))];
  const byRate = rates.map((vatRate) => ({
    vatRate,
    amounts: sumAmounts(lines.filter((l) => l.vatRate === vatRate).map((l) => l.amounts)),
  }));
  const total = sumAmounts(lines.map((l) => l.amounts));
  const contractDate = src.order.confirmedAt ?? src.order.createdAt;
  return {
    fileId: updFileId(src.buyer, src.seller, src.generatedAt, src.guid),
    number: `${src.order.number}-${src.shipment.seq}`,
    date: dateRu(src.shipment.shippedOn),
    transferDate: dateRu(src.shipment.shippedOn),
    generatedDate: dateRu(src.generatedAt),
    generatedTime: timeRu(src.generatedAt),
    seller: src.seller,
    buyer: src.buyer,
    consigneeAddress: src.order.deliveryAddress,
    basis: { name: "Договор поставки", number: `Д-${src.order.number}`, date: dateRu(contractDate) },
    waybill: [src.shipment.carrier, src.shipment.waybillNumber].filter(Boolean).join(", ") || null,
    lines,
    byRate,
    total,
    totalInWords: amountInWordsRu(total.gross),
    signer: { position: "Руководитель организации", ...splitName(src.signerName) },
  };
}

/** НалСт of the format: "20%", "10%", "0%", "без НДС". */
export function taxRateXml(rate: VatRate): string {
  const p = VAT_RATES[rate as keyof typeof VAT_RATES];
  return p === null || p === undefined ? "без НДС" : `${p}%`;
}

/** Rubles with two decimals, dot separator (the format's decimal type). */
export const rub = (k: bigint) => kopecksToDecimalString(k);
export { formatRub, vatPercentLabel };
