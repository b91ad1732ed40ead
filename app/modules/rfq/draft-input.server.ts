import type { FileKind } from "~/modules/files/files.server";
import type { Lang } from "~/modules/i18n/i18n";
import { getFixedT } from "~/modules/i18n/i18n.server";
import { UNITS } from "./rfq.schema";

/** The RFQ form as typed, read leniently into a draft (item rows, спецификация rows, the title from the lines). */

export const RFQ_ATTACHMENT_KINDS: readonly FileKind[] = [
  "pdf",
  "dwg",
  "dxf",
  "xlsx",
  "docx",
  "png",
  "jpeg",
  "webp",
  "gif",
];
export const MAX_ATTACHMENTS = 20;

/** The RFQ's own fields as the form holds them (dates as the form's input strings). */
export interface DraftFields {
  title: string;
  deliveryAddress: string;
  neededBy: string;
  deadline: string;
  paymentTerms: string;
  comment: string;
  sealed: boolean;
  includeOtherSuppliers: boolean;
}

/** A draft as typed: every value kept leniently (an invalid date or quantity is stored as empty / 0). */
export interface DraftInput extends DraftFields {
  items: {
    productId: string | null;
    name: string;
    quantity: string;
    unit: string;
    notes: string;
    analoguesAllowed: boolean;
  }[];
  /** supplier ids ticked / shown on the form; undefined when the form had no recipient list */
  recipients?: { checked: string[]; shown: string[] };
  addSupplier?: string;
  removeAttachmentIds?: string[];
  /** the draft was started from the RFQ cart: the cart is emptied once it is saved */
  fromCart?: boolean;
}

const str = (v: FormDataEntryValue | null | undefined) => (typeof v === "string" ? v : "");
const on = (v: FormDataEntryValue | null | undefined) => v === "on" || v === "true";

/** The rows of `<prefix>[i].<field>` inputs, in index order, each as its field → value. */
function indexedRows(form: FormData, prefix: "items" | "spec"): Record<string, string>[] {
  const rows = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${prefix}\\[(\\d+)\\]\\.(\\w+)$`);
  for (const [key, value] of form.entries()) {
    const m = pattern.exec(key);
    if (!m || typeof value !== "string") continue;
    const i = Number(m[1]);
    rows.set(i, { ...(rows.get(i) ?? {}), [m[2]]: value });
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
}

function itemOfRow(r: Record<string, string>, analoguesAllowed: boolean): DraftInput["items"][number] {
  return {
    productId: r.productId?.trim() || null,
    name: (r.name ?? "").trim(),
    quantity: (r.quantity ?? "").trim(),
    unit: (UNITS as readonly string[]).includes(r.unit) ? r.unit : "pcs",
    notes: (r.notes ?? "").trim(),
    analoguesAllowed,
  };
}

/** Reads the RFQ form leniently (nothing is dropped except completely empty item rows). */
export function draftInputFromForm(form: FormData): DraftInput {
  const items = indexedRows(form, "items")
    .map((r) => itemOfRow(r, on(r.analoguesAllowed)))
    .filter((r) => r.productId || r.name || r.quantity || r.notes);
  const shown = form.getAll("recipientsShown").map(str).filter(Boolean);
  return {
    title: str(form.get("title")).trim(),
    deliveryAddress: str(form.get("deliveryAddress")).trim(),
    neededBy: str(form.get("neededBy")),
    deadline: str(form.get("deadline")),
    paymentTerms: str(form.get("paymentTerms")),
    comment: str(form.get("comment")),
    sealed: on(form.get("sealed")),
    includeOtherSuppliers: on(form.get("includeOtherSuppliers")),
    items,
    recipients: form.has("recipientsShown")
      ? { checked: form.getAll("recipients").map(str).filter(Boolean), shown }
      : undefined,
    addSupplier: str(form.get("addSupplier")).trim() || undefined,
    removeAttachmentIds: form.getAll("removeAttachment").map(str).filter(Boolean),
    fromCart: on(form.get("fromCart")),
  };
}

/** The lines the buyer ticked in the спецификация preview (`spec[i].add`), read leniently like the item rows. */
export function specRowsFromForm(form: FormData): DraftInput["items"] {
  return indexedRows(form, "spec")
    .filter((r) => r.add === "on" && (r.name ?? "").trim() !== "")
    .map((r) => itemOfRow(r, false));
}

/**
 * The title of an RFQ from its lines, in the page language: «Запрос: трансформатор ТМГ-630 и ещё 3 позиции».
 */
export async function specTitle(names: string[], lang: Lang = "ru"): Promise<string> {
  const first = names[0]?.trim() ?? "";
  if (!first) return "";
  const t = await getFixedT(lang, "rfq");
  const head = first.length > 120 ? `${first.slice(0, 119)}…` : first;
  const rest = names.length - 1;
  return rest === 0 ? t("spec.titleOne", { first: head }) : t("spec.titleMore", { first: head, count: rest });
}

/**
 * A FormData without completely empty item rows, re-numbered — what the strict schema validates, so a blank spare
 * row never blocks publishing.
 */
export function compactItemRows(form: FormData): FormData {
  const out = new FormData();
  const indexMap = new Map<number, number>();
  const nonEmpty = new Set<number>();
  for (const [key, value] of form.entries()) {
    const m = /^items\[(\d+)\]\.(\w+)$/.exec(key);
    if (m && typeof value === "string" && value.trim() !== "" && m[2] !== "unit" && m[2] !== "analoguesAllowed")
      nonEmpty.add(Number(m[1]));
  }
  for (const i of [...nonEmpty].sort((a, b) => a - b)) indexMap.set(i, indexMap.size);
  for (const [key, value] of form.entries()) {
    const m = /^items\[(\d+)\]\.(\w+)$/.exec(key);
    if (!m) {
      out.append(key, value);
      continue;
    }
    const to = indexMap.get(Number(m[1]));
    if (to !== undefined) out.append(`items[${to}].${m[2]}`, value);
  }
  return out;
}
