import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PageCollector } from "./page-collector.server";

type Destination = Pick<PageCollector, "write" | "end" | "on"> & Partial<Pick<PageCollector, "writeText">>;

/** Renders into a collector: as React (patched) sees it, or through `write` only, as an unpatched React writes. */
function render(element: React.ReactElement, via: "writeText" | "write"): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const collector = new PageCollector(resolve);
    const destination: Destination =
      via === "writeText"
        ? collector
        : {
            write: (chunk) => collector.write(chunk),
            end: () => collector.end(),
            on: () => collector,
          };
    const { pipe } = renderToPipeableStream(element, {
      onShellReady: () => pipe(destination as unknown as NodeJS.WritableStream),
      onShellError: reject,
    });
  });
}

// Long Cyrillic texts between tags: React 18.3 leaves 0x00 padding at the end of a 2 KB view when a two-byte character
// does not fit (facebook/react#24985); some of these offsets hit it
const texts = Array.from({ length: 60 }, (_, i) => `${"ж".repeat(i)}Правовые документы ${"щ".repeat(97)} №${i}`);
const page = (
  <ul>
    {texts.map((text) => (
      <li key={text}>
        {text}
        {/* an attribute React escapes and text nodes it separates with a comment */}
        <a href={`/products/${text}?a=1&b=2`}>«{text.length}»</a>
        {text.length}
      </li>
    ))}
  </ul>
);

describe("PageCollector", () => {
  it.each(["writeText", "write"] as const)(
    "gives React's whole page in one buffer, in UTF-8 without a NUL (via %s)",
    async (via) => {
      const html = await render(page, via);
      expect(html.includes(0)).toBe(false);
      const text = html.toString("utf8");
      expect(text.startsWith("<ul>")).toBe(true);
      expect(text.endsWith("</ul>")).toBe(true);
      for (const t of texts)
        expect(text).toContain(
          `<li>${t}<a href="/products/${t}?a=1&amp;b=2">«<!-- -->${t.length}<!-- -->»</a>${t.length}</li>`,
        );
    },
  );

  it("is handed React's chunks as they are (the patched React writes no encoded views)", async () => {
    const writes: unknown[] = [];
    const html = await new Promise<Buffer>((resolve) => {
      const collector = new PageCollector(resolve);
      const write = collector.write.bind(collector);
      collector.write = (chunk) => {
        writes.push(chunk);
        return write(chunk);
      };
      const { pipe } = renderToPipeableStream(page, {
        onShellReady: () => pipe(collector as unknown as NodeJS.WritableStream),
      });
    });
    expect(writes).toEqual([]);
    expect(html.length).toBeGreaterThan(20_000);
  });

  it("gives the same bytes whichever way React writes", async () => {
    expect((await render(page, "writeText")).equals(await render(page, "write"))).toBe(true);
  });

  it("keeps every byte when there is no NUL, and drops only NULs when there are", () => {
    let got: Buffer = Buffer.alloc(0);
    const collector = new PageCollector((body) => {
      got = body;
    });
    collector.writeText("<p>");
    collector.writeText(new TextEncoder().encode("Счёт"));
    collector.write(Uint8Array.from([0x20, 0, 0, 0x41, 0]));
    collector.writeText("</p>");
    collector.end();
    expect(got.toString("utf8")).toBe("<p>Счёт A</p>");
  });

  it("encodes chunk by chunk exactly as Buffer.from encodes the joined page, whatever its characters", () => {
    const collect = (chunks: string[]) => {
      let got: Buffer = Buffer.alloc(0);
      const collector = new PageCollector((body) => {
        got = body;
      });
      for (const chunk of chunks) collector.writeText(chunk);
      collector.end();
      return got;
    };
    const samples: string[][] = [
      [],
      ["<p", ">", "ascii only", "</p>"],
      ["<", "td", ">", "Трансформатор «ТМГ» — 2 995 832,00 ₽", "</td>"],
      // three-byte characters only, short and long chunks
      ["₽", "—€".repeat(20), "₽—€".repeat(500)],
      // four-byte characters (surrogate pairs), an unpaired surrogate (encoded as U+FFFD by both)
      ["a".repeat(10), "😀".repeat(7), "ж".repeat(1000), "😀", "x\uD800y"],
      // more than the first buffer: the page continues in a second one, then a third
      Array.from({ length: 30_000 }, (_, i) => (i % 3 === 0 ? "<li>" : i % 3 === 1 ? `Кабель ${i} мм²` : "</li>")),
      ["z".repeat(300_000), "я"],
    ];
    for (const chunks of samples) {
      const expected = Buffer.from(chunks.join(""), "utf8");
      expect(collect(chunks).equals(expected), JSON.stringify(chunks.slice(0, 5))).toBe(true);
    }
  });

  it("keeps what was written when an unpatched write comes between texts", () => {
    let got: Buffer = Buffer.alloc(0);
    const collector = new PageCollector((body) => {
      got = body;
    });
    collector.writeText("ж".repeat(70_000));
    collector.write(new TextEncoder().encode("·"));
    collector.writeText("ё".repeat(70_000));
    collector.end();
    expect(got.toString("utf8")).toBe(`${"ж".repeat(70_000)}·${"ё".repeat(70_000)}`);
  });
});
