import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { contentDisposition, safeFileName } from "./content-disposition";
import { sniffFileKind, zipEntryNames } from "./sniff";

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);

/** A minimal ZIP (empty entries) with the given names: enough for central-directory sniffing. */
function zipWith(names: string[]): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  const u16 = (arr: number[], v: number) => arr.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (arr: number[], v: number) => arr.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
  for (const name of names) {
    const n = [...enc(name)];
    const offset = out.length;
    // local file header: signature, version, flags, method, time, date, crc, sizes, name length, extra length
    u32(out, 0x04034b50);
    for (const v of [20, 0, 0, 0, 0]) u16(out, v);
    for (const v of [0, 0, 0]) u32(out, v);
    u16(out, n.length);
    u16(out, 0);
    out.push(...n);
    // central directory header
    u32(central, 0x02014b50);
    for (const v of [20, 20, 0, 0, 0, 0]) u16(central, v);
    for (const v of [0, 0, 0]) u32(central, v);
    for (const v of [n.length, 0, 0, 0, 0]) u16(central, v);
    u32(central, 0);
    u32(central, offset);
    central.push(...n);
  }
  const cdOffset = out.length;
  out.push(...central);
  u32(out, 0x06054b50);
  for (const v of [0, 0, names.length, names.length]) u16(out, v);
  u32(out, central.length);
  u32(out, cdOffset);
  u16(out, 0);
  return new Uint8Array(out);
}

describe("sniffFileKind", () => {
  it("recognises binary formats by their magic bytes, whatever the name says", () => {
    expect(sniffFileKind(enc("%PDF-1.7\n..."), "photo.jpg")).toBe("pdf");
    expect(sniffFileKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), "x.pdf")).toBe("png");
    expect(sniffFileKind(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), "x")).toBe("jpeg");
    expect(sniffFileKind(enc("RIFF\0\0\0\0WEBPVP8 "), "x")).toBe("webp");
    expect(sniffFileKind(enc("GIF89a\x01\x00"), "x")).toBe("gif");
    expect(sniffFileKind(enc("AC1032\0\0\0\0"), "drawing.pdf")).toBe("dwg");
  });

  it("recognises DXF text drawings and tells CSV from TXT by the name", () => {
    expect(sniffFileKind(enc("  0\r\nSECTION\r\n  2\r\nHEADER\r\n"), "plan.dxf")).toBe("dxf");
    expect(sniffFileKind(enc("Артикул;Наименование\nТМГ-1000;Трансформатор\n"), "price.csv")).toBe("csv");
    expect(sniffFileKind(enc("просто текст"), "readme.txt")).toBe("txt");
    const cp1251 = new Uint8Array([0xc0, 0xf0, 0xf2, 0xe8, 0xea, 0xf3, 0xeb, 0x3b, 0x31, 0x0a]); // «Артикул;1»
    expect(sniffFileKind(cp1251, "old.csv")).toBe("csv");
  });

  it("tells XLSX from DOCX by the archive entries and refuses other archives", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Лист1").addRow(["a", 1]);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(zipEntryNames(xlsx)).toContain("xl/workbook.xml");
    expect(sniffFileKind(xlsx, "catalog.xlsx")).toBe("xlsx");
    expect(sniffFileKind(zipWith(["[Content_Types].xml", "word/document.xml"]), "a.xlsx")).toBe("docx");
    expect(sniffFileKind(zipWith(["evil.exe"]), "a.xlsx")).toBeUndefined();
  });

  it("refuses binary junk, executables and empty input", () => {
    expect(sniffFileKind(new Uint8Array(), "a.txt")).toBeUndefined();
    expect(sniffFileKind(enc("MZ\x90\0\x03\0\0\0"), "setup.pdf")).toBeUndefined();
    expect(sniffFileKind(bytes(1, 2, 3, 4, 5, 6, 7, 8, 0, 0), "a.csv")).toBeUndefined();
  });
});

describe("contentDisposition", () => {
  it("keeps a Cyrillic name in filename* (RFC 5987) with an ASCII fallback", () => {
    const h = contentDisposition("Паспорт ТМГ-1000.pdf", "inline");
    expect(h).toMatch(/^inline; filename="[ -~]+"; filename\*=UTF-8''/);
    expect(h).toContain(`filename*=UTF-8''${encodeURIComponent("Паспорт ТМГ-1000.pdf")}`);
  });

  it("strips directories, quotes and control characters", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName('a"b\r\nc.pdf')).toBe("a_b__c.pdf");
    expect(contentDisposition('x"; filename="evil.exe')).not.toContain('"evil.exe"');
    expect(safeFileName("..")).toBe("file");
  });
});
