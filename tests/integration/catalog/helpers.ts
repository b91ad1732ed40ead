import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { getPrisma } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";

/** Uploaded files of this test file go to a throwaway DATA_DIR. */
export function withTempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snabmost-catalog-"));
  process.env.DATA_DIR = dir;
  resetEnvForTests();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A leaf category with a required number, an enum and a boolean attribute (like «Силовые трансформаторы»). */
export async function createTransformerCategory(slug = `tr-${Math.random().toString(36).slice(2, 8)}`) {
  return getPrisma().category.create({
    data: {
      sector: "GRID",
      slug,
      nameRu: `Трансформаторы ${slug}`,
      nameEn: `Transformers ${slug}`,
      attributes: {
        create: [
          {
            code: "power_kva",
            nameRu: "Мощность",
            nameEn: "Power",
            type: "NUMBER",
            unit: "kVA",
            required: true,
            filterable: true,
            position: 0,
          },
          {
            code: "cooling",
            nameRu: "Охлаждение",
            nameEn: "Cooling",
            type: "ENUM",
            position: 1,
            options: [
              { value: "oil", ru: "Масляное", en: "Oil" },
              { value: "dry", ru: "Сухое", en: "Dry" },
            ],
          },
          { code: "hermetic", nameRu: "Герметичный", nameEn: "Hermetic", type: "BOOLEAN", position: 2 },
        ],
      },
    },
  });
}

export const MINIMAL_PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

export function productInput(categoryId: string, overrides: Record<string, unknown> = {}) {
  return {
    categoryId,
    title: "Трансформатор ТМГ-1000/10/0,4 У1",
    sku: `ТМГ-1000-${Math.random().toString(36).slice(2, 8)}`,
    manufacturer: "Электрозавод",
    description: "Масляный герметичный трансформатор",
    priceOnRequest: false,
    price: "1 250 000,00",
    vatRate: "VAT22" as const,
    unit: "pcs" as const,
    minOrderQty: 1,
    leadTimeDays: 30,
    stockStatus: "TO_ORDER" as const,
    spec: { power_kva: "1000", cooling: "oil", hermetic: "да" },
    ...overrides,
  };
}
