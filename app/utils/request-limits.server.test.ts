import { describe, expect, it } from "vitest";
import {
  badFieldName,
  bodyLimit,
  boundedFormRequest,
  FORM_MAX_BYTES,
  largestBodyLimit,
  withRequestLimits,
} from "./request-limits.server";

const form = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://app.test/login", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  });

async function status(p: Promise<unknown>): Promise<number | "ok"> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

describe("form field names", () => {
  it("refuses huge array indexes, long names and deep nesting; accepts the app's own names", () => {
    expect(badFieldName("x[10000000]")).toBe("array index too large");
    expect(badFieldName("items[00000000001]")).toBe("array index too large");
    expect(badFieldName("a".repeat(201))).toBe("name too long");
    expect(badFieldName("a.b.c.d.e.f.g.h.i")).toBe("name nested too deep");
    expect(badFieldName("items[199].quantity")).toBeNull();
    expect(badFieldName("specs.voltage")).toBeNull();
    expect(badFieldName("email")).toBeNull();
  });

  it("a body with x[10000000]=1 is refused before the action runs", async () => {
    let ran = false;
    const action = withRequestLimits(
      "routes/($lang).login",
      () => 1024,
      async () => {
        ran = true;
        return "done";
      },
    );
    expect(await status(action({ request: form("email=a%40b.c&x[10000000]=1") }))).toBe(400);
    expect(await status(action({ request: form(Array.from({ length: 4001 }, (_, i) => `f${i}=1`).join("&")) }))).toBe(
      413,
    );
    expect(ran).toBe(false);
    expect(await action({ request: form("email=a%40b.c&password=x") })).toBe("done");
  });
});

describe("body size", () => {
  it("forms get 1 MB, upload routes UPLOAD_MAX_BYTES more; the API its own", () => {
    expect(bodyLimit("routes/($lang).login", 25e6)).toBe(FORM_MAX_BYTES);
    expect(bodyLimit("routes/($lang).supplier.import", 25e6)).toBe(25e6 + FORM_MAX_BYTES);
    expect(bodyLimit("routes/($lang).rfq.$id.edit", 25e6)).toBe(25e6 + FORM_MAX_BYTES);
    expect(largestBodyLimit({ path: "/login", contentType: "application/x-www-form-urlencoded" }, 25e6)).toBe(
      FORM_MAX_BYTES,
    );
  });

  it("a streamed body past the limit is 413 even without Content-Length", async () => {
    const chunk = new TextEncoder().encode(`a=${"x".repeat(64 * 1024)}&`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        if (sent > 200 * 1024 * 1024) controller.close();
      },
    });
    const request = new Request("http://app.test/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(await status(boundedFormRequest(request, FORM_MAX_BYTES))).toBe(413);
    // stopped reading soon after the limit, not at 200 MB
    expect(sent).toBeLessThan(FORM_MAX_BYTES + 256 * 1024);
  });
});

describe("control characters", () => {
  it("NUL and other control characters never reach the action; line breaks stay", async () => {
    const r = await boundedFormRequest(
      form(`title=${encodeURIComponent("Кабель\u0000 ВВГ\u0007\nнг")}`),
      FORM_MAX_BYTES,
    );
    expect((await r.formData()).get("title")).toBe("Кабель ВВГ\nнг");
    const fd = new FormData();
    fd.append("title", "A\u0000B");
    fd.append("file", new File(["%PDF-1.4"], "a.pdf"));
    const multipart = await boundedFormRequest(
      new Request("http://app.test/supplier/products/new", { method: "POST", body: fd }),
      FORM_MAX_BYTES,
    );
    const parsed = await multipart.formData();
    expect(parsed.get("title")).toBe("AB");
    expect((parsed.get("file") as File).name).toBe("a.pdf");
  });
});
