import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * CommerceML 2 (versions 2.05–2.10) reader: import.xml (Классификатор + Каталог), offers.xml (ПакетПредложений) and
 * orders.xml (Документ). Pure: bytes in, plain objects out; nothing here touches the database.
 */

export const MAX_XML_BYTES = 50 * 1024 * 1024;
export const MAX_ITEMS = 100_000;

export class CommerceMlError extends Error {}

export interface CmlGroup {
  id: string;
  name: string;
  parentId: string | null;
}

export interface CmlProperty {
  id: string;
  name: string;
  /** ИдЗначения → Значение for reference-book properties */
  values: Record<string, string>;
}

export interface CmlProduct {
  id: string;
  sku: string | null;
  name: string;
  description: string | null;
  groupIds: string[];
  unitCode: string | null;
  vatRate: string | null;
  manufacturer: string | null;
  images: string[];
  /** property name → value (reference values resolved) */
  properties: Record<string, string>;
  deleted: boolean;
}

export interface CmlCatalog {
  version: string | null;
  changesOnly: boolean;
  groups: CmlGroup[];
  properties: CmlProperty[];
  products: CmlProduct[];
}

export interface CmlPriceType {
  id: string;
  name: string;
  currency: string | null;
  /** Налог/УчтеноВСумме: the price already contains VAT */
  vatIncluded: boolean;
}

export interface CmlOffer {
  /** product Ид (a characteristic suffix «#…» is removed) */
  productId: string;
  prices: { priceTypeId: string; unitPrice: string; currency: string | null }[];
  quantity: number | null;
}

export interface CmlOffers {
  version: string | null;
  changesOnly: boolean;
  priceTypes: CmlPriceType[];
  offers: CmlOffer[];
}

export interface CmlOrderDocument {
  id: string;
  number: string | null;
  /** ЗначенияРеквизитов name → value */
  requisites: Record<string, string>;
  deleted: boolean;
}

const ARRAYS = new Set([
  "Группа",
  "Свойство",
  "СвойствоНоменклатуры",
  "Справочник",
  "Товар",
  "ЗначенияСвойства",
  "СтавкаНалога",
  "ЗначениеРеквизита",
  "Картинка",
  "ТипЦены",
  "Предложение",
  "Цена",
  "Остаток",
  "Склад",
  "Документ",
  "Контрагент",
  "Значение",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

/** Decodes UTF-8 (with or without BOM) or windows-1251 as declared in the XML prolog. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_XML_BYTES) throw new CommerceMlError("file too large");
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /encoding=["']([\w-]+)["']/i.exec(head)?.[1]?.toLowerCase();
  const encoding = declared === "windows-1251" || declared === "cp1251" ? "windows-1251" : "utf-8";
  return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, "");
}

function parseRoot(bytes: Uint8Array): Node {
  const xml = decodeXml(bytes);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new CommerceMlError(`invalid XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = parser.parse(xml) as Node;
  const root = doc.КоммерческаяИнформация as Node | undefined;
  if (!root || typeof root !== "object")
    throw new CommerceMlError("not a CommerceML document (no КоммерческаяИнформация)");
  return root;
}

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "object" && "#text" in (v as Node)) return text((v as Node)["#text"]);
  return null;
}

function list(v: unknown): Node[] {
  if (v === undefined || v === null || v === "") return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Node => typeof x === "object" && x !== null);
}

function child(node: Node | undefined, name: string): Node | undefined {
  const v = node?.[name];
  if (Array.isArray(v)) return v[0] as Node;
  return typeof v === "object" && v !== null ? (v as Node) : undefined;
}

function isTrue(v: unknown): boolean {
  return text(v)?.trim().toLowerCase() === "true";
}

/** `СодержитТолькоИзменения` as an attribute (2.05–2.07) or a child element (2.08+). */
function changesOnly(node: Node | undefined): boolean {
  return isTrue(node?.["@СодержитТолькоИзменения"]) || isTrue(node?.СодержитТолькоИзменения);
}

function requireId(node: Node, what: string): string {
  const id = text(node.Ид)?.trim();
  if (!id) throw new CommerceMlError(`${what} without Ид`);
  return id;
}

function collectGroups(nodes: Node[], parentId: string | null, out: CmlGroup[]) {
  for (const g of nodes) {
    const id = requireId(g, "Группа");
    out.push({ id, name: text(g.Наименование)?.trim() || id, parentId });
    collectGroups(list(child(g, "Группы")?.Группа), id, out);
  }
}

function readProperties(classifier: Node | undefined): CmlProperty[] {
  const holder = child(classifier, "Свойства");
  const nodes = [...list(holder?.Свойство), ...list(holder?.СвойствоНоменклатуры)];
  return nodes.map((p) => {
    const values: Record<string, string> = {};
    for (const ref of list(child(p, "ВариантыЗначений")?.Справочник)) {
      const vid = text(ref.ИдЗначения);
      const value = text(ref.Значение);
      if (vid && value !== null) values[vid] = value;
    }
    return { id: requireId(p, "Свойство"), name: text(p.Наименование)?.trim() ?? "", values };
  });
}

function readProduct(t: Node, properties: Map<string, CmlProperty>): CmlProduct {
  const id = requireId(t, "Товар");
  const props: Record<string, string> = {};
  for (const pv of list(child(t, "ЗначенияСвойств")?.ЗначенияСвойства)) {
    const prop = properties.get(text(pv.Ид) ?? "");
    const raw = text(pv.Значение);
    if (!prop || raw === null || raw === "") continue;
    props[prop.name] = prop.values[raw] ?? raw;
  }
  const vat = list(child(t, "СтавкиНалогов")?.СтавкаНалога).find((s) =>
    (text(s.Наименование) ?? "НДС").toUpperCase().includes("НДС"),
  );
  const unit = child(t, "БазоваяЕдиница");
  const requisites = readRequisites(t);
  return {
    id,
    sku: text(t.Артикул)?.trim() || null,
    name: text(t.Наименование)?.trim() || requisites["Полное наименование"] || id,
    description: text(t.Описание)?.trim() || null,
    groupIds: ((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]))(child(t, "Группы")?.Ид)
      .map((x) => text(x)?.trim() ?? "")
      .filter(Boolean),
    unitCode: unit ? (text(unit["@Код"]) ?? null) : null,
    vatRate: vat ? text(vat.Ставка) : null,
    manufacturer: text(child(t, "Изготовитель")?.Наименование)?.trim() || null,
    images: (Array.isArray(t.Картинка) ? t.Картинка : []).map((x) => text(x)?.trim() ?? "").filter(Boolean),
    properties: props,
    deleted: text(t["@Статус"]) === "Удален" || isTrue(t.ПометкаУдаления),
  };
}

function readRequisites(node: Node): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of list(child(node, "ЗначенияРеквизитов")?.ЗначениеРеквизита)) {
    const name = text(r.Наименование)?.trim();
    const value = text(r.Значение);
    if (name) out[name] = value ?? "";
  }
  return out;
}

/** import.xml → groups, properties and products. */
export function parseCatalog(bytes: Uint8Array): CmlCatalog {
  const root = parseRoot(bytes);
  const classifier = child(root, "Классификатор");
  const catalog = child(root, "Каталог");
  const groups: CmlGroup[] = [];
  collectGroups(list(child(classifier, "Группы")?.Группа), null, groups);
  const properties = readProperties(classifier);
  const byId = new Map(properties.map((p) => [p.id, p]));
  const nodes = list(child(catalog, "Товары")?.Товар);
  if (nodes.length > MAX_ITEMS) throw new CommerceMlError(`more than ${MAX_ITEMS} products in one file`);
  return {
    version: text(root["@ВерсияСхемы"]),
    changesOnly: changesOnly(catalog) || changesOnly(classifier),
    groups,
    properties,
    products: nodes.map((t) => readProduct(t, byId)),
  };
}

function num(v: string | null): number | null {
  if (v === null) return null;
  const n = Number(v.replace(/\s/g, "").replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/** Stock of an offer: `Количество`, else the sum of `Остатки/Остаток` (2.09+: per Склад) or `Склад@КоличествоНаСкладе`. */
function offerQuantity(o: Node): number | null {
  const direct = num(text(o.Количество));
  if (direct !== null) return direct;
  let total: number | null = null;
  const add = (n: number | null) => {
    if (n !== null) total = (total ?? 0) + n;
  };
  for (const rest of list(child(o, "Остатки")?.Остаток)) {
    const stores = list(rest.Склад);
    if (stores.length === 0) add(num(text(rest.Количество)));
    for (const s of stores) add(num(text(s.Количество)));
  }
  for (const s of list(o.Склад)) add(num(text(s["@КоличествоНаСкладе"])));
  return total;
}

/** offers.xml → price types and offers (prices, stock). */
export function parseOffers(bytes: Uint8Array): CmlOffers {
  const root = parseRoot(bytes);
  const pack = child(root, "ПакетПредложений") ?? child(root, "ИзмененияПакетаПредложений");
  if (!pack) throw new CommerceMlError("no ПакетПредложений");
  const priceTypes = list(child(pack, "ТипыЦен")?.ТипЦены).map((p) => ({
    id: requireId(p, "ТипЦены"),
    name: text(p.Наименование)?.trim() ?? "",
    currency: text(p.Валюта),
    vatIncluded: isTrue(child(p, "Налог")?.УчтеноВСумме),
  }));
  const nodes = list(child(pack, "Предложения")?.Предложение);
  if (nodes.length > MAX_ITEMS) throw new CommerceMlError(`more than ${MAX_ITEMS} offers in one file`);
  return {
    version: text(root["@ВерсияСхемы"]),
    changesOnly: changesOnly(pack) || "ИзмененияПакетаПредложений" in root,
    priceTypes,
    offers: nodes.map((o) => ({
      productId: requireId(o, "Предложение").split("#")[0],
      prices: list(child(o, "Цены")?.Цена).map((c) => ({
        priceTypeId: text(c.ИдТипаЦены) ?? "",
        unitPrice: text(c.ЦенаЗаЕдиницу) ?? "",
        currency: text(c.Валюта),
      })),
      quantity: offerQuantity(o),
    })),
  };
}

/** orders.xml from 1C → the documents with their requisites (status flags). */
export function parseOrders(bytes: Uint8Array): CmlOrderDocument[] {
  const root = parseRoot(bytes);
  const docs = [...list(root.Документ), ...list(child(root, "Документы")?.Документ)];
  return docs.map((d) => ({
    id: requireId(d, "Документ"),
    number: text(d.Номер),
    requisites: readRequisites(d),
    deleted: isTrue(d.ПометкаУдаления),
  }));
}

/** Which kind of CommerceML file this is, by its root content. */
export function sniffCommerceMl(bytes: Uint8Array): "catalog" | "offers" | "orders" | null {
  const head = decodeXml(bytes.subarray(0, Math.min(bytes.byteLength, 64 * 1024)));
  if (!head.includes("КоммерческаяИнформация")) return null;
  if (/<(ПакетПредложений|ИзмененияПакетаПредложений)[\s>]/.test(head)) return "offers";
  if (/<Документ[\s>]/.test(head)) return "orders";
  if (/<(Каталог|Классификатор)[\s>]/.test(head)) return "catalog";
  return null;
}
