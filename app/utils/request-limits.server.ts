import { hasControlChars, stripControlChars } from "./control-chars";

/**
 * Bounds on what one request may make the server do before any route action runs (scripts/serve.ts applies them to
 * every action of the build and checks Content-Length before Remix reads anything):
 * - the body: at most FORM_MAX_BYTES for a form without files, UPLOAD_MAX_BYTES + FORM_MAX_BYTES on a route that takes
 *   uploads; a larger body is refused with 413 without being read further;
 * - the form fields: how many, how long a name, how deep a path and how large an array index. Conform's parser turns a
 *   name such as `x[10000000]` into an array of that length and walks it (a 9–16 s stall of the whole server), so such
 *   names never reach an action: 400.
 */

/** Largest body of a form without files (HTML forms here post a few kilobytes; an RFQ of 200 items stays far below). */
export const FORM_MAX_BYTES = 1024 * 1024;
/** Form limits; an RFQ carries at most 200 items with a handful of fields each. */
export const FORM_MAX_FIELDS = 4000;
export const FORM_MAX_NAME_LENGTH = 200;
export const FORM_MAX_INDEX = 1000;
export const FORM_MAX_DEPTH = 8;

/** Route ids (Remix file names) whose actions accept file uploads. */
const UPLOAD_ROUTES = [
  /supplier\.products\.(new|\$id)$/,
  /supplier\.products\._index$/,
  /supplier\.import$/,
  /supplier\.rfqs\.\$id$/,
  // the supplier's filled-in quote workbook (XLSX round-trip)
  /supplier\.rfqs\.\$id_\.quote-upload$/,
  /rfq\.(new|cart|\$id\.edit)$/,
  // a спецификация (XLSX/CSV, ≤ 2 MB) read into RFQ lines
  /rfq\.spec-preview$/,
  /buyer\.rfqs\.\$id\._index$/,
  // signed contract scans (closing documents) and платёжное поручение scans
  /orders\.\$id$/,
  // 1C «обмен с сайтом»: file chunks up to the file_limit announced at init
  /exchange\.1c$/,
];

export function acceptsUploads(routeId: string): boolean {
  return UPLOAD_ROUTES.some((re) => re.test(routeId));
}

/** The largest body a route accepts. */
export function bodyLimit(routeId: string | undefined, uploadMaxBytes: number): number {
  if (routeId && (acceptsUploads(routeId) || /^routes\/api\./.test(routeId))) return uploadMaxBytes + FORM_MAX_BYTES;
  return FORM_MAX_BYTES;
}

/**
 * The largest body any route could accept for this request (the early Content-Length check in scripts/serve.ts, before
 * Remix matches a route): a url-encoded form on a page is at most FORM_MAX_BYTES.
 */
export function largestBodyLimit(
  input: { path: string; contentType: string | undefined },
  uploadMaxBytes: number,
): number {
  const type = input.contentType?.toLowerCase() ?? "";
  if (type.startsWith("application/x-www-form-urlencoded") && !input.path.startsWith("/api/")) return FORM_MAX_BYTES;
  return uploadMaxBytes + FORM_MAX_BYTES;
}

/**
 * Wraps a route action: the body is bounded by the route's limit and the form field names are checked before the
 * action sees the request.
 */
export function withRequestLimits<A extends { request: Request }, R>(
  routeId: string,
  uploadMaxBytes: () => number,
  action: (args: A) => R | Promise<R>,
) {
  return async (args: A): Promise<R> => {
    const request = await boundedFormRequest(args.request, bodyLimit(routeId, uploadMaxBytes()));
    return action(request === args.request ? args : { ...args, request });
  };
}

function refusal(status: 400 | 413, code: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", Connection: "close" },
  });
}

export const TOO_LARGE_BODY = { error: { code: "payload_too_large", message: "Request body too large" } };
export const tooLarge = () => refusal(413, TOO_LARGE_BODY.error.code, TOO_LARGE_BODY.error.message);

/** Why a form field name is refused, or null when it is fine. */
export function badFieldName(name: string): string | null {
  if (name.length > FORM_MAX_NAME_LENGTH) return "name too long";
  const segments = name.split(/[.[]/);
  if (segments.length > FORM_MAX_DEPTH) return "name nested too deep";
  for (const m of name.matchAll(/\[([^\]]*)\]/g)) {
    if (/^\d+$/.test(m[1]) && (m[1].length > 4 || Number(m[1]) > FORM_MAX_INDEX)) return "array index too large";
  }
  return null;
}

/** Checks the names of a parsed form; throws a 400 Response on the first bad one. */
export function checkFormFields(names: Iterable<string>): void {
  let count = 0;
  for (const name of names) {
    if (++count > FORM_MAX_FIELDS) throw refusal(413, "too_many_fields", "Too many form fields");
    const bad = badFieldName(name);
    if (bad) throw refusal(400, "bad_field_name", `Bad form field name: ${bad}`);
  }
}

/** Reads a body stream up to `limit` bytes; throws a 413 Response as soon as it grows past it. */
export async function readBounded(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // stop reading, but do not cancel: cancelling destroys the socket before the 413 is sent (the server closes
      // the connection once the response is out, see scripts/serve.ts)
      reader.releaseLock();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * The request with its body read (at most `limit` bytes), its form field names checked and NUL/control characters
 * removed from its text fields; the action gets this copy. Bodiless requests and bodies that are not forms (the 415
 * gate refuses them on page routes) pass with only the size bound.
 */
export async function boundedFormRequest(request: Request, limit: number): Promise<Request> {
  if (!request.body) return request;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  const bytes = await readBounded(request.body, limit);
  const init = { method: request.method, headers: request.headers, signal: request.signal };
  const copy = new Request(request.url, { ...init, body: bytes });
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  if (type.startsWith("application/x-www-form-urlencoded")) {
    const params = new URLSearchParams(new TextDecoder().decode(bytes));
    checkFormFields(params.keys());
    if (![...params.values()].some(hasControlChars)) return copy;
    const clean = new URLSearchParams();
    for (const [k, v] of params) clean.append(stripControlChars(k), stripControlChars(v));
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    return new Request(request.url, { ...init, headers, body: clean });
  }
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await copy.clone().formData();
    } catch {
      throw refusal(400, "bad_form_body", "Malformed form body");
    }
    checkFormFields(form.keys());
    if (![...form.values()].some((v) => typeof v === "string" && hasControlChars(v))) return copy;
    const clean = new FormData();
    for (const [k, v] of form) clean.append(k, typeof v === "string" ? stripControlChars(v) : v);
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    headers.delete("content-type");
    return new Request(request.url, { ...init, headers, body: clean });
  }
  return copy;
}
