/**
 * A destination for React's `renderToPipeableStream` that keeps the page in memory and hands it over in one Buffer when
 * React ends it. No page streams (no loader defers; the page cache and the ETag need the whole body anyway), so the
 * chunks skip the Node → web → Node stream layers and compression's per-write work (docs/performance.md «Session 10»).
 *
 * `writeText`: React (patched, patches/react-dom+18.3.1.patch) hands over its chunks as they are — strings and its
 * few encoded constants — instead of encoding each string into a 2 KB view (≈ 10,000 views a catalog page); the page
 * is encoded once, at the end.
 *
 * `write`: what an unpatched React writes. React 18.3 can leave 0x00 bytes at the end of a view when a multi-byte
 * (Cyrillic) character does not fit the rest of it (facebook/react#24985, fixed in React 19 only): a «Правовые
 * доку\0менты» in the page. UTF-8 never encodes a character with a 0x00 byte and no page text holds NUL (forms strip
 * control characters), so every 0x00 byte is dropped, found with memchr (Buffer#indexOf).
 * Both are checked here and by tests/e2e/security-probe.spec.ts #9.
 */
export class PageCollector {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private text: string[] = [];
  private ended = false;

  constructor(private readonly onEnd: (page: Buffer<ArrayBuffer>) => void) {}

  writeText(chunk: string | Uint8Array): void {
    this.text.push(typeof chunk === "string" ? chunk : decoded(chunk));
  }

  write(chunk: Uint8Array | string): boolean {
    this.flushText();
    const bytes =
      typeof chunk === "string"
        ? Buffer.from(chunk, "utf8")
        : Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nul = bytes.indexOf(0); nul !== -1; nul = bytes.indexOf(0, start)) {
      if (nul > start) this.push(bytes.subarray(start, nul));
      start = nul + 1;
    }
    if (start < bytes.length) this.push(start === 0 ? bytes : bytes.subarray(start));
    return true;
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.flushText();
    this.onEnd(
      this.chunks.length === 1 ? (this.chunks[0] as Buffer<ArrayBuffer>) : Buffer.concat(this.chunks, this.length),
    );
  }

  /** React listens for drain, error and close; memory never needs draining, errors or closes. */
  on(_event: string, _listener: (...args: unknown[]) => void): this {
    return this;
  }

  private flushText() {
    if (this.text.length === 0) return;
    this.push(utf8(this.text.join("")));
    this.text = [];
  }

  private push(bytes: Buffer) {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
}

/**
 * The page's UTF-8 bytes. A page is markup and Russian text, under two bytes a character: it is written straight into
 * a buffer of twice its length (one pass; `Buffer.from` measures the string first). A page that does not fit (mostly
 * three-byte characters) is encoded the usual way.
 */
export function utf8(text: string): Buffer<ArrayBuffer> {
  const bytes = Buffer.allocUnsafe(text.length * 2 + 4) as Buffer<ArrayBuffer>;
  const written = bytes.write(text, 0, "utf8");
  // write stops before a character that does not fit (at most 4 bytes): it wrote all if 4 bytes are left over
  return written <= bytes.length - 4 ? bytes.subarray(0, written) : (Buffer.from(text, "utf8") as Buffer<ArrayBuffer>);
}

/** React's encoded chunks are mostly module constants: each is decoded once. */
const decodedChunks = new WeakMap<Uint8Array, string>();

function decoded(chunk: Uint8Array): string {
  let text = decodedChunks.get(chunk);
  if (text === undefined) {
    text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("utf8");
    decodedChunks.set(chunk, text);
  }
  return text;
}
