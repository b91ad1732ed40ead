import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import type { Prisma } from "~/generated/prisma/client";
import { type Actor, NotFoundError, requireSupplier } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { readStoredFileBytes, SPREADSHEET_KINDS, saveUpload, type UploadInput } from "~/modules/files/files.server";
import { type SupplierVatOptions, supplierVatOptions } from "~/modules/money/money.server";
import { unitName } from "~/modules/money/units";
import { vatPercentLabel } from "~/modules/money/vat";
import { enqueueMany } from "~/modules/outbox/outbox.server";
import { getPrisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { parseSpreadsheet, type Sheet } from "~/utils/spreadsheet.server";
import { cellText, neutralizeCell } from "~/utils/spreadsheet-cells";
import { toAttributeDef } from "../attributes";
import { SEARCH_PRODUCT_TOPIC } from "../products.server";
import { productSlug, shortHash } from "../slug";
import { canonicalSpecs } from "../specs";
import {
  type ColumnTarget,
  errorTarget,
  type ImportMapping,
  requiredFields,
  suggestMapping,
  uniqueAttributes,
} from "./mapping";
import {
  buildCategoryIndex,
  findCategory,
  type ImportCategory,
  type ImportRow,
  type RowError,
  validateImportRow,
} from "./row";

export const IMPORT_BATCH_SIZE = 1000;
const MAX_STORED_ERRORS = 5000;

async function loadCategories(): Promise<ImportCategory[]> {
  const rows = await getPrisma().category.findMany({
    where: { children: { none: {} } },
    select: {
      id: true,
      slug: true,
      nameRu: true,
      nameEn: true,
      attributes: { orderBy: [{ position: "asc" }, { code: "asc" }] },
    },
  });
  return rows.map((r) => ({ ...r, attributes: r.attributes.map(toAttributeDef) }));
}

async function readSheet(fileId: string): Promise<Sheet> {
  const { file, bytes } = await readStoredFileBytes(fileId);
  return parseSpreadsheet(new Uint8Array(bytes), file.mimeType === "text/csv" ? "csv" : "xlsx");
}

function readMapping(json: unknown): ImportMapping {
  const m = (json ?? {}) as Partial<ImportMapping>;
  return {
    columns: Array.isArray(m.columns) ? (m.columns as ColumnTarget[]) : [],
    defaultCategoryId: m.defaultCategoryId ?? null,
  };
}

/** Stores the upload (XLSX or CSV by content), reads its header and suggests a column mapping. */
export async function createImportJob(
  actor: Actor,
  input: { file: UploadInput; defaultCategoryId?: string | null },
): Promise<{ id: string }> {
  requireSupplier(actor);
  const stored = await saveUpload({
    organizationId: actor.organizationId,
    uploadedById: actor.userId,
    file: input.file,
    allowed: SPREADSHEET_KINDS,
  });
  const sheet = await readSheet(stored.id);
  const categories = await loadCategories();
  const defaultCategory = categories.find((c) => c.id === input.defaultCategoryId) ?? null;
  const attributes = defaultCategory ? defaultCategory.attributes : attributesForSheet(sheet, categories);
  const mapping: ImportMapping = {
    columns: suggestMapping(sheet.headers, attributes),
    defaultCategoryId: defaultCategory?.id ?? null,
  };
  return getPrisma().importJob.create({
    data: {
      supplierId: actor.organizationId,
      userId: actor.userId,
      fileId: stored.id,
      mapping: mapping as unknown as Prisma.InputJsonValue,
      totalRows: sheet.rows.length,
    },
    select: { id: true },
  });
}

/**
 * Attributes to match headers against when no default category is chosen: first those of the categories the file's
 * category column names (so «Номинальная мощность» means the transformers' power_kva, not a turbine's power_mw),
 * then every other category's (not deduplicated: one code may be named differently per category).
 */
function attributesForSheet(sheet: Sheet, categories: ImportCategory[]) {
  const all = categories.flatMap((c) => c.attributes);
  const categoryColumn = suggestMapping(sheet.headers, []).indexOf("field:category");
  if (categoryColumn < 0) return all;
  const index = buildCategoryIndex(categories);
  const used = new Set<ImportCategory>();
  for (const row of sheet.rows.slice(0, 1000)) {
    const found = index.get(cellText(row[categoryColumn]).toLowerCase().replace(/ё/g, "е"));
    if (found) used.add(found);
  }
  return [...[...used].flatMap((c) => c.attributes), ...all];
}

async function findJob(actor: Actor, jobId: string) {
  requireSupplier(actor);
  const job = await getPrisma().importJob.findFirst({
    where: { id: jobId, supplierId: actor.organizationId },
    include: { file: { select: { originalName: true, mimeType: true } } },
  });
  if (!job) throw new NotFoundError("import job");
  return job;
}

/** The job with its headers, mapping, the first rows (preview) and the attributes a column can map to. */
export async function getImportJob(actor: Actor, jobId: string, opts: { previewRows?: number } = {}) {
  const job = await findJob(actor, jobId);
  const mapping = readMapping(job.mapping);
  const needSheet = job.status === "UPLOADED" || job.status === "VALIDATED";
  const sheet = needSheet ? await readSheet(job.fileId) : null;
  const categories = await loadCategories();
  const defaultCategory = categories.find((c) => c.id === mapping.defaultCategoryId) ?? null;
  const attributes = defaultCategory
    ? defaultCategory.attributes
    : uniqueAttributes(categories.map((c) => c.attributes));
  const unmapped = sheet ? unmappedRequired(sheet, mapping, categories) : { fields: [], specs: [] };
  const preview = sheet
    ? sheet.rows.slice(0, opts.previewRows ?? 5).map((cells, i) => ({ rowNumber: sheet.rowNumbers[i], cells }))
    : [];
  const errors = (Array.isArray(job.errors) ? job.errors : []) as unknown as RowError[];
  const draftsCount =
    job.status === "DONE"
      ? await getPrisma().product.count({
          where: { supplierId: job.supplierId, importJobId: job.id, status: "DRAFT" },
        })
      : 0;
  return {
    id: job.id,
    status: job.status,
    fileName: job.file.originalName,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    createdCount: job.createdCount,
    updatedCount: job.updatedCount,
    unchangedCount: job.unchangedCount,
    errorCount: job.errorCount,
    /** products this import created that are still drafts (the link «Черновики этого импорта (N)») */
    draftsCount,
    errors: errors.slice(0, 50),
    headers: sheet?.headers ?? [],
    mapping,
    preview,
    attributes,
    /** what the rows will need but no column is mapped to: flagged on the mapping step, before a run */
    unmapped,
    /** the characteristics of every category, to name them in error texts */
    attributeNames: uniqueAttributes(categories.map((c) => c.attributes)).map(({ code, nameRu, nameEn }) => ({
      code,
      nameRu,
      nameEn,
    })),
    categories: needSheet ? categories.map(({ id, nameRu, nameEn }) => ({ id, nameRu, nameEn })) : [],
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

/**
 * Required fields and required characteristics that no column is mapped to: the default category's, or those of the
 * categories the sheet's category column names.
 */
function unmappedRequired(sheet: Sheet, mapping: ImportMapping, categories: ImportCategory[]) {
  const columns = sheet.headers.map((_, i) => mapping.columns[i] ?? "");
  const mapped = new Set<string>(columns);
  const defaultCategory = categories.find((c) => c.id === mapping.defaultCategoryId) ?? null;
  const used = new Map<string, ImportCategory>();
  if (defaultCategory) used.set(defaultCategory.id, defaultCategory);
  const categoryColumn = columns.indexOf("field:category");
  if (categoryColumn >= 0) {
    const index = buildCategoryIndex(categories);
    for (const cells of sheet.rows) {
      const c = findCategory(index, cellText(cells[categoryColumn]));
      if (c) used.set(c.id, c);
    }
  }
  const fields = requiredFields(defaultCategory !== null).filter((f) => !mapped.has(`field:${f}`));
  const specs = uniqueAttributes([...used.values()].map((c) => c.attributes))
    .filter((a) => a.required && !mapped.has(`spec:${a.code}`))
    .map(({ code, nameRu, nameEn, unit }) => ({ code, nameRu, nameEn, unit }));
  return { fields, specs };
}

function rowKey(errors: RowError[]) {
  return new Set(errors.map((e) => e.row));
}

interface Validated {
  rows: ImportRow[];
  errors: RowError[];
  sheet: Sheet;
}

function validateSheet(
  sheet: Sheet,
  mapping: ImportMapping,
  categories: ImportCategory[],
  vat: SupplierVatOptions,
): Validated {
  const ctx = {
    categories: buildCategoryIndex(categories),
    defaultCategory: categories.find((c) => c.id === mapping.defaultCategoryId) ?? null,
    vat,
  };
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const columns = sheet.headers.map((_, i) => mapping.columns[i] ?? "");
  if (!columns.includes("field:sku") || !columns.includes("field:title")) {
    errors.push({ row: 0, field: columns.includes("field:sku") ? "title" : "sku", code: "columnMissing" });
    return { rows, errors, sheet };
  }
  const seen = new Map<string, number>();
  sheet.rows.forEach((cells, i) => {
    const rowNumber = sheet.rowNumbers[i];
    const result = validateImportRow(cells, rowNumber, columns, ctx);
    if (result.row) {
      const first = seen.get(result.row.sku.toLowerCase());
      if (first !== undefined) {
        errors.push({ row: rowNumber, field: "sku", code: "duplicateSku" });
        return;
      }
      seen.set(result.row.sku.toLowerCase(), rowNumber);
      rows.push(result.row);
    } else errors.push(...result.errors);
  });
  for (const e of errors) {
    const column = columns.indexOf(errorTarget(e.field));
    if (column >= 0) e.column = column;
  }
  return { rows, errors, sheet };
}

/** Saves the mapping and validates every row; the job becomes VALIDATED with its row-level errors. */
export async function validateImportJob(
  actor: Actor,
  jobId: string,
  mapping: ImportMapping,
): Promise<{ validRows: number; errorRows: number; errors: RowError[] }> {
  const job = await findJob(actor, jobId);
  if (job.status === "RUNNING" || job.status === "DONE") throw new NotFoundError("import job");
  const sheet = await readSheet(job.fileId);
  const { rows, errors } = validateSheet(
    sheet,
    mapping,
    await loadCategories(),
    await supplierVatOptions(job.supplierId),
  );
  const errorRows = rowKey(errors).size;
  await getPrisma().importJob.update({
    where: { id: job.id },
    data: {
      status: "VALIDATED",
      mapping: mapping as unknown as Prisma.InputJsonValue,
      totalRows: sheet.rows.length,
      errorCount: errorRows,
      errors: errors.slice(0, MAX_STORED_ERRORS) as unknown as Prisma.InputJsonValue,
    },
  });
  return { validRows: rows.length, errorRows, errors };
}

/** Starts the import in the background (the page polls the job); returns at once. */
export async function startImportJob(actor: Actor, jobId: string): Promise<void> {
  const job = await findJob(actor, jobId);
  if (job.status !== "VALIDATED") throw new NotFoundError("import job");
  const { count } = await getPrisma().importJob.updateMany({
    where: { id: job.id, status: "VALIDATED" },
    data: { status: "RUNNING", processedRows: 0 },
  });
  if (count === 0) return;
  void runImportJob(job.id).catch((err) => logger.error({ err, jobId }, "import job failed"));
}

function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
}

interface Existing {
  id: string;
  sku: string;
  title: string;
  manufacturer: string | null;
  description: string | null;
  categoryId: string;
  specs: unknown;
  priceKopecks: bigint | null;
  vatRate: string;
  unit: string;
  minOrderQty: unknown;
  leadTimeDays: number | null;
  stockStatus: string;
  status: string;
}

function sameProduct(e: Existing, r: ImportRow): boolean {
  return (
    e.title === r.title &&
    e.manufacturer === r.manufacturer &&
    e.description === r.description &&
    e.categoryId === r.categoryId &&
    canonicalSpecs(e.specs) === canonicalSpecs(r.specs) &&
    e.priceKopecks === r.priceKopecks &&
    e.vatRate === r.vatRate &&
    e.unit === r.unit &&
    Number(String(e.minOrderQty)) === Number(r.minOrderQty) &&
    e.leadTimeDays === r.leadTimeDays &&
    e.stockStatus === r.stockStatus &&
    (r.status === undefined || e.status === r.status)
  );
}

/**
 * Runs a validated job: upsert by SKU in batches of 1,000 — one query reads the existing SKUs, new products go in with
 * createMany, changed ones with one UPDATE … FROM (VALUES …) per batch, each batch in one short transaction together with
 * its `search.product` outbox events and the job's progress. Identical rows are counted as unchanged and not written.
 */
export async function runImportJob(
  jobId: string,
): Promise<{ created: number; updated: number; unchanged: number; errors: number }> {
  const prisma = getPrisma();
  const job = await prisma.importJob.findUnique({ where: { id: jobId } });
  if (!job) throw new NotFoundError("import job");
  try {
    const sheet = await readSheet(job.fileId);
    const { rows, errors } = validateSheet(
      sheet,
      readMapping(job.mapping),
      await loadCategories(),
      await supplierVatOptions(job.supplierId),
    );
    const supplierId = job.supplierId;
    const existingRows = await prisma.product.findMany({
      where: { supplierId, sku: { in: rows.map((r) => r.sku) } },
      select: {
        id: true,
        sku: true,
        title: true,
        manufacturer: true,
        description: true,
        categoryId: true,
        specs: true,
        priceKopecks: true,
        vatRate: true,
        unit: true,
        minOrderQty: true,
        leadTimeDays: true,
        stockStatus: true,
        status: true,
      },
    });
    const existing = new Map<string, Existing>(existingRows.map((e) => [e.sku, e]));
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    for (let start = 0; start < rows.length; start += IMPORT_BATCH_SIZE) {
      const batch = rows.slice(start, start + IMPORT_BATCH_SIZE);
      const toCreate: ImportRow[] = [];
      const toUpdate: { id: string; row: ImportRow }[] = [];
      for (const row of batch) {
        const e = existing.get(row.sku);
        if (!e) toCreate.push(row);
        else if (sameProduct(e, row)) unchanged++;
        else toUpdate.push({ id: e.id, row });
      }
      const slugs = toCreate.map((r) => productSlug(r.title, supplierId, r.sku));
      const taken = new Set(
        slugs.length
          ? (await prisma.product.findMany({ where: { slug: { in: slugs } }, select: { slug: true } })).map(
              (p) => p.slug,
            )
          : [],
      );
      const now = new Date();
      const createData = toCreate.map((r, i) => ({
        id: newId(),
        supplierId,
        categoryId: r.categoryId,
        slug: taken.has(slugs[i]) ? `${slugs[i]}-${shortHash(`${r.sku}${Date.now()}${i}`)}` : slugs[i],
        sku: r.sku,
        title: r.title,
        manufacturer: r.manufacturer,
        description: r.description,
        specs: r.specs,
        priceKopecks: r.priceKopecks,
        vatRate: r.vatRate,
        unit: r.unit,
        minOrderQty: r.minOrderQty,
        leadTimeDays: r.leadTimeDays,
        stockStatus: r.stockStatus,
        status: r.status ?? "DRAFT",
        publishedAt: r.status === "PUBLISHED" ? now : null,
      }));
      const processed = Math.min(rows.length, start + batch.length);
      await prisma.$transaction(async (tx) => {
        if (createData.length) await insertBatch(tx, createData, now, jobId);
        if (toUpdate.length) await updateBatch(tx, toUpdate, now);
        await enqueueMany(
          tx,
          [...createData.map((c) => c.id), ...toUpdate.map((u) => u.id)].map((productId) => ({
            topic: SEARCH_PRODUCT_TOPIC,
            aggregateId: productId,
            payload: { productId },
          })),
        );
        await tx.importJob.update({
          where: { id: jobId },
          data: {
            processedRows: processed,
            createdCount: created + createData.length,
            updatedCount: updated + toUpdate.length,
            unchangedCount: unchanged,
          },
        });
      });
      created += createData.length;
      updated += toUpdate.length;
    }
    const errorRows = rowKey(errors).size;
    await prisma.$transaction(async (tx) => {
      await tx.importJob.update({
        where: { id: jobId },
        data: {
          status: "DONE",
          processedRows: rows.length,
          createdCount: created,
          updatedCount: updated,
          unchangedCount: unchanged,
          errorCount: errorRows,
          errors: errors.slice(0, MAX_STORED_ERRORS) as unknown as Prisma.InputJsonValue,
          finishedAt: new Date(),
        },
      });
      await recordAudit(tx, {
        entityType: "import_job",
        entityId: jobId,
        action: "completed",
        actor: { userId: job.userId, organizationId: supplierId },
        data: { created, updated, unchanged, errors: errorRows },
      });
    });
    return { created, updated, unchanged, errors: errorRows };
  } catch (error) {
    await prisma.importJob.update({
      where: { id: jobId },
      data: {
        status: "FAILED",
        finishedAt: new Date(),
        errors: [{ row: 0, field: "file", code: "failed" }] as unknown as Prisma.InputJsonValue,
      },
    });
    throw error;
  }
}

type NewProduct = Omit<ImportRow, "status"> & {
  id: string;
  supplierId: string;
  slug: string;
  status: string;
  publishedAt: Date | null;
};

const INSERT_COLUMNS = 18;

/**
 * One multi-row INSERT per 1,000 new products (Prisma's createMany costs ~3× more here: it is the bottleneck of a
 * 10,000-row import on PostgreSQL).
 */
async function insertBatch(
  tx: Prisma.TransactionClient,
  items: NewProduct[],
  now: Date,
  importJobId: string,
): Promise<void> {
  const chunk = 1000; // 18 parameters each, below PostgreSQL's 65,535
  for (let start = 0; start < items.length; start += chunk) {
    const part = items.slice(start, start + chunk);
    const params: unknown[] = [];
    const jobParam = part.length * INSERT_COLUMNS + 1;
    const tuples = part.map((p, i) => {
      const b = i * INSERT_COLUMNS;
      params.push(
        p.id,
        p.supplierId,
        p.categoryId,
        p.slug,
        p.sku,
        p.title,
        p.manufacturer,
        p.description,
        JSON.stringify(p.specs),
        p.priceKopecks === null ? null : p.priceKopecks.toString(),
        p.vatRate,
        p.unit,
        p.minOrderQty,
        p.leadTimeDays,
        p.stockStatus,
        p.status,
        p.publishedAt,
        now,
      );
      const n = (k: number) => `$${b + k}`;
      return `(${n(1)}, ${n(2)}, ${n(3)}, ${n(4)}, ${n(5)}, ${n(6)}, ${n(7)}, ${n(8)}, ${n(9)}::jsonb, ${n(10)}::bigint, ${n(11)}::"VatRate", ${n(12)}, ${n(13)}::numeric, ${n(14)}::int, ${n(15)}::"StockStatus", ${n(16)}::"ProductStatus", ${n(17)}::timestamp(3), ${n(18)}::timestamp(3), ${n(18)}::timestamp(3), $${jobParam})`;
    });
    params.push(importJobId); // one parameter shared by every row: the job that created them
    await tx.$executeRawUnsafe(
      `INSERT INTO product (id, "supplierId", "categoryId", slug, sku, title, manufacturer, description, specs,
         "priceKopecks", "vatRate", unit, "minOrderQty", "leadTimeDays", "stockStatus", status, "publishedAt",
         "createdAt", "updatedAt", "importJobId")
       VALUES ${tuples.join(", ")}`,
      ...params,
    );
  }
}

const UPDATE_COLUMNS = 13;

/** One UPDATE … FROM (VALUES …) for a batch of changed products (a handful of round trips per 1,000 rows). */
async function updateBatch(
  tx: Prisma.TransactionClient,
  items: { id: string; row: ImportRow }[],
  now: Date,
): Promise<void> {
  const chunk = 400; // 13 parameters each, far below PostgreSQL's 65,535
  for (let start = 0; start < items.length; start += chunk) {
    const part = items.slice(start, start + chunk);
    const params: unknown[] = [];
    const tuples = part.map(({ id, row }, i) => {
      const b = i * UPDATE_COLUMNS;
      params.push(
        id,
        row.title,
        row.manufacturer,
        row.description,
        row.categoryId,
        JSON.stringify(row.specs),
        row.priceKopecks === null ? null : row.priceKopecks.toString(),
        row.vatRate,
        row.unit,
        row.minOrderQty,
        row.leadTimeDays,
        row.stockStatus,
        row.status ?? null,
      );
      return `($${b + 1}::text, $${b + 2}::text, $${b + 3}::text, $${b + 4}::text, $${b + 5}::text, $${b + 6}::jsonb, $${b + 7}::bigint, $${b + 8}::"VatRate", $${b + 9}::text, $${b + 10}::numeric, $${b + 11}::int, $${b + 12}::"StockStatus", $${b + 13}::"ProductStatus")`;
    });
    params.push(now);
    const nowParam = `$${params.length}::timestamp(3)`;
    await tx.$executeRawUnsafe(
      `UPDATE product AS p SET
         title = v.title, manufacturer = v.manufacturer, description = v.description, "categoryId" = v.category_id,
         specs = v.specs, "priceKopecks" = v.price, "vatRate" = v.vat, unit = v.unit, "minOrderQty" = v.moq,
         "leadTimeDays" = v.lead, "stockStatus" = v.stock, status = COALESCE(v.status, p.status),
         "publishedAt" = CASE WHEN v.status = 'PUBLISHED' AND p.status <> 'PUBLISHED' THEN ${nowParam} ELSE p."publishedAt" END,
         "updatedAt" = ${nowParam}
       FROM (VALUES ${tuples.join(", ")}) AS v(id, title, manufacturer, description, category_id, specs, price, vat, unit, moq, lead, stock, status)
       WHERE p.id = v.id`,
      ...params,
    );
  }
}

// ─── Error report and export ───────────────────────────────────────────────

/** An XLSX of the failing rows (original cells + «Строка» + «Ошибки»); `describe` turns an error into text. */
export async function buildImportErrorReport(
  actor: Actor,
  jobId: string,
  describe: (e: RowError) => string,
  labels: { row: string; errors: string },
): Promise<Buffer> {
  const job = await findJob(actor, jobId);
  const errors = (Array.isArray(job.errors) ? job.errors : []) as unknown as RowError[];
  const sheet = await readSheet(job.fileId);
  const byRow = new Map<number, RowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Ошибки");
  ws.addRow([labels.row, labels.errors, ...sheet.headers].map(neutralizeCell));
  ws.getRow(1).font = { bold: true };
  for (const [rowNumber, rowErrors] of [...byRow.entries()].sort(([a], [b]) => a - b)) {
    const index = sheet.rowNumbers.indexOf(rowNumber);
    const cells = index >= 0 ? sheet.rows[index] : [];
    ws.addRow([rowNumber, rowErrors.map(describe).join("; "), ...cells.map((c) => neutralizeCell(c))]);
  }
  ws.getColumn(2).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The supplier's whole catalog as XLSX, in the column layout the importer maps automatically (round trip). */
export async function exportSupplierCatalog(actor: Actor): Promise<Buffer> {
  requireSupplier(actor);
  const prisma = getPrisma();
  const products = await prisma.product.findMany({
    where: { supplierId: actor.organizationId },
    include: { category: { select: { slug: true } } },
    orderBy: [{ categoryId: "asc" }, { sku: "asc" }],
  });
  const categoryIds = [...new Set(products.map((p) => p.categoryId))];
  const attrs = await prisma.categoryAttribute.findMany({
    where: { categoryId: { in: categoryIds } },
    orderBy: [{ position: "asc" }, { code: "asc" }],
  });
  const specColumns = uniqueAttributes([attrs.map(toAttributeDef)]);
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Каталог");
  ws.addRow([
    "Артикул",
    "Наименование",
    "Категория",
    "Производитель",
    "Описание",
    "Цена без НДС",
    "НДС",
    "Ед. изм.",
    "Мин. заказ",
    "Срок поставки",
    "Наличие",
    "Статус",
    ...specColumns.map((a) => `${a.nameRu}${a.unit ? `, ${a.unit}` : ""} [${a.code}]`),
  ]);
  ws.getRow(1).font = { bold: true };
  for (const p of products) {
    const specs = (p.specs ?? {}) as Record<string, unknown>;
    ws.addRow(
      [
        p.sku,
        p.title,
        p.category.slug,
        p.manufacturer ?? "",
        p.description ?? "",
        p.priceKopecks === null ? "" : Number(p.priceKopecks) / 100,
        vatPercentLabel(p.vatRate, "ru"),
        unitName(p.unit, "ru"),
        Number(p.minOrderQty),
        p.leadTimeDays ?? "",
        p.stockStatus,
        p.status,
        ...specColumns.map((a) => {
          const v = specs[a.code];
          return v === undefined ? "" : typeof v === "boolean" ? (v ? "да" : "нет") : (v as string | number);
        }),
      ].map(neutralizeCell),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A validation list in a formula: "a,b,c" (Excel limits it to 255 characters; longer lists are left unvalidated). */
function listFormula(values: string[]): string | null {
  const f = `"${values.map((v) => v.replace(/[",]/g, " ")).join(",")}"`;
  return f.length <= 257 ? f : null;
}

/**
 * An XLSX template for importing into one category: the product fields and the category's characteristics as
 * columns (required ones marked «*», units in the headers, `[code]` so the mapping is exact), allowed values as
 * drop-down validation lists (НДС rates of the supplier, enumerations, да/нет), and one example row.
 */
export async function buildImportTemplate(actor: Actor, categoryId: string): Promise<{ body: Buffer; slug: string }> {
  requireSupplier(actor);
  const category = (await loadCategories()).find((c) => c.id === categoryId);
  if (!category) throw new NotFoundError("category");
  const vat = await supplierVatOptions(actor.organizationId as string);
  const fields: { header: string; example: string | number; list?: string[] }[] = [
    { header: "Артикул *", example: "ART-001" },
    { header: "Наименование *", example: `${category.nameRu}: пример` },
    { header: "Категория", example: category.slug },
    { header: "Производитель", example: "" },
    { header: "Цена без НДС, руб.", example: 1000 },
    {
      header: "НДС",
      example: vatPercentLabel(vat.rates[0] ?? "VAT22", "ru"),
      list: vat.rates.map((r) => vatPercentLabel(r, "ru")),
    },
    { header: "Ед. изм.", example: unitName("pcs", "ru") },
    { header: "Срок поставки, дней", example: 30 },
  ];
  const specs = category.attributes.map((a) => {
    const header = `${a.nameRu}${a.unit ? `, ${a.unit}` : ""}${a.required ? " *" : ""} [${a.code}]`;
    const list =
      a.type === "ENUM" && a.options ? a.options.map((o) => o.ru) : a.type === "BOOLEAN" ? ["да", "нет"] : undefined;
    const example = list?.[0] ?? (a.type === "NUMBER" ? 1 : "пример");
    return { header, example, list, number: a.type === "NUMBER" };
  });
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Импорт");
  const columns = [...fields.map((f) => ({ ...f, number: false })), ...specs];
  ws.addRow(columns.map((c) => c.header.replace(/[\u00a0\u202f]/g, " ")));
  ws.getRow(1).font = { bold: true };
  ws.addRow(columns.map((c) => (typeof c.example === "string" ? neutralizeCell(c.example) : c.example)));
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.min(40, Math.max(12, c.header.length + 2));
    const formula = c.list ? listFormula(c.list.map((v) => v.replace(/[\u00a0\u202f]/g, " "))) : null;
    for (let r = 2; r <= 501; r++) {
      const cell = ws.getRow(r).getCell(i + 1);
      if (formula)
        cell.dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [formula],
          showErrorMessage: true,
          error: "Выберите значение из списка",
        };
      else if (c.number)
        cell.dataValidation = {
          type: "decimal",
          operator: "greaterThanOrEqual",
          allowBlank: true,
          formulae: [0],
          showErrorMessage: true,
          error: "Нужно число",
        };
    }
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return { body: Buffer.from(await workbook.xlsx.writeBuffer()), slug: category.slug };
}
