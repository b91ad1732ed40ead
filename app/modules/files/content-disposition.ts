/**
 * A Content-Disposition header with an ASCII fallback and the RFC 5987 `filename*` for the real (e.g. Cyrillic) name.
 * Quotes, backslashes, control characters and path separators never reach the header.
 */
export function contentDisposition(filename: string, type: "inline" | "attachment" = "attachment"): string {
  const clean = safeFileName(filename);
  const fallback = clean.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Bidirectional overrides and isolates, marks and zero-width characters: `spec\u202Efdp.vbs` would display as
 * "specsbv.pdf". They are removed from names.
 */
const INVISIBLE_FORMATTING = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A display file name without directories, control, bidi or reserved characters; at most 200 characters.
 */
export function safeFileName(name: string): string {
  const base = name.replace(INVISIBLE_FORMATTING, "").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "_")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 200);
  return cleaned === "" ? "file" : cleaned;
}
