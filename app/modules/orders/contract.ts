import type { VatRate } from "~/generated/prisma/enums";
import { amountInWordsRu, chargeAmounts, lineAmounts, sumAmounts } from "~/modules/money/money";
import { vatPercentLabel } from "~/modules/money/vat";
import { formatRub } from "./invoice";
import type { DocumentLineSource } from "./lines";
import { okeiUnit } from "./okei";
import { orderSchedule } from "./schedule";
import { dateRu, quantityText, type UpdParty } from "./upd";

/**
 * The договор поставки with its спецификация, built from an order (which comes from the award). The text is a template
 * the operator edits (ContractTemplate, versioned); `{{placeholders}}` are filled from the order. Pure: tested apart
 * from drawing (contract-pdf.server.ts). Amounts through the money module.
 */
export const CONTRACT_PLACEHOLDERS = [
  "number",
  "date",
  "city",
  "supplier",
  "buyer",
  "total",
  "totalInWords",
  "vat",
  "deliveryAddress",
  "deliveryTerms",
  "shipBy",
  "paymentTerms",
  "rfq",
] as const;

export const DEFAULT_CONTRACT_TEMPLATE = `1. ПРЕДМЕТ ДОГОВОРА
1.1. Поставщик обязуется передать в собственность Покупателя товар, а Покупатель — принять и оплатить его. Наименование, количество, единицы измерения, цена и сроки поставки товара указаны в Спецификации (Приложение № 1), являющейся неотъемлемой частью Договора.
1.2. Договор заключён по итогам запроса предложений {{rfq}} на площадке СнабМост.

2. ЦЕНА И ПОРЯДОК РАСЧЁТОВ
2.1. Общая стоимость товара составляет {{total}} руб. ({{totalInWords}}), в том числе НДС {{vat}} руб.
2.2. Порядок оплаты: {{paymentTerms}}. Оплата производится на расчётный счёт Поставщика, указанный в разделе 8.

3. ПОСТАВКА
3.1. Базис поставки: {{deliveryTerms}}. Адрес доставки: {{deliveryAddress}}.
3.2. Срок отгрузки: не позднее {{shipBy}}. Допускается поставка партиями; каждая партия сопровождается УПД и транспортной накладной.

4. ПРИЁМКА
4.1. Приёмка по количеству и качеству производится Покупателем при получении товара по каждой позиции УПД.
4.2. При обнаружении брака, недостачи или пересорта Покупатель направляет Поставщику рекламацию через площадку в течение 5 рабочих дней. Поставщик в течение 10 рабочих дней заменяет товар, уменьшает сумму оплаты или направляет мотивированный отказ.

5. ОТВЕТСТВЕННОСТЬ СТОРОН
5.1. За просрочку поставки Поставщик уплачивает неустойку 0,1 % от стоимости непоставленного в срок товара за каждый день просрочки, но не более 10 % от его стоимости.
5.2. За просрочку оплаты Покупатель уплачивает неустойку 0,1 % от неоплаченной в срок суммы за каждый день просрочки, но не более 10 % от неё.

6. ПРОЧИЕ УСЛОВИЯ
6.1. Договор вступает в силу с момента подписания обеими сторонами и действует до полного исполнения обязательств.
6.2. Стороны признают юридическую силу документов, подписанных усиленной квалифицированной электронной подписью и переданных через оператора ЭДО.
6.3. Споры разрешаются в Арбитражном суде по месту нахождения истца после соблюдения претензионного порядка (срок ответа на претензию — 15 дней).`;

export interface ContractSource {
  order: {
    number: number;
    createdAt: Date;
    confirmedAt: Date | null;
    /** when the first счёт (the advance, or the whole order) was covered: the clock of an order with an advance */
    paidAt: Date | null;
    prepaymentPercent: number;
    deliveryAddress: string;
    deliveryTerms: string | null;
    paymentTerms: string | null;
    deliveryCostKopecks: bigint;
    deliveryVatRate: VatRate;
    lines: (DocumentLineSource & { leadTimeDays: number | null })[];
  };
  rfq: { number: number | null; title: string } | null;
  supplier: UpdParty & { city: string; ogrn: string };
  buyer: UpdParty & { city: string; ogrn: string };
  template: { version: number; body: string };
}

export interface ContractData {
  title: string;
  number: string;
  date: string;
  city: string;
  preamble: string;
  body: string;
  templateVersion: number;
  spec: {
    n: number;
    name: string;
    unit: string;
    okei: string;
    quantity: string;
    price: string;
    vatRate: string;
    net: string;
    vat: string;
    gross: string;
    shipBy: string;
  }[];
  totals: { net: string; vat: string; gross: string; words: string };
  supplier: ContractSource["supplier"];
  buyer: ContractSource["buyer"];
}

/**
 * «Срок отгрузки» as the договор prints it, from the order's schedule (schedule.ts — the same dates the order page
 * shows): a date once the clock has started (confirmation, or the advance paid), otherwise the number of calendar days
 * and what they count from. `leadTimeDays` narrows it to one line of the спецификация.
 */
export function contractShipBy(
  order: Pick<ContractSource["order"], "confirmedAt" | "paidAt" | "prepaymentPercent" | "deliveryTerms" | "lines">,
  leadTimeDays?: number | null,
  form: "clause" | "column" = "clause",
): string {
  const lines = leadTimeDays === undefined ? order.lines : [{ leadTimeDays }];
  const s = orderSchedule({ ...order, lines });
  if (s.state === "planned") return isoDateRu(s.shipBy);
  const from = order.prepaymentPercent > 0 ? "оплаты аванса" : "подтверждения заказа";
  return form === "clause" ? `${s.leadDays}-го календарного дня с даты ${from}` : `${s.leadDays} дн. с ${from}`;
}

/** "2026-03-09" → "09.03.2026" */
function isoDateRu(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}.${m}.${y}`;
}

/** The longest template the operator may save (characters). */
export const CONTRACT_TEMPLATE_MAX = 50_000;

export type TemplateProblem =
  | { code: "required" }
  | { code: "tooLong"; max: number }
  | { code: "unknownPlaceholder"; name: string }
  | { code: "brokenPlaceholder"; near: string };

/**
 * Checks a template before it is saved: every `{{name}}` must be one of CONTRACT_PLACEHOLDERS, and no `{{` or `}}` may
 * be left unpaired (a typo like `{{total}` would print as is in every contract). Pure.
 */
export function validateContractTemplate(body: string): TemplateProblem[] {
  const text = normalizeTemplate(body);
  if (!text) return [{ code: "required" }];
  const problems: TemplateProblem[] = [];
  if (text.length > CONTRACT_TEMPLATE_MAX) problems.push({ code: "tooLong", max: CONTRACT_TEMPLATE_MAX });
  const known = new Set<string>(CONTRACT_PLACEHOLDERS);
  const unknown = new Set<string>();
  for (const m of text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) if (!known.has(m[1])) unknown.add(m[1]);
  for (const name of unknown) problems.push({ code: "unknownPlaceholder", name });
  const rest = text.replace(/\{\{\s*[^{}]*?\s*\}\}/g, "");
  const broken = /\{\{|\}\}|\{[A-Za-z]+\}/.exec(rest);
  if (broken)
    problems.push({ code: "brokenPlaceholder", near: rest.slice(Math.max(0, broken.index - 15), broken.index + 15) });
  return problems;
}

/** Line ends as \n, no leading/trailing blank space: the form a template is stored in. */
export function normalizeTemplate(body: string): string {
  return body.replace(/\r\n?/g, "\n").trim();
}

/** Example values the operator's preview fills the placeholders with (an invented order, not a real one). */
export const SAMPLE_CONTRACT_VALUES: Record<(typeof CONTRACT_PLACEHOLDERS)[number], string> = {
  number: "Д-1001",
  date: "«15» января 2026 г.",
  city: "Севастополь",
  supplier: "ООО «Пример-Поставка»",
  buyer: "АО «Пример-Заказчик»",
  total: "122 000,00",
  totalInWords: "Сто двадцать две тысячи рублей 00 копеек",
  vat: "22 000,00",
  deliveryAddress: "г. Севастополь, ул. Промышленная, д. 1",
  deliveryTerms: "доставка до склада Покупателя",
  shipBy: "«30» января 2026 г.",
  paymentTerms: "предоплата 30 %, остаток после приёмки",
  rfq: "№ 501 «Кабельная продукция»",
};

export function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, key: string) => values[key] ?? m);
}

export function buildContractData(src: ContractSource): ContractData {
  const { order } = src;
  const date = dateRu(order.confirmedAt ?? order.createdAt);
  const number = `Д-${order.number}`;
  const items = [...order.lines]
    .sort((a, b) => a.position - b.position)
    .map((l) => ({
      l,
      a: lineAmounts({ unitPriceKopecks: l.unitPriceKopecks, quantity: l.quantity.toString(), vatRate: l.vatRate }),
    }));
  const spec: ContractData["spec"] = items.map(({ l, a }, i) => {
    const unit = okeiUnit(l.unit);
    return {
      n: i + 1,
      name: l.name,
      unit: unit.name,
      okei: unit.code ?? "—",
      quantity: quantityText(l.quantity).replace(".", ","),
      price: formatRub(l.unitPriceKopecks),
      vatRate: vatPercentLabel(l.vatRate),
      net: formatRub(a.net),
      vat: formatRub(a.vat),
      gross: formatRub(a.gross),
      shipBy: contractShipBy(order, l.leadTimeDays, "column"),
    };
  });
  const amounts = items.map((x) => x.a);
  if (order.deliveryCostKopecks > 0n) {
    const d = chargeAmounts(order.deliveryCostKopecks, order.deliveryVatRate);
    amounts.push(d);
    spec.push({
      n: spec.length + 1,
      name: "Доставка",
      unit: "усл. ед",
      okei: "—",
      quantity: "1",
      price: formatRub(order.deliveryCostKopecks),
      vatRate: vatPercentLabel(order.deliveryVatRate),
      net: formatRub(d.net),
      vat: formatRub(d.vat),
      gross: formatRub(d.gross),
      shipBy: "",
    });
  }
  const total = sumAmounts(amounts);
  const values: Record<string, string> = {
    number,
    date,
    city: src.buyer.city,
    supplier: src.supplier.legalName,
    buyer: src.buyer.legalName,
    total: formatRub(total.gross),
    totalInWords: amountInWordsRu(total.gross),
    vat: formatRub(total.vat),
    deliveryAddress: order.deliveryAddress,
    deliveryTerms: order.deliveryTerms ?? "доставка до склада Покупателя",
    shipBy: contractShipBy(order),
    paymentTerms: order.paymentTerms ?? "по счёту Поставщика",
    rfq: src.rfq ? `№ ${src.rfq.number ?? ""} «${src.rfq.title}»` : "—",
  };
  return {
    title: `Договор поставки № ${number} от ${date}`,
    number,
    date,
    city: src.buyer.city,
    preamble: `${src.supplier.legalName} (ИНН ${src.supplier.inn}), именуемое в дальнейшем «Поставщик», и ${src.buyer.legalName} (ИНН ${src.buyer.inn}), именуемое в дальнейшем «Покупатель», заключили настоящий Договор о нижеследующем:`,
    body: fillTemplate(src.template.body, values),
    templateVersion: src.template.version,
    spec,
    totals: {
      net: formatRub(total.net),
      vat: formatRub(total.vat),
      gross: formatRub(total.gross),
      words: amountInWordsRu(total.gross),
    },
    supplier: src.supplier,
    buyer: src.buyer,
  };
}
