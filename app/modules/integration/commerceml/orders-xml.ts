import { XMLBuilder } from "fast-xml-parser";
import type { VatRateCode } from "~/modules/money/money";
import { commerceMlVatRate, okeiOfUnit } from "./mapping";

/**
 * Orders as CommerceML 2.08 documents for 1C («обмен с сайтом», `type=sale&mode=query`): one `Документ` per order
 * with the buyer (`Контрагент`, role Покупатель, ИНН/КПП/address), lines with price, quantity, sum and НДС.
 */

export interface ExportOrder {
  id: string;
  number: number;
  status: string;
  createdAt: Date;
  deliveryAddress: string;
  goodsNetKopecks: bigint;
  vatKopecks: bigint;
  totalKopecks: bigint;
  deliveryCostKopecks: bigint;
  cancelReason: string | null;
  buyer: {
    id: string;
    legalName: string;
    shortName: string;
    inn: string;
    kpp: string | null;
    legalAddress: string;
    phone: string;
    email: string | null;
  };
  lines: {
    productId: string | null;
    /** the 1C Ид of the product when it came from 1C */
    externalId: string | null;
    name: string;
    quantity: { toString(): string };
    unit: string;
    unitPriceKopecks: bigint;
    vatRate: string;
    netKopecks: bigint;
    vatKopecks: bigint;
    grossKopecks: bigint;
  }[];
}

const STATUS_RU: Record<string, string> = {
  AWAITING_CONFIRMATION: "Ожидает подтверждения",
  CONFIRMED: "Подтверждён",
  AWAITING_PAYMENT: "Ожидает оплаты",
  PAID: "Оплачен",
  SHIPPED: "Отгружен",
  DELIVERED: "Доставлен",
  CLOSED: "Закрыт",
  CANCELLED: "Отменён",
};

/** Kopecks → "1234.56" (CommerceML decimal). */
export function rub(k: bigint): string {
  const neg = k < 0n;
  const a = neg ? -k : k;
  return `${neg ? "-" : ""}${a / 100n}.${String(a % 100n).padStart(2, "0")}`;
}

function pad(n: number) {
  return String(n).padStart(2, "0");
}

/** Moscow date and time (UTC+3, no DST) as 1C writes them. */
function moscow(d: Date): { date: string; time: string } {
  const m = new Date(d.getTime() + 3 * 3600_000);
  return {
    date: `${m.getUTCFullYear()}-${pad(m.getUTCMonth() + 1)}-${pad(m.getUTCDate())}`,
    time: `${pad(m.getUTCHours())}:${pad(m.getUTCMinutes())}:${pad(m.getUTCSeconds())}`,
  };
}

function requisites(pairs: [string, string][]) {
  return { ЗначениеРеквизита: pairs.map(([Наименование, Значение]) => ({ Наименование, Значение })) };
}

function documentOf(o: ExportOrder) {
  const { date, time } = moscow(o.createdAt);
  return {
    Ид: o.id,
    Номер: String(o.number),
    Дата: date,
    Время: time,
    ХозОперация: "Заказ товара",
    Роль: "Продавец",
    Валюта: "RUB",
    Курс: "1",
    Сумма: rub(o.totalKopecks),
    Контрагенты: {
      Контрагент: [
        {
          Ид: o.buyer.id,
          Наименование: o.buyer.shortName,
          ОфициальноеНаименование: o.buyer.legalName,
          ИНН: o.buyer.inn,
          ...(o.buyer.kpp ? { КПП: o.buyer.kpp } : {}),
          Роль: "Покупатель",
          ЮридическийАдрес: { Представление: o.buyer.legalAddress },
          Контакты: {
            Контакт: [
              { Тип: "Телефон рабочий", Значение: o.buyer.phone },
              ...(o.buyer.email ? [{ Тип: "Почта", Значение: o.buyer.email }] : []),
            ],
          },
        },
      ],
    },
    Налоги: { Налог: { Наименование: "НДС", УчтеноВСумме: "true", Сумма: rub(o.vatKopecks) } },
    Товары: {
      Товар: [
        ...o.lines.map((l) => {
          const unit = okeiOfUnit(l.unit);
          return {
            Ид: l.externalId ?? l.productId ?? `line-${l.name}`,
            Наименование: l.name,
            БазоваяЕдиница: { "#text": unit.short, "@_Код": unit.code },
            ЦенаЗаЕдиницу: rub(l.unitPriceKopecks),
            Количество: l.quantity.toString(),
            Сумма: rub(l.grossKopecks),
            СтавкиНалогов: {
              СтавкаНалога: { Наименование: "НДС", Ставка: commerceMlVatRate(l.vatRate as VatRateCode) },
            },
            Налоги: { Налог: { Наименование: "НДС", УчтеноВСумме: "true", Сумма: rub(l.vatKopecks) } },
            ЗначенияРеквизитов: requisites([
              ["ВидНоменклатуры", "Товар"],
              ["ТипНоменклатуры", "Товар"],
            ]),
          };
        }),
        ...(o.deliveryCostKopecks > 0n
          ? [
              {
                Ид: "ORDER_DELIVERY",
                Наименование: "Доставка заказа",
                БазоваяЕдиница: { "#text": "шт", "@_Код": "796" },
                ЦенаЗаЕдиницу: rub(o.deliveryCostKopecks),
                Количество: "1",
                Сумма: rub(o.deliveryCostKopecks),
                ЗначенияРеквизитов: requisites([
                  ["ВидНоменклатуры", "Услуга"],
                  ["ТипНоменклатуры", "Услуга"],
                ]),
              },
            ]
          : []),
      ],
    },
    ЗначенияРеквизитов: requisites([
      ["Статус заказа", STATUS_RU[o.status] ?? o.status],
      ["Адрес доставки", o.deliveryAddress],
      ["Отменен", o.status === "CANCELLED" ? "true" : "false"],
      ...(o.cancelReason ? ([["Причина отмены", o.cancelReason]] as [string, string][]) : []),
    ]),
  };
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  suppressEmptyNode: true,
});

export function buildOrdersXml(orders: ExportOrder[], now: Date = new Date()): string {
  const { date, time } = moscow(now);
  const body = builder.build({
    КоммерческаяИнформация: {
      "@_ВерсияСхемы": "2.08",
      "@_ДатаФормирования": `${date}T${time}`,
      Документ: orders.map(documentOf),
    },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

/**
 * What 1C says about an order (orders.xml requisites) → the marketplace step to try. Recognises the standard flags
 * «Отменен», «Проведен», «Дата оплаты по 1С», «Дата отгрузки по 1С» and the «Статус заказа» names.
 */
export function stepsFromRequisites(req: Record<string, string>): ("confirm" | "markPaid" | "ship" | "cancel")[] {
  const yes = (name: string) => (req[name] ?? "").trim().toLowerCase() === "true";
  const has = (name: string) => (req[name] ?? "").trim() !== "" && !/^0001-01-01/.test(req[name] ?? "");
  if (yes("Отменен") || yes("ПометкаУдаления")) return ["cancel"];
  const status = (req["Статус заказа"] ?? "").trim().toLowerCase();
  const steps: ("confirm" | "markPaid" | "ship")[] = [];
  if (yes("Проведен") || /подтвержд|в работе|принят/.test(status)) steps.push("confirm");
  if (has("Дата оплаты по 1С") || yes("Оплачен") || /оплачен/.test(status)) steps.push("confirm", "markPaid");
  if (has("Дата отгрузки по 1С") || yes("Отгружен") || /отгружен/.test(status))
    steps.push("confirm", "markPaid", "ship");
  if (/отмен/.test(status)) return ["cancel"];
  return [...new Set(steps)];
}
