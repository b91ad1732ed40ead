/**
 * A destination for React's `renderToPipeableStream` that keeps the page in memory and hands it over in one Buffer when
 * React ends it. No page streams (no loader defers; the page cache and the ETag need the whole body anyway), so the
 * ~50 chunks of 2 KB a catalog page makes skip the Node → web → Node stream layers and compression's per-write work
 * (docs/performance.md «Session 10»).
 *
 * React 18.3 can leave 0x00 bytes at the end of a chunk when a multi-byte (Cyrillic) character does not fit the rest of
 * its 2 KB view (facebook/react#24985, fixed in React 19 only): a «Правовые доку\0менты» in the page. UTF-8 never
 * encodes a character with a 0x00 byte and no page text holds NUL (forms strip control characters), so every 0x00 byte
 * is dropped, found with memchr (Buffer#indexOf). Checked here and by tests/e2e/security-probe.spec.ts #9.
 */
export class PageCollector {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private ended = false;

  constructor(private readonly onEnd: (page: Buffer<ArrayBuffer>) => void) {}

  write(chunk: Uint8Array | string): boolean {
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
    this.onEnd(Buffer.concat(this.chunks, this.length));
  }

  /** React listens for drain, error and close; memory never needs draining, errors or closes. */
  on(_event: string, _listener: (...args: unknown[]) => void): this {
    return this;
  }

  private push(bytes: Buffer) {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
}
