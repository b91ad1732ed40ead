import { z } from "zod";
import { type Actor, NotFoundError, requireSupplier } from "~/modules/accounts/actor";
import { sniffFileKind, zipInflatesWithin } from "~/modules/files/files.server";
import { getFixedT } from "~/modules/i18n/i18n.server";
import { VAT_RATE_CODES, type VatRateCode } from "~/modules/money/money";
import { supplierVatOptions } from "~/modules/money/money.server";
import { getPrisma } from "~/utils/db.server";
import { quoteFormTotals } from "./quote-money";
import {
  buildQuoteWorkbook,
  COLUMNS,
  type ParsedSheetLine,
  readQuoteWorkbook,
  type SheetIssue,
  SheetReadError,
} from "./quote-sheet.server";
import { type QuoteForm, quoteFormSchema, quoteLineSchema } from "./quotes.schema";
import { QuoteValidationError } from "./shared.server";
import { buildLines, getQuoteForSupplier, saveQuote } from "./supplier.server";

/**
 * The supplier's XLSX round-trip (issue #19): download the RFQ as a fill-in workbook, upload it back for a preview
 * with per-row errors, confirm to save the lines as the working draft. The confirm POST carries the previewed lines
 * and is validated again from scratch (authorization, open RFQ, the form schema, allowed rates, requested quantities):
 * nothing from the preview is trusted, and no staging table can go stale (ADR 0020).
 */

/** The RFQ an invited supplier may quote: its header for the sheet. Uninvited → NotFound (via getQuoteForSupplier). */
async function sheetContext(actor: Actor, rfqId: string, now: Date) {
  requireSupplier(actor);
  const panel = await getQuoteForSupplier(actor, rfqId, now);
  const rfq = await getPrisma().rfq.findFirst({
    where: { id: rfqId, recipients: { some: { supplierOrgId: actor.organizationId as string } } },
    select: {
      number: true,
      title: true,
      deadline: true,
      deliveryAddress: true,
      paymentTerms: true,
      buyer: { select: { shortName: true } },
    },
  });
  if (!rfq) throw new NotFoundError("rfq");
  const vat = await supplierVatOptions(actor.organizationId as string, now);
  return { panel, rfq, vat };
}

/** GET /supplier/rfqs/<id>/quote.xlsx: the RFQ header and its lines, open columns prefilled from the working draft. */
export async function exportQuoteSheetXlsx(actor: Actor, rfqId: string, now: Date = new Date()): Promise<Buffer> {
  const { panel, rfq, vat } = await sheetContext(actor, rfqId, now);
  const supplier = await getPrisma().organization.findUnique({
    where: { id: actor.organizationId as string },
    select: { shortName: true },
  });
  return buildQuoteWorkbook({
    rfq: {
      number: rfq.number,
      title: rfq.title,
      buyer: rfq.buyer.shortName,
      deadline: rfq.deadline,
      deliveryAddress: rfq.deliveryAddress,
      paymentTerms: rfq.paymentTerms ? (await getFixedT("ru", "rfq"))(`paymentTerms.${rfq.paymentTerms}`) : null,
    },
    supplier: supplier?.shortName ?? "",
    vatRates: vat.rates,
    items: panel.items,
    lines: panel.defaults.lines as QuoteSheetLine[],
  });
}
type QuoteSheetLine = Parameters<typeof buildQuoteWorkbook>[0]["lines"][number];

export interface QuoteSheetPreview {
  /** one row per RFQ line: what the sheet offers (null: not offered) */
  rows: {
    row: number | null;
    rfqItemId: string;
    position: number;
    name: string;
    requested: string;
    unit: string;
    line: Omit<ParsedSheetLine, "row" | "rfqItemId"> | null;
    net: string | null;
    gross: string | null;
  }[];
  issues: SheetIssue[];
  /** the lines to post back on confirm (when there are no issues) */
  lines: QuoteForm["lines"];
  offered: number;
}

const SHEET_KINDS = ["xlsx"] as const;

/**
 * Reads an uploaded workbook into a preview: the file is checked by content (an XLSX, not a renamed file; not a zip
 * bomb), its rows by the quote form's rules. Nothing is saved.
 */
export async function previewQuoteSheet(
  actor: Actor,
  rfqId: string,
  file: File,
  now: Date = new Date(),
): Promise<QuoteSheetPreview> {
  const { panel, vat } = await sheetContext(actor, rfqId, now);
  if (!panel.canEdit) throw new QuoteValidationError({}, ["errors.closed"]);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new QuoteValidationError({ file: ["sheet.errors.empty"] });
  const kind = sniffFileKind(bytes, file.name);
  if (!kind || !(SHEET_KINDS as readonly string[]).includes(kind) || !/\.xlsx$/i.test(file.name))
    throw new QuoteValidationError({ file: ["sheet.errors.notXlsx"] });
  if (!zipInflatesWithin(bytes)) throw new QuoteValidationError({ file: ["sheet.errors.unreadable"] });
  let read: Awaited<ReturnType<typeof readQuoteWorkbook>>;
  try {
    read = await readQuoteWorkbook(bytes, { items: panel.items, vatRates: vat.rates, defaultRate: vat.defaultRate });
  } catch (error) {
    if (error instanceof SheetReadError) throw new QuoteValidationError({ file: [`sheet.errors.${error.code}`] });
    throw error;
  }
  const issues = [...read.issues];
  // the use case's own checks (requested quantity, analogues allowed) per row, as saveQuote will apply them
  const form = toForm(read.lines);
  const built = buildLines(
    panel.items.map((i) => ({ ...i, quantity: i.quantity })),
    { ...emptyHeader(), lines: form },
    vat.rates,
  );
  for (const [path, messages] of Object.entries(built.errors)) {
    const m = /^lines\[(\d+)\]\.(\w+)$/.exec(path);
    if (!m) continue;
    const key = m[2] as keyof typeof COLUMNS;
    for (const message of messages)
      issues.push({ row: read.lines[Number(m[1])].row, column: COLUMNS[key] ?? key, message });
  }
  issues.sort((a, b) => a.row - b.row);
  const byItem = new Map(read.lines.map((l) => [l.rfqItemId, l]));
  const money = quoteFormTotals({ lines: read.lines, deliveryCost: "", deliveryVatRate: "NO_VAT" });
  const amountsByItem = new Map(read.lines.map((l, i) => [l.rfqItemId, money.lines[i]]));
  return {
    rows: panel.items.map((item) => {
      const l = byItem.get(item.id);
      const a = amountsByItem.get(item.id);
      return {
        row: l?.row ?? null,
        rfqItemId: item.id,
        position: item.position,
        name: item.name,
        requested: item.quantity,
        unit: item.unit,
        line: l
          ? {
              unitPrice: l.unitPrice,
              quantity: l.quantity,
              vatRate: l.vatRate,
              leadTimeDays: l.leadTimeDays,
              analogueModel: l.analogueModel,
              analogueNote: l.analogueNote,
            }
          : null,
        net: a ? a.net.toString() : null,
        gross: a ? a.gross.toString() : null,
      };
    }),
    issues,
    lines: form,
    offered: read.lines.length,
  };
}

function toForm(lines: ParsedSheetLine[]): QuoteForm["lines"] {
  return lines.map((l) => ({
    rfqItemId: l.rfqItemId,
    unitPrice: l.unitPrice,
    quantity: l.quantity || undefined,
    vatRate: l.vatRate,
    leadTimeDays: l.leadTimeDays || undefined,
    analogueModel: l.analogueModel || undefined,
    analogueNote: l.analogueNote || undefined,
  }));
}

function emptyHeader(): Omit<QuoteForm, "lines"> {
  return { deliveryVatRate: "NO_VAT", removeFileIds: [] };
}

/** The confirm POST's payload: the previewed lines, bounded; validated again line by line. */
const confirmPayload = z
  .array(
    z
      .object({
        rfqItemId: z.string().max(100),
        unitPrice: z.string().max(40).optional(),
        quantity: z.string().max(40).optional(),
        vatRate: z.enum(VAT_RATE_CODES as [VatRateCode, ...VatRateCode[]]),
        leadTimeDays: z.string().max(10).optional(),
        analogueModel: z.string().max(1000).optional(),
        analogueNote: z.string().max(2000).optional(),
      })
      .strict(),
  )
  .max(1000);

/**
 * Saves the confirmed sheet as the working draft (version 0): the sheet's lines replace the draft's lines, the
 * draft's terms (delivery, payment, validity, comment) and attachments stay. Submitting stays a separate, deliberate
 * step on the quote form.
 */
export async function confirmQuoteSheet(actor: Actor, rfqId: string, payload: string, now: Date = new Date()) {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    throw new QuoteValidationError({}, ["sheet.errors.payload"]);
  }
  const parsed = confirmPayload.safeParse(raw);
  if (!parsed.success) throw new QuoteValidationError({}, ["sheet.errors.payload"]);
  for (const line of parsed.data)
    if (!quoteLineSchema.safeParse(line).success) throw new QuoteValidationError({}, ["sheet.errors.payload"]);
  const panel = await getQuoteForSupplier(actor, rfqId, now);
  const header = Object.fromEntries(
    Object.entries(panel.defaults).filter(([k, v]) => k !== "lines" && v !== "" && v !== null),
  );
  const form = quoteFormSchema.safeParse({ ...header, lines: parsed.data, removeFileIds: [] });
  if (!form.success) throw new QuoteValidationError({}, ["sheet.errors.payload"]);
  return saveQuote(actor, rfqId, form.data, { mode: "draft", now });
}
