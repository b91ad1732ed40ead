import { z } from "zod";
import { parseRublesToKopecks, VAT_RATE_CODES, type VatRateCode } from "~/modules/money/money";
import { UNIT_CODES } from "~/modules/money/units";

/**
 * Form schemas of the catalog module, shared by the browser (conform) and the server. Messages are i18n keys of the
 * `catalog` namespace, resolved in the UI in the page's language.
 */
const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ required_error: "errors.required" }).min(1, "errors.required").max(max, "errors.tooLong"),
  );
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().max(max, "errors.tooLong").optional(),
  );

const decimal = (v: unknown) =>
  typeof v === "string" && v.trim() !== "" ? Number(v.replace(/[\s\u00a0]/g, "").replace(",", ".")) : v;

export const productFormSchema = z
  .object({
    categoryId: z.string({ required_error: "errors.required" }).min(1, "errors.required"),
    title: text(300),
    sku: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z
        .string({ required_error: "errors.required" })
        .min(1, "errors.required")
        .max(100, "errors.tooLong")
        .regex(/^[^\s].*$/, "errors.sku"),
    ),
    manufacturer: optionalText(200),
    description: optionalText(10_000),
    priceOnRequest: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    price: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
      z.string().optional(),
    ),
    vatRate: z.enum(VAT_RATE_CODES as [VatRateCode, ...VatRateCode[]], { errorMap: () => ({ message: "errors.vat" }) }),
    unit: z.enum(UNIT_CODES, { errorMap: () => ({ message: "errors.unit" }) }),
    minOrderQty: z.preprocess(
      decimal,
      z
        .number({ required_error: "errors.required", invalid_type_error: "errors.number" })
        .positive("errors.positive")
        .max(1e10, "errors.number"),
    ),
    leadTimeDays: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : decimal(v)),
      z
        .number({ invalid_type_error: "errors.integer" })
        .int("errors.integer")
        .min(0, "errors.nonNegative")
        .max(3650, "errors.leadTime")
        .optional(),
    ),
    stockStatus: z.enum(["IN_STOCK", "TO_ORDER", "OUT_OF_STOCK"], { errorMap: () => ({ message: "errors.stock" }) }),
    /** spec.<code> fields, validated against the category's attributes on the server (and in the browser) */
    spec: z.record(z.string(), z.string().optional()).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.priceOnRequest) {
      if (!v.price) ctx.addIssue({ code: "custom", path: ["price"], message: "errors.priceRequired" });
      else {
        const k = parseRublesToKopecks(v.price);
        if (k === null) ctx.addIssue({ code: "custom", path: ["price"], message: "errors.price" });
        else if (k < 0n) ctx.addIssue({ code: "custom", path: ["price"], message: "errors.priceNegative" });
      }
    }
  });

export type ProductFormInput = z.infer<typeof productFormSchema>;

export const certificateFormSchema = z.object({
  kind: z.enum(["TR_TS", "TR_EAEU", "GOST_R", "OTHER"], { errorMap: () => ({ message: "errors.required" }) }),
  number: text(100),
  issuedAt: z.coerce.date({ errorMap: () => ({ message: "errors.date" }) }),
  expiresAt: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.date({ errorMap: () => ({ message: "errors.date" }) }).optional(),
  ),
});

export type CertificateInput = z.infer<typeof certificateFormSchema>;

export const productListQuerySchema = z.object({
  status: z.enum(["DRAFT", "PUBLISHED", "ARCHIVED"]).optional().catch(undefined),
  categoryId: z.string().min(1).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  /** an import job id: only the products that import created (scoped to the actor's organisation in the query) */
  import: z.string().min(1).max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type ProductListQuery = z.infer<typeof productListQuerySchema>;

/** The four sectors in display order (client-safe copy of SECTOR_ORDER). */
export const SECTORS = ["HEAT_POWER", "HYDRO_POWER", "GRID", "MUNICIPAL"] as const;

export const categoryFormSchema = z.object({
  parentId: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  sector: z.enum(SECTORS, {
    errorMap: () => ({ message: "errors.required" }),
  }),
  slug: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ required_error: "errors.required" })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "errors.slug")
      .max(100),
  ),
  nameRu: text(200),
  nameEn: text(200),
  descriptionRu: optionalText(2000),
  descriptionEn: optionalText(2000),
  position: z.preprocess(decimal, z.number({ invalid_type_error: "errors.integer" }).int("errors.integer")).default(0),
});

export const attributeFormSchema = z.object({
  categoryId: z.string().min(1),
  code: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ required_error: "errors.required" })
      .regex(/^[a-z][a-z0-9_]*$/, "errors.code")
      .max(60),
  ),
  nameRu: text(200),
  nameEn: text(200),
  type: z.enum(["NUMBER", "ENUM", "BOOLEAN", "TEXT"], { errorMap: () => ({ message: "errors.required" }) }),
  unit: optionalText(30),
  /** ENUM options, one per line: value | Русское | English */
  options: optionalText(5000),
  filterable: z.preprocess((v) => v === "on" || v === true, z.boolean()),
  required: z.preprocess((v) => v === "on" || v === true, z.boolean()),
  position: z.preprocess(decimal, z.number({ invalid_type_error: "errors.integer" }).int("errors.integer")).default(0),
});

/** Fields an import column can map to (shared by the import page and the server). */
export {
  type ColumnTarget,
  columnLetter,
  describeImportError,
  IMPORT_FIELDS,
  type ImportField,
} from "./import/mapping";

/** "1 250,5" → 1250.5 (NaN when not a number): the catalog's reading of typed decimals, for other modules' forms. */
export { parseDecimal } from "./specs";
