import iconv from "iconv-lite";
import { SaxesParser } from "saxes";

/**
 * A structural schema of the УПД XML, format 5.03 (приказ ФНС ЕД-7-26/970@), for what SnabMost writes: which elements
 * and attributes are required, how often elements occur and the value formats (ИНН/КПП, dates ДД.ММ.ГГГГ, amounts with
 * two decimals, НалСт values, ОКЕИ codes, the file id naming rule). The FNS XSD itself cannot be fetched here and is not
 * in the repo, so this is our reading of the format description (ADR 0017) — it does not replace validation against the
 * XSD once it is available.
 */
interface Attr {
  required?: boolean;
  pattern?: RegExp;
}
interface ElementRule {
  attrs?: Record<string, Attr>;
  children?: Record<string, { min?: number; max?: number; rule: ElementRule }>;
  /** exactly one of these children must be present */
  choice?: string[];
  text?: RegExp;
}

const INN_UL = /^\d{10}$/;
const KPP = /^\d{4}[\dA-Z]{2}\d{3}$/;
const DATE = /^(0[1-9]|[12]\d|3[01])\.(0[1-9]|1[0-2])\.(19|20)\d{2}$/;
const TIME = /^([01]\d|2[0-3])\.[0-5]\d\.[0-5]\d$/;
const AMOUNT = /^-?\d{1,17}\.\d{2}$/;
const QTY = /^\d{1,15}(\.\d{1,11})?$/;
const RATE = /^(0%|5%|7%|10%|18%|20%|22%|10\/110|18\/118|20\/120|22\/122|без НДС|НДС исчисляется налоговым агентом)$/;
const OKEI = /^\d{3,4}$/;
const TEXT = (max: number) => new RegExp(`^[^]{1,${max}}$`);
const PARTICIPANT = "[0-9A-Za-z-]{4,46}";
export const FILE_ID = new RegExp(`^ON_NSCHFDOPPR_${PARTICIPANT}_${PARTICIPANT}_\\d{8}_[0-9a-f-]{36}$`);

const req = (pattern?: RegExp): Attr => ({ required: true, pattern });
const opt = (pattern?: RegExp): Attr => ({ required: false, pattern });
const one = (rule: ElementRule) => ({ min: 1, max: 1, rule });
const maybe = (rule: ElementRule) => ({ min: 0, max: 1, rule });

const svUl: ElementRule = { attrs: { НаимОрг: req(TEXT(1000)), ИННЮЛ: req(INN_UL), КПП: opt(KPP) } };
const idSv: ElementRule = { children: { СвЮЛУч: one(svUl) } };
const address: ElementRule = {
  children: {
    АдрИнф: one({ attrs: { КодСтр: req(/^\d{3}$/), НаимСтран: opt(TEXT(255)), АдрТекст: req(TEXT(1000)) } }),
  },
};
const bank: ElementRule = {
  attrs: { НомерСчета: req(/^\d{20}$/) },
  children: {
    СвБанк: one({ attrs: { НаимБанк: opt(TEXT(1000)), БИК: req(/^\d{9}$/), КорСчет: opt(/^\d{20}$/) } }),
  },
};
const participant: ElementRule = {
  children: { ИдСв: one(idSv), Адрес: one(address), БанкРекв: maybe(bank) },
};
const taxSum: ElementRule = {
  choice: ["СумНал", "БезНДС"],
  children: { СумНал: maybe({ text: AMOUNT }), БезНДС: maybe({ text: /^без НДС$/ }) },
};

export const UPD_503_SCHEMA: { root: string; rule: ElementRule } = {
  root: "Файл",
  rule: {
    attrs: { ИдФайл: req(FILE_ID), ВерсФорм: req(/^5\.03$/), ВерсПрог: req(TEXT(40)) },
    children: {
      Документ: one({
        attrs: {
          КНД: req(/^1115131$/),
          Функция: req(/^(СЧФ|СЧФДОП|ДОП)$/),
          ПоФактХЖ: opt(TEXT(255)),
          НаимДокОпр: req(TEXT(255)),
          ДатаИнфПр: req(DATE),
          ВремИнфПр: req(TIME),
          НаимЭконСубСост: req(TEXT(1000)),
        },
        children: {
          СвСчФакт: one({
            attrs: { НомерДок: req(TEXT(1000)), ДатаДок: req(DATE) },
            children: {
              СвПрод: { min: 1, max: 5, rule: participant },
              ГрузОт: maybe({ choice: ["ОнЖе", "ГрузОтпр"], children: { ОнЖе: maybe({ text: /^он же$/ }) } }),
              ГрузПолуч: maybe({ children: { ИдСв: one(idSv), Адрес: one(address) } }),
              СвПокуп: { min: 1, max: 5, rule: participant },
              ДенИзм: one({ attrs: { КодОКВ: req(/^\d{3}$/), НаимОКВ: req(TEXT(100)) } }),
            },
          }),
          ТаблСчФакт: one({
            children: {
              СведТов: {
                min: 1,
                max: 100000,
                rule: {
                  attrs: {
                    НомСтр: req(/^[1-9]\d{0,5}$/),
                    НаимТов: req(TEXT(1000)),
                    ОКЕИ_Тов: opt(OKEI),
                    НаимЕдИзм: opt(TEXT(255)),
                    КолТов: opt(QTY),
                    ЦенаТов: opt(/^\d{1,17}(\.\d{1,11})?$/),
                    СтТовБезНДС: opt(AMOUNT),
                    НалСт: req(RATE),
                    СтТовУчНал: opt(AMOUNT),
                  },
                  children: {
                    Акциз: one({
                      choice: ["СумАкциз", "БезАкциз"],
                      children: { БезАкциз: maybe({ text: /^без акциза$/ }), СумАкциз: maybe({ text: AMOUNT }) },
                    }),
                    СумНал: one(taxSum),
                  },
                },
              },
              ВсегоОпл: one({
                attrs: { СтТовБезНДСВсего: opt(AMOUNT), СтТовУчНалВсего: req(AMOUNT) },
                children: { СумНалВсего: one(taxSum) },
              }),
            },
          }),
          СвПродПер: one({
            children: {
              СвПер: one({
                attrs: { СодОпер: req(TEXT(255)), ДатаПер: req(DATE) },
                children: {
                  ОснПер: {
                    min: 1,
                    max: 100,
                    rule: {
                      attrs: { РеквНаимДок: req(TEXT(255)), РеквНомерДок: opt(TEXT(255)), РеквДатаДок: req(DATE) },
                    },
                  },
                  ТранГруз: maybe({
                    children: {
                      ТранНакл: {
                        min: 1,
                        max: 100,
                        rule: { attrs: { НомТранНакл: req(TEXT(255)), ДатаТранНакл: req(DATE) } },
                      },
                    },
                  }),
                },
              }),
            },
          }),
          Подписант: {
            min: 1,
            max: 100,
            rule: {
              attrs: { ТипПодпис: req(/^[1-4]$/), СпосПодтПолном: req(/^[1-6]$/), Должн: opt(TEXT(128)) },
              children: {
                ФИО: one({ attrs: { Фамилия: req(TEXT(60)), Имя: req(TEXT(60)), Отчество: opt(TEXT(60)) } }),
              },
            },
          },
        },
      }),
    },
  },
};

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

/** Parses XML bytes declared windows-1251 (decoded with iconv-lite) into a small tree; throws on malformed XML. */
export function parseUpdXml(bytes: Uint8Array): { declaration: string; root: Node } {
  const head = Buffer.from(bytes.subarray(0, 100)).toString("latin1");
  const enc = /encoding="([^"]+)"/.exec(head)?.[1] ?? "utf-8";
  const text = iconv.decode(Buffer.from(bytes), enc);
  const parser = new SaxesParser({ xmlns: false });
  const stack: Node[] = [];
  let root: Node | null = null;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const node: Node = {
      name: tag.name,
      attrs: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: "",
    };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on("text", (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(text).close();
  if (!root) throw new Error("no root element");
  return { declaration: enc, root };
}

function check(node: Node, rule: ElementRule, path: string, errors: string[]) {
  const attrs = rule.attrs ?? {};
  for (const [name, a] of Object.entries(attrs)) {
    const v = node.attrs[name];
    if (v === undefined) {
      if (a.required) errors.push(`${path}/@${name}: required`);
    } else if (a.pattern && !a.pattern.test(v)) errors.push(`${path}/@${name}: "${v}" does not match ${a.pattern}`);
  }
  for (const name of Object.keys(node.attrs)) if (!(name in attrs)) errors.push(`${path}/@${name}: not in the format`);
  const children = rule.children ?? {};
  for (const [name, c] of Object.entries(children)) {
    const found = node.children.filter((n) => n.name === name);
    if (found.length < (c.min ?? 0)) errors.push(`${path}/${name}: at least ${c.min}`);
    if (found.length > (c.max ?? 1)) errors.push(`${path}/${name}: at most ${c.max}`);
    found.forEach((n, i) => {
      check(n, c.rule, `${path}/${name}[${i + 1}]`, errors);
    });
  }
  for (const n of node.children) if (!(n.name in children)) errors.push(`${path}/${n.name}: not in the format`);
  if (rule.choice) {
    const present = rule.choice.filter((c) => node.children.some((n) => n.name === c));
    if (present.length !== 1) errors.push(`${path}: exactly one of ${rule.choice.join(", ")}`);
  }
  if (rule.text && !rule.text.test(node.text.trim())) errors.push(`${path}: text "${node.text.trim()}" invalid`);
}

/** Every violation of the structural schema, empty when the document conforms. */
export function validateUpdXml(bytes: Uint8Array): string[] {
  const { declaration, root } = parseUpdXml(bytes);
  const errors: string[] = [];
  if (declaration.toLowerCase() !== "windows-1251") errors.push(`encoding ${declaration}, expected windows-1251`);
  if (root.name !== UPD_503_SCHEMA.root) errors.push(`root ${root.name}, expected ${UPD_503_SCHEMA.root}`);
  else check(root, UPD_503_SCHEMA.rule, `/${root.name}`, errors);
  return errors;
}
