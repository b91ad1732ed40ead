import { inflateRawSync } from "node:zlib";
import type { FileKind } from "./file-kinds";

/**
 * Content sniffing by magic bytes. Returns the detected kind or undefined for anything we do not accept.
 * `name` only disambiguates text formats (a .csv file is CSV, any other plain text is TXT).
 */
export function sniffFileKind(bytes: Uint8Array, name = ""): FileKind | undefined {
  if (bytes.length === 0) return undefined;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return "webp";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "gif";
  if (/^AC10\d\d$/.test(ascii(bytes, 0, 6))) return "dwg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  if (ascii(bytes, 0, 22) === "AutoCAD Binary DXF\r\n\x1a\0") return "dxf";
  const text = decodeText(bytes.subarray(0, 64 * 1024));
  if (text === undefined) return undefined;
  if (/^\s*0\s*\r?\n\s*SECTION\s*\r?\n/.test(text)) return "dxf";
  return /\.(csv|tsv)$/i.test(name) ? "csv" : "txt";
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  let s = "";
  for (let i = offset; i < Math.min(bytes.length, offset + length); i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** Plain text: no NUL and almost no control characters; UTF-8 or a single-byte Cyrillic encoding. */
function decodeText(bytes: Uint8Array): string | undefined {
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return undefined;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > bytes.length / 100) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // a multi-byte sequence cut at the 64 KiB boundary, or windows-1251 text
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/** Where a ZIP archive's end-of-central-directory record starts (signature 0x06054b50 within the last 64 KiB + 22
 * bytes), or -1 when there is none. */
function endOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 65_557);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

/** Names of the entries in a ZIP archive, read from its central directory (no decompression). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function sniffZip(bytes: Uint8Array): FileKind | undefined {
  const names = new Set(zipEntryNames(bytes));
  if (!names.has("[Content_Types].xml")) return undefined;
  if (names.has("xl/workbook.xml")) return "xlsx";
  if (names.has("word/document.xml")) return "docx";
  return undefined;
}

/** Most bytes the entries of an uploaded XLSX/DOCX may inflate to (a 10,000-row price list is a few MB). */
export const ZIP_MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const ZIP_MAX_ENTRIES = 5_000;

/**
 * Zip-bomb guard for Office files: inflates every entry (bounded by `limit` in total, so a bomb stops early) and says
 * whether the whole archive stays within it. Declared sizes are not trusted; encrypted, ZIP64 or unknown-method
 * entries and broken archives are refused.
 */
export function zipInflatesWithin(bytes: Uint8Array, limit = ZIP_MAX_INFLATED_BYTES): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  if (eocd < 0) return false;
  const count = view.getUint16(eocd + 10, true);
  if (count > ZIP_MAX_ENTRIES) return false;
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return false;
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressed = view.getUint32(offset + 20, true);
    const declared = view.getUint32(offset + 24, true);
    const local = view.getUint32(offset + 42, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    offset += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) return false; // encrypted
    if (compressed === 0xffffffff || declared === 0xffffffff) return false; // ZIP64
    if (total + declared > limit) return false;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return false;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) return false;
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) total += compressed;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total) }).byteLength;
      } catch {
        return false; // over the limit (RangeError) or corrupt
      }
    } else return false;
    if (total > limit) return false;
  }
  return true;
}
