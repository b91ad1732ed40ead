import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import ru from "~/locales/ru/catalog.json";
import { allowedVatRates, defaultVatRate } from "~/modules/money/vat";
import { decodeCsv, detectDelimiter, parseCsv, parseSpreadsheet } from "~/utils/spreadsheet.server";
import { cellText, neutralizeCell } from "~/utils/spreadsheet-cells";
import type { AttributeDef } from "../attributes";
import { type ColumnTarget, normalizeHeader, suggestMapping } from "./mapping";
import { buildCategoryIndex, type ImportCategory, validateImportRow } from "./row";

const power: AttributeDef = {
  code: "power_kva",
  nameRu: "Мощность",
  nameEn: "Power",
  type: "NUMBER",
  unit: "kVA",
  options: null,
  filterable: true,
  required: true,
  position: 0,
};
const voltage: AttributeDef = {
  ...power,
  code: "voltage_kv",
  nameRu: "Напряжение ВН",
  nameEn: "HV voltage",
  unit: "kV",
  required: false,
};
const cooling: AttributeDef = {
  ...power,
  code: "cooling",
  nameRu: "Охлаждение",
  nameEn: "Cooling",
  type: "ENUM",
  unit: null,
  required: false,
  options: [{ value: "oil", ru: "Масляное", en: "Oil" }],
};

describe("suggestMapping", () => {
  it("maps Russian and English headers to fields and spec attributes", () => {
    const headers = [
      "Артикул",
      "Наименование",
      "Цена без НДС, руб.",
      "НДС",
      "Ед. изм.",
      "Мощность, кВА",
      "HV voltage (kV)",
      "Примечание",
      "Brand",
    ];
    expect(suggestMapping(headers, [power, voltage, cooling])).toEqual([
      "field:sku",
      "field:title",
      "field:price",
      "field:vatRate",
      "field:unit",
      "spec:power_kva",
      "spec:voltage_kv",
      "",
      "field:manufacturer",
    ]);
  });

  it("prefers an explicit [code] and never maps two columns to one target", () => {
    expect(suggestMapping(["Мощность [voltage_kv]", "SKU", "Артикул"], [power, voltage])).toEqual([
      "spec:voltage_kv",
      "field:sku",
      "",
    ]);
    expect(normalizeHeader("  Срок поставки (дней) ")).toBe("срок поставки");
  });
});

const category: ImportCategory = {
  id: "cat1",
  slug: "transformatory",
  nameRu: "Трансформаторы",
  nameEn: "Transformers",
  attributes: [power, voltage, cooling],
};
const osn = { rates: allowedVatRates("OSN"), defaultRate: defaultVatRate("OSN") };
const ctx = { categories: buildCategoryIndex([category]), defaultCategory: null, vat: osn };
const columns: ColumnTarget[] = [
  "field:sku",
  "field:title",
  "field:category",
  "field:price",
  "field:vatRate",
  "field:unit",
  "field:leadTimeDays",
  "spec:power_kva",
  "spec:cooling",
];

describe("validateImportRow", () => {
  it("normalises a good row", () => {
    const { row, errors } = validateImportRow(
      [
        "ТМГ-1000/10/0,4",
        "Трансформатор ТМГ-1000",
        "Трансформаторы",
        "1 250 000,50",
        "22%",
        "шт.",
        "30 дней",
        1000,
        "масляное",
      ],
      2,
      columns,
      ctx,
    );
    expect(errors).toEqual([]);
    expect(row).toMatchObject({
      sku: "ТМГ-1000/10/0,4",
      categoryId: "cat1",
      priceKopecks: 125000050n,
      vatRate: "VAT22",
      unit: "pcs",
      leadTimeDays: 30,
      specs: { power_kva: 1000, cooling: "oil" },
    });
  });

  it("checks the rate like the product form: 20 % and 18 % are outdated, the regime decides the rest", () => {
    const vatErrors = (vat: string, c = ctx) =>
      validateImportRow(["A", "B", "transformatory", "100", vat, "", "", "630", ""], 9, columns, c).errors.map(
        (e) => `${e.field}:${e.code}`,
      );
    expect(vatErrors("20%")).toEqual(["vatRate:vatOutdated"]);
    expect(vatErrors("НДС 18 %")).toEqual(["vatRate:vatOutdated"]);
    expect(vatErrors("12%")).toEqual(["vatRate:vat"]);
    expect(vatErrors("5%")).toEqual(["vatRate:vatNotAllowed"]); // ОСН: 5 % is for УСН
    expect(vatErrors("10%")).toEqual([]);
    const usn = { ...ctx, vat: { rates: allowedVatRates("USN_NO_VAT"), defaultRate: defaultVatRate("USN_NO_VAT") } };
    expect(vatErrors("22%", usn)).toEqual(["vatRate:vatNotAllowed"]);
    const row = validateImportRow(["A", "B", "transformatory", "100", "", "", "", "630", ""], 9, columns, usn).row;
    expect(row?.vatRate).toBe("NO_VAT");
    expect(
      validateImportRow(["A", "B", "transformatory", "100", "", "", "", "630", ""], 9, columns, ctx).row?.vatRate,
    ).toBe("VAT22");
  });

  it("names the row error in Russian", () => {
    expect(ru.import.errors.vatOutdated).toContain("22 %");
    expect(ru.import.errors.vatNotAllowed).toContain("системе налогообложения");
  });

  it("accepts «по запросу» as no price and `без НДС`", () => {
    const { row } = validateImportRow(
      ["A", "B", "transformatory", "по запросу", "без НДС", "", "", "630", ""],
      3,
      columns,
      ctx,
    );
    expect(row).toMatchObject({ priceKopecks: null, vatRate: "NO_VAT", specs: { power_kva: 630 } });
  });

  it("reports every problem of a bad row with its row number", () => {
    const { row, errors } = validateImportRow(
      ["", "Изделие", "Несуществующая", "дорого", "18%", "ящик", "-3", "", ""],
      7,
      columns,
      ctx,
    );
    expect(row).toBeUndefined();
    expect(errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      "7:sku:required",
      "7:category:category",
      "7:price:price",
      "7:vatRate:vatOutdated",
      "7:unit:unit",
      "7:leadTimeDays:leadTime",
    ]);
    const specErrors = validateImportRow(
      ["A", "B", "transformatory", "", "", "", "", "много", "водяное"],
      8,
      columns,
      ctx,
    ).errors;
    expect(specErrors.map((e) => `${e.field}:${e.code}`)).toEqual([
      "spec:power_kva:spec_notNumber",
      "spec:cooling:spec_notOption",
    ]);
  });
});

describe("parsing", () => {
  it("reads semicolon CSV in windows-1251 with quoted fields", () => {
    const text = 'Артикул;Наименование\r\n"КТП-630";"Подстанция ""КТП"";\nблочная"\r\n';
    expect(detectDelimiter(text)).toBe(";");
    expect(parseCsv(text)).toEqual([
      ["Артикул", "Наименование"],
      ["КТП-630", 'Подстанция "КТП";\nблочная'],
    ]);
    const cp1251 = new Uint8Array([0xc0, 0xf0, 0xf2]); // «Арт»
    expect(decodeCsv(cp1251)).toBe("Арт");
  });

  it("reads the first sheet of an XLSX, skipping empty rows, with file row numbers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Лист1");
    ws.addRow(["Артикул", "Цена"]);
    ws.addRow(["A-1", 100.5]);
    ws.addRow([]);
    ws.addRow(["A-2", { formula: "1+1", result: 2 }]);
    const sheet = await parseSpreadsheet(new Uint8Array(await wb.xlsx.writeBuffer()), "xlsx");
    expect(sheet.headers).toEqual(["Артикул", "Цена"]);
    expect(sheet.rows).toEqual([
      ["A-1", 100.5],
      ["A-2", 2],
    ]);
    expect(sheet.rowNumbers).toEqual([2, 4]);
  });

  it("neutralises formula-like text on export and restores it on import", () => {
    expect(neutralizeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutralizeCell("-10")).toBe("'-10");
    expect(neutralizeCell(-10)).toBe(-10);
    expect(neutralizeCell("ТМГ")).toBe("ТМГ");
    expect(cellText("'=SUM(A1)")).toBe("=SUM(A1)");
  });
});

describe("control characters in imported text", () => {
  it("NUL and other control characters never reach a product (probe: NUL bytes in catalog titles)", async () => {
    const csv = new TextEncoder().encode("Артикул;Наименование\nA-1;Кабель\u0000 ВВГнг\u0007\n");
    const sheet = await parseSpreadsheet(csv, "csv");
    expect(sheet.rows[0]).toEqual(["A-1", "Кабель ВВГнг"]);
  });
});
