/** The kinds of file SnabMost accepts, decided by content (magic bytes), never by the name or the browser's type. */
export const FILE_KINDS = ["pdf", "png", "jpeg", "webp", "gif", "dwg", "dxf", "xlsx", "docx", "csv", "txt"] as const;

import { DomainError } from "~/utils/domain-error";
export type FileKind = (typeof FILE_KINDS)[number];

export const IMAGE_KINDS: readonly FileKind[] = ["png", "jpeg", "webp", "gif"];
/** Documents attached to products, RFQs and quotes (datasheets, drawings, specifications). */
export const DOCUMENT_KINDS: readonly FileKind[] = ["pdf", "dwg", "dxf", "xlsx", "docx", "csv", "txt"];
export const SPREADSHEET_KINDS: readonly FileKind[] = ["xlsx", "csv"];

export const MIME_TYPES: Record<FileKind, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  dwg: "image/vnd.dwg",
  dxf: "image/vnd.dxf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv",
  txt: "text/plain",
};

export const EXTENSIONS: Record<FileKind, string> = {
  pdf: "pdf",
  png: "png",
  jpeg: "jpg",
  webp: "webp",
  gif: "gif",
  dwg: "dwg",
  dxf: "dxf",
  xlsx: "xlsx",
  docx: "docx",
  csv: "csv",
  txt: "txt",
};

export function kindOfMime(mime: string): FileKind | undefined {
  return FILE_KINDS.find((k) => MIME_TYPES[k] === mime);
}

/** Error codes of an upload; the i18n key is `files:errors.<code>`. */
export type FileErrorCode = "too_large" | "bad_type" | "empty";

export class FileError extends DomainError {
  readonly i18nKey: string;
  constructor(
    readonly code: FileErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super("invalid", `file ${code}`, { formErrors: [`files:errors.${code}`] });
    this.i18nKey = `files:errors.${code}`;
  }
}

/** The file name extensions each kind may carry; a stored name always ends in one of its kind's (an allow-list). */
export const KIND_EXTENSIONS: Record<FileKind, readonly string[]> = {
  pdf: ["pdf"],
  png: ["png"],
  jpeg: ["jpg", "jpeg"],
  webp: ["webp"],
  gif: ["gif"],
  dwg: ["dwg"],
  dxf: ["dxf"],
  xlsx: ["xlsx"],
  docx: ["docx"],
  csv: ["csv", "tsv"],
  txt: ["txt", "text"],
};

/**
 * Names that a desktop would run or a browser would render as active content when a buyer opens the download. An
 * upload named like this is refused whatever its content (a VBScript is plain text to the sniffer).
 */
export const EXECUTABLE_EXTENSIONS = new Set([
  "app",
  "application",
  "appref-ms",
  "asp",
  "aspx",
  "bash",
  "bat",
  "cer",
  "chm",
  "cmd",
  "com",
  "command",
  "cpl",
  "crt",
  "csh",
  "dll",
  "docm",
  "dotm",
  "exe",
  "gadget",
  "hta",
  "htm",
  "html",
  "inf",
  "ins",
  "isp",
  "iso",
  "jar",
  "js",
  "jse",
  "jsp",
  "ksh",
  "lnk",
  "mht",
  "mhtml",
  "mjs",
  "msc",
  "msh",
  "msi",
  "msp",
  "mst",
  "ocx",
  "php",
  "pif",
  "pl",
  "potm",
  "ppam",
  "ppsm",
  "pptm",
  "ps1",
  "ps1xml",
  "ps2",
  "psc1",
  "psd1",
  "psm1",
  "py",
  "pyw",
  "rb",
  "reg",
  "scf",
  "scr",
  "sct",
  "sh",
  "shb",
  "shs",
  "svg",
  "svgz",
  "swf",
  "sys",
  "url",
  "vb",
  "vbe",
  "vbs",
  "vhd",
  "vhdx",
  "wsc",
  "wsf",
  "wsh",
  "xbap",
  "xht",
  "xhtml",
  "xlam",
  "xll",
  "xlsm",
  "xltm",
  "xml",
  "xsl",
]);
