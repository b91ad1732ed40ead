import iconv from "iconv-lite";
import { rub, taxRateXml, type UpdData, type UpdParty } from "./upd";

/**
 * The УПД as the ЭДО XML of format 5.03 (приказ ФНС ЕД-7-26/970@): root `Файл` with `ВерсФорм="5.03"`, document
 * function СЧФДОП (счёт-фактура + передаточный документ), seller/buyer with ИНН/КПП, the table of goods with ОКЕИ, НДС
 * by line and totals, the transfer details and the signer. The format prescribes windows-1251; `encodeUpdXml` turns the
 * text into those bytes (iconv-lite). The structure is checked by tests/integration/orders/upd-xml-schema.ts (the FNS
 * XSD is not in the repo — ADR 0017).
 */
export const UPD_XML_ENCODING = "windows-1251";
export const UPD_FORMAT_VERSION = "5.03";
export const UPD_KND = "1115131";
export const PROGRAM = "СнабМост 1.0";

type Attrs = Record<string, string | null | undefined>;
interface El {
  name: string;
  attrs?: Attrs;
  children?: (El | string)[];
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function write(el: El, indent: string): string {
  const attrs = Object.entries(el.attrs ?? {})
    .filter((e): e is [string, string] => e[1] !== null && e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
  const children = el.children ?? [];
  if (children.length === 0) return `${indent}<${el.name}${attrs}/>`;
  if (children.length === 1 && typeof children[0] === "string")
    return `${indent}<${el.name}${attrs}>${escapeXml(children[0])}</${el.name}>`;
  const inner = children.map((c) => (typeof c === "string" ? `${indent}  ${escapeXml(c)}` : write(c, `${indent}  `)));
  return `${indent}<${el.name}${attrs}>\n${inner.join("\n")}\n${indent}</${el.name}>`;
}

const el = (name: string, attrs?: Attrs, ...children: (El | string)[]): El => ({ name, attrs, children });

function party(p: UpdParty, withBank: boolean): El[] {
  const org = el("ИдСв", undefined, el("СвЮЛУч", { НаимОрг: p.legalName, ИННЮЛ: p.inn, КПП: p.kpp ?? undefined }));
  const address = el("Адрес", undefined, el("АдрИнф", { КодСтр: "643", НаимСтран: "Россия", АдрТекст: p.address }));
  const out = [org, address];
  if (withBank && p.settlementAccount && p.bik) {
    out.push(
      el(
        "БанкРекв",
        { НомерСчета: p.settlementAccount },
        el("СвБанк", { НаимБанк: p.bankName ?? undefined, БИК: p.bik, КорСчет: p.correspondentAccount ?? undefined }),
      ),
    );
  }
  return out;
}

export function renderUpdXml(d: UpdData): string {
  const rows = d.lines.map((l) =>
    el(
      "СведТов",
      {
        НомСтр: String(l.n),
        НаимТов: l.name,
        ОКЕИ_Тов: l.okei,
        НаимЕдИзм: l.unitName,
        КолТов: l.quantity,
        ЦенаТов: rub(l.priceKopecks),
        СтТовБезНДС: rub(l.amounts.net),
        НалСт: taxRateXml(l.vatRate),
        СтТовУчНал: rub(l.amounts.gross),
      },
      el("Акциз", undefined, el("БезАкциз", undefined, "без акциза")),
      el(
        "СумНал",
        undefined,
        taxRateXml(l.vatRate) === "без НДС"
          ? el("БезНДС", undefined, "без НДС")
          : el("СумНал", undefined, rub(l.amounts.vat)),
      ),
    ),
  );
  const untaxed = d.lines.every((l) => taxRateXml(l.vatRate) === "без НДС");
  const doc = el(
    "Файл",
    { ИдФайл: d.fileId, ВерсФорм: UPD_FORMAT_VERSION, ВерсПрог: PROGRAM },
    el(
      "Документ",
      {
        КНД: UPD_KND,
        Функция: "СЧФДОП",
        ПоФактХЖ:
          "Документ об отгрузке товаров (выполнении работ), передаче имущественных прав (документ об оказании услуг)",
        НаимДокОпр:
          "Счет-фактура и документ об отгрузке товаров (выполнении работ), передаче имущественных прав (документ об оказании услуг)",
        ДатаИнфПр: d.generatedDate,
        ВремИнфПр: d.generatedTime,
        НаимЭконСубСост: d.seller.legalName,
      },
      el(
        "СвСчФакт",
        { НомерДок: d.number, ДатаДок: d.date },
        el("СвПрод", undefined, ...party(d.seller, true)),
        el("ГрузОт", undefined, el("ОнЖе", undefined, "он же")),
        el(
          "ГрузПолуч",
          undefined,
          el("ИдСв", undefined, el("СвЮЛУч", { НаимОрг: d.buyer.legalName, ИННЮЛ: d.buyer.inn, КПП: d.buyer.kpp })),
          el("Адрес", undefined, el("АдрИнф", { КодСтр: "643", НаимСтран: "Россия", АдрТекст: d.consigneeAddress })),
        ),
        el("СвПокуп", undefined, ...party(d.buyer, false)),
        el("ДенИзм", { КодОКВ: "643", НаимОКВ: "Российский рубль" }),
      ),
      el(
        "ТаблСчФакт",
        undefined,
        ...rows,
        el(
          "ВсегоОпл",
          { СтТовБезНДСВсего: rub(d.total.net), СтТовУчНалВсего: rub(d.total.gross) },
          el(
            "СумНалВсего",
            undefined,
            untaxed ? el("БезНДС", undefined, "без НДС") : el("СумНал", undefined, rub(d.total.vat)),
          ),
        ),
      ),
      el(
        "СвПродПер",
        undefined,
        el(
          "СвПер",
          { СодОпер: "Товары переданы", ДатаПер: d.transferDate },
          el("ОснПер", { РеквНаимДок: d.basis.name, РеквНомерДок: d.basis.number, РеквДатаДок: d.basis.date }),
          ...(d.waybill
            ? [el("ТранГруз", undefined, el("ТранНакл", { НомТранНакл: d.waybill, ДатаТранНакл: d.transferDate }))]
            : []),
        ),
      ),
      el(
        "Подписант",
        { ТипПодпис: "1", СпосПодтПолном: "1", Должн: d.signer.position },
        el("ФИО", { Фамилия: d.signer.lastName, Имя: d.signer.firstName, Отчество: d.signer.middleName }),
      ),
    ),
  );
  return `<?xml version="1.0" encoding="${UPD_XML_ENCODING}"?>\n${write(doc, "")}\n`;
}

const SPECIAL: Record<string, string> = { "×": "x", "−": "-", "⌀": "D", Ø: "D", ø: "d" };

function fits(ch: string): boolean {
  return iconv.decode(iconv.encode(ch, UPD_XML_ENCODING), UPD_XML_ENCODING) === ch;
}

/**
 * The XML text as windows-1251 bytes. A character the code page lacks (м³, мм², ×) becomes its compatibility form
 * (м3, мм2) or a plain look-alike; anything else left becomes "?" rather than a wrong letter.
 */
export function encodeUpdXml(xml: string): Buffer {
  let text = xml;
  if (iconv.decode(iconv.encode(xml, UPD_XML_ENCODING), UPD_XML_ENCODING) !== xml) {
    text = Array.from(xml, (ch) => {
      if (fits(ch)) return ch;
      const alt = SPECIAL[ch] ?? ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      return alt && Array.from(alt).every(fits) ? alt : "?";
    }).join("");
  }
  return iconv.encode(text, UPD_XML_ENCODING);
}
