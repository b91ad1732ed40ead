/**
 * A destination for React's `renderToPipeableStream` that keeps the page in memory and hands it over in one Buffer when
 * React ends it. No page streams (no loader defers; the page cache and the ETag need the whole body anyway), so the
 * chunks skip the Node → web → Node stream layers and compression's per-write work (docs/performance.md «Session 10»).
 *
 * `writeText`: React (patched, patches/react-dom+18.3.1.patch) hands over its chunks as they are — strings and its
 * few encoded constants — instead of encoding each string into a 2 KB view (≈ 10,000 views a catalog page); each is
 * encoded straight into one growing buffer.
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
  /** the page's bytes as they come: `buffer[start, used)` is text not yet in `chunks` */
  private buffer: Buffer<ArrayBuffer> = Buffer.allocUnsafe(FIRST_BUFFER) as Buffer<ArrayBuffer>;
  private start = 0;
  private used = 0;
  private ended = false;

  constructor(private readonly onEnd: (page: Buffer<ArrayBuffer>) => void) {}

  /**
   * Encodes the chunk straight into the page's buffer. Two thirds of a catalog page's ≈ 10,000 chunks are React's
   * markup of one to three ASCII characters: they are copied character by character, which costs a third of joining
   * the strings and encoding the joined text (V8's join spends ≈ 80 ns an element); the rest goes through
   * `Buffer#write`. A chunk is a whole string of the page (React never splits one), so encoding chunk by chunk gives
   * the bytes `Buffer.from(chunks.join(""))` gives (tested).
   */
  writeText(chunk: string | Uint8Array): void {
    const text = typeof chunk === "string" ? chunk : decoded(chunk);
    const length = text.length;
    // a UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair: 2 units, 4 bytes)
    if (this.used + length * 3 > this.buffer.length) this.grow(length * 3);
    const buffer = this.buffer;
    const at = this.used;
    if (length < ASCII_LOOP_BELOW) {
      let i = 0;
      for (; i < length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0x80) break;
        buffer[at + i] = code;
      }
      if (i === length) {
        this.used = at + length;
        return;
      }
    }
    this.used = at + buffer.write(text, at, "utf8");
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
      this.chunks.length === 1
        ? (this.chunks[0] as Buffer<ArrayBuffer>)
        : (Buffer.concat(this.chunks, this.length) as Buffer<ArrayBuffer>),
    );
  }

  /** React listens for drain, error and close; memory never needs draining, errors or closes. */
  on(_event: string, _listener: (...args: unknown[]) => void): this {
    return this;
  }

  private flushText() {
    if (this.used === this.start) return;
    this.push(this.buffer.subarray(this.start, this.used));
    this.start = this.used;
  }

  /** A new buffer (twice as large, or more) for what comes next; what is written stays a view of the old one. */
  private grow(needed: number) {
    this.flushText();
    this.buffer = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, needed)) as Buffer<ArrayBuffer>;
    this.start = 0;
    this.used = 0;
  }

  private push(bytes: Buffer) {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
}

/** A catalog page is ≈ 95 KB, a product page ≈ 60 KB: most pages fit the first buffer. */
const FIRST_BUFFER = 128 * 1024;
/** below this length a chunk is tried as ASCII in a JavaScript loop (measured: 24–256 cost the same) */
const ASCII_LOOP_BELOW = 64;

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
