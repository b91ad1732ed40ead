import { type Actor, requireBuyer } from "~/modules/accounts/actor";
import { PUBLIC_PRODUCT_WHERE } from "~/modules/catalog/catalog.server";
import { sniffFileKind, zipInflatesWithin } from "~/modules/files/files.server";
import { parseUnit, type UnitCode } from "~/modules/money/units";
import { suggest } from "~/modules/search/search.server";
import { getPrisma } from "~/utils/db.server";
import { parseSpreadsheet, parseSpreadsheetText, type Sheet, SheetError } from "~/utils/spreadsheet.server";
import { type Cell, cellText, HEADER_SYNONYMS, mapHeadersBySynonyms } from "~/utils/spreadsheet-cells";
import { MAX_RFQ_LINES, rfqItemSchema } from "./rfq.schema";
import { readRfqForm } from "./upload.server";

/**
 * RFQ lines from a спецификация: rows pasted from Excel or an uploaded XLSX/CSV are mapped to line fields by their
 * headers (the synonyms the catalog import uses), validated per row, and matched to published catalog products — by
 * code (exact, then ignoring case, spaces and punctuation) and else by name through the search module — with
 * candidates to pick from. Nothing is stored: the buyer sees the preview and adds the lines to the draft.
 */

/** An RFQ has at most this many lines (rfqPublishSchema). */
export const SPEC_MAX_LINES = MAX_RFQ_LINES;
/** The largest спецификация file read (bytes): 200 lines fit in far less. */
export const SPEC_MAX_BYTES = 2 * 1024 * 1024;
/** The most pasted text read (characters). */
export const SPEC_MAX_TEXT = 512 * 1024;

export const SPEC_FIELDS = ["name", "code", "quantity", "unit", "specs", "notes"] as const;
export type SpecField = (typeof SPEC_FIELDS)[number];

const SPEC_SYNONYMS: Record<SpecField, string[]> = {
  name: [
    ...HEADER_SYNONYMS.title,
    "наименование продукции",
    "наименование оборудования",
    "наименование материала",
    "наименование и техническая характеристика",
    "позиция",
    "номенклатура",
    "description",
  ],
  code: [...HEADER_SYNONYMS.sku, "обозначение", "тип марка", "марка", "код продукции", "каталожный номер", "code"],
  quantity: ["количество", "кол во", "кол", "колво", "qty", "quantity", "объем", "потребность"],
  unit: [...HEADER_SYNONYMS.unit, "ед измерения", "единица изм", "ед изм океи"],
  specs: [
    "характеристики",
    "технические характеристики",
    "требуемые характеристики",
    "требования",
    "технические требования",
    "параметры",
    "specs",
    "specification",
    "requirements",
  ],
  notes: ["примечание", "примечания", "комментарий", "комментарии", "note", "notes", "comment"],
};

/** Columns in this order when the first row is not a recognisable header (rows pasted without one). */
const POSITIONAL: SpecField[] = ["name", "code", "quantity", "unit", "specs", "notes"];

export interface SpecCandidate {
  productId: string;
  title: string;
  sku: string;
  supplierName: string;
}

export interface SpecRowError {
  /** column header as in the file (or the field name when the file has no header) */
  column: string;
  /** i18n key of the rfq namespace */
  message: string;
}

export interface SpecLine {
  /** 1-based row number in the file / pasted text */
  row: number;
  name: string;
  code: string;
  quantity: string;
  unit: UnitCode;
  notes: string;
  errors: SpecRowError[];
  /** the product picked automatically: by code, or a name that is the product's title */
  match: { productId: string; by: "code" | "name" } | null;
  candidates: SpecCandidate[];
}

export interface SpecPreview {
  columns: { header: string; field: SpecField | "" }[];
  lines: SpecLine[];
}

export class SpecImportError extends Error {
  constructor(
    readonly code: "bad_type" | "too_large" | "empty" | "no_header" | "too_many_rows" | "unreadable" | "no_name",
    readonly params: Record<string, string | number> = {},
  ) {
    super(`spec import ${code}`);
  }
}

/** Reads an uploaded спецификация: XLSX or CSV by content and extension, bounded in size and rows. */
export async function readSpecFile(file: { name: string; bytes: Uint8Array }, maxRows = SPEC_MAX_LINES) {
  if (file.bytes.byteLength === 0) throw new SpecImportError("empty");
  if (file.bytes.byteLength > SPEC_MAX_BYTES)
    throw new SpecImportError("too_large", { max: SPEC_MAX_BYTES / 1024 / 1024 });
  const kind = sniffFileKind(file.bytes, file.name);
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  const ok = (kind === "xlsx" && ext === "xlsx") || (kind === "csv" && (ext === "csv" || ext === "tsv"));
  if (!ok) throw new SpecImportError("bad_type");
  if (kind === "xlsx" && !zipInflatesWithin(file.bytes)) throw new SpecImportError("too_large", { max: 2 });
  return guard(() => parseSpreadsheet(file.bytes, kind, { maxRows }), maxRows);
}

/** Reads rows pasted from a spreadsheet (tab-separated). */
export async function readSpecText(text: string, maxRows = SPEC_MAX_LINES) {
  if (text.trim() === "") throw new SpecImportError("empty");
  if (text.length > SPEC_MAX_TEXT) throw new SpecImportError("too_large", { max: SPEC_MAX_TEXT / 1024 / 1024 });
  return guard(async () => parseSpreadsheetText(text, { maxRows }), maxRows);
}

async function guard(read: () => Promise<Sheet>, maxRows: number): Promise<Sheet> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof SheetError) throw new SpecImportError(error.code, { max: maxRows });
    throw error;
  }
}

/** Decimal text of a quantity cell: numbers as they are, «1 234,5» → "1234.5". */
function quantityText(cell: Cell | undefined): string {
  if (typeof cell === "number") return String(cell);
  return cellText(cell)
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".");
}

/** Maps columns and validates every row (errors name the row and the column). */
export function specLinesFromSheet(sheet: Sheet): { columns: SpecPreview["columns"]; lines: SpecLine[] } {
  let mapping = mapHeadersBySynonyms(sheet.headers, SPEC_SYNONYMS);
  let headers = sheet.headers;
  let rows = sheet.rows;
  let rowNumbers = sheet.rowNumbers;
  if (!mapping.includes("name") && !mapping.includes("quantity")) {
    // no header: the first row is data, columns in the usual order
    const headerRow = (sheet.rowNumbers[0] ?? 2) - 1;
    rows = [sheet.headers, ...sheet.rows];
    rowNumbers = [headerRow, ...sheet.rowNumbers];
    mapping = sheet.headers.map((_, i) => POSITIONAL[i] ?? "");
    headers = mapping.map((f) => f);
  }
  if (!mapping.includes("name")) throw new SpecImportError("no_name");
  const col = (field: SpecField) => mapping.indexOf(field);
  const header = (field: SpecField) => headers[col(field)] || field;
  const lines = rows.map((row, i): SpecLine => {
    const get = (field: SpecField) => (col(field) >= 0 ? cellText(row[col(field)]) : "");
    const errors: SpecRowError[] = [];
    const name = get("name");
    const code = get("code");
    if (!name && !code) errors.push({ column: header("name"), message: "spec.errors.name" });
    if (name.length > 300) errors.push({ column: header("name"), message: "errors.tooLong" });
    let quantity = col("quantity") >= 0 ? quantityText(row[col("quantity")]) : "1";
    if (quantity === "") quantity = "";
    const q = rfqItemSchema.shape.quantity.safeParse(quantity === "" ? undefined : quantity);
    if (!q.success) {
      errors.push({ column: header("quantity"), message: q.error.issues[0]?.message ?? "errors.quantityNumber" });
    } else quantity = String(q.data);
    const unitText = get("unit");
    const unit = unitText ? parseUnit(unitText) : "pcs";
    if (!unit)
      errors.push({ column: header("unit"), message: `spec.errors.unit::${JSON.stringify({ unit: unitText })}` });
    const specs = get("specs");
    const note = get("notes");
    const notes = [specs, note].filter(Boolean).join("\n");
    if (notes.length > 2000) errors.push({ column: header(specs ? "specs" : "notes"), message: "errors.tooLong" });
    const fullName = code && !name.includes(code) ? (name ? `${name} (${code})` : code) : name;
    return {
      row: rowNumbers[i],
      name: fullName.slice(0, 300),
      code,
      quantity,
      unit: unit ?? "pcs",
      notes,
      errors,
      match: null,
      candidates: [],
    };
  });
  return { columns: headers.map((h, i) => ({ header: h, field: mapping[i] })), lines };
}

const CODE_PUNCTUATION = /[^0-9A-Za-zА-Яа-яЁё]+/g;
const UPPER_RU = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
const LOWER_RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";

/** Case, spaces and punctuation do not count in a product code: «ТМГ 630/10» = «тмг-630-10». */
export function normalizeCode(code: string): string {
  return code.replace(CODE_PUNCTUATION, "").toLowerCase();
}

const NAME_CANDIDATES = 3;

/**
 * Matches lines to published products: a line with a code takes the products with that code (exact, else normalised);
 * other lines search by name (search module), the first hit is picked only when its title is the line's name.
 */
export async function matchSpecLines(lines: SpecLine[]): Promise<SpecLine[]> {
  const db = getPrisma();
  const codes = [...new Set(lines.map((l) => l.code).filter(Boolean))];
  const byCode = new Map<string, SpecCandidate[]>();
  if (codes.length) {
    // the database compares codes without punctuation and case; explicit letter ranges and a Cyrillic case map, so
    // the comparison is the same under any collation (lower() alone leaves Cyrillic alone in the C locale)
    const normalized = [...new Set(codes.map(normalizeCode).filter(Boolean))];
    const ids = normalized.length
      ? await db.$queryRaw<{ id: string }[]>`
          SELECT id FROM product
          WHERE lower(translate(regexp_replace(sku, '[^0-9A-Za-zА-Яа-яЁё]+', '', 'g'), ${UPPER_RU}, ${LOWER_RU}))
            = ANY(${normalized}::text[])
          LIMIT 2000`
      : [];
    const products = await db.product.findMany({
      where: { ...PUBLIC_PRODUCT_WHERE, OR: [{ sku: { in: codes } }, { id: { in: ids.map((r) => r.id) } }] },
      select: { id: true, title: true, sku: true, supplier: { select: { shortName: true, verifiedAt: true } } },
      orderBy: [{ supplier: { verifiedAt: { sort: "asc", nulls: "last" } } }, { title: "asc" }],
    });
    for (const p of products) {
      const key = normalizeCode(p.sku);
      const list = byCode.get(key) ?? [];
      list.push({ productId: p.id, title: p.title, sku: p.sku, supplierName: p.supplier.shortName });
      byCode.set(key, list);
    }
  }
  const out: SpecLine[] = [];
  // name searches a few at a time: the search engine is shared with everyone browsing the catalog
  for (let i = 0; i < lines.length; i += 4) {
    const batch = lines.slice(i, i + 4);
    out.push(
      ...(await Promise.all(
        batch.map(async (line): Promise<SpecLine> => {
          if (line.errors.length) return line;
          const exact = line.code ? (byCode.get(normalizeCode(line.code)) ?? []) : [];
          if (exact.length) {
            const first = exact.find((c) => c.sku === line.code) ?? exact[0];
            return { ...line, match: { productId: first.productId, by: "code" }, candidates: exact.slice(0, 10) };
          }
          const query = line.name.slice(0, 200);
          if (query.trim().length < 2) return line;
          const hits = (await suggest(query, NAME_CANDIDATES)).products;
          const candidates = hits.map((h) => ({
            productId: h.id,
            title: h.card.title,
            sku: h.card.sku,
            supplierName: h.card.supplierName,
          }));
          const same = candidates.find((c) => normalizeCode(c.title) === normalizeCode(line.name));
          return { ...line, match: same ? { productId: same.productId, by: "name" } : null, candidates };
        }),
      )),
    );
  }
  return out;
}

/** The preview of a спецификация (file or pasted text) for the buyer's RFQ form. */
export async function previewSpecification(
  actor: Actor,
  input: { file?: { name: string; bytes: Uint8Array }; text?: string; existingLines?: number },
): Promise<SpecPreview> {
  requireBuyer(actor);
  const room = Math.max(0, SPEC_MAX_LINES - (input.existingLines ?? 0));
  if (room === 0) throw new SpecImportError("too_many_rows", { max: SPEC_MAX_LINES });
  const sheet = input.file ? await readSpecFile(input.file, room) : await readSpecText(input.text ?? "", room);
  const { columns, lines } = specLinesFromSheet(sheet);
  return { columns, lines: await matchSpecLines(lines) };
}

/**
 * The action of /rfq/spec-preview: a file (`specFile`) or pasted text (`specText`) → JSON preview; a bad file or text
 * answers 422 `{ code, message, params }` (message = i18n key of the rfq namespace).
 */
export async function handleSpecPreview(request: Request, actor: Actor, readForm: typeof readRfqForm = readRfqForm) {
  requireBuyer(actor);
  const { form, uploads } = await readForm(request, "specFile");
  const upload = uploads[0];
  const existingLines = Math.max(0, Math.min(SPEC_MAX_LINES, Number(form.get("existingLines")) || 0));
  try {
    if (upload?.tooLarge) throw new SpecImportError("too_large", { max: SPEC_MAX_BYTES / 1024 / 1024 });
    const file = upload
      ? { name: upload.file.name, bytes: new Uint8Array(await upload.file.arrayBuffer()) }
      : undefined;
    const text = typeof form.get("specText") === "string" ? String(form.get("specText")) : "";
    const preview = await previewSpecification(actor, { file, text, existingLines });
    return Response.json(preview);
  } catch (error) {
    if (error instanceof SpecImportError) {
      return Response.json(
        { code: error.code, message: `spec.errors.file_${error.code}`, params: error.params },
        { status: 422 },
      );
    }
    throw error;
  }
}
