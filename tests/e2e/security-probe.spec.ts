import http from "node:http";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoOwnerEmail } from "./helpers/auth";
import { waitForMail } from "./helpers/mail";

/**
 * The outside probe of issue #17, replayed over real HTTP against the built server (scripts/serve.ts): each test is
 * one finding, sent the way the probe sent it (raw requests, forged headers).
 */

const SUPPLIER = "balt-energomash";

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

/** A raw HTTP request (Playwright's client sets Host itself; the probe forged it). */
function raw(
  baseURL: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer; chunks?: () => AsyncIterable<Buffer> } = {},
): Promise<RawResponse> {
  const url = new URL(baseURL);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, headers: opts.headers, agent: false },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString("utf8"),
            ms: performance.now() - started,
          }),
        );
      },
    );
    // writing into a connection the server has answered and closed: EPIPE/ECONNRESET once the answer is in; before it,
    // the answer was lost (say so instead of waiting for the test's timeout)
    let answered = false;
    req.on("response", () => {
      answered = true;
    });
    req.on("error", (e: NodeJS.ErrnoException) =>
      answered && (e.code === "EPIPE" || e.code === "ECONNRESET") ? undefined : reject(e),
    );
    if (opts.chunks) {
      const chunks = opts.chunks;
      (async () => {
        for await (const c of chunks()) {
          if (req.destroyed) return;
          if (!req.write(c)) {
            await new Promise<void>((r) => {
              const done = () => {
                req.off("drain", done);
                req.off("close", done);
                r();
              };
              req.on("drain", done);
              req.on("close", done);
            });
          }
        }
        req.end();
      })().catch(() => {});
    } else {
      req.end(opts.body);
    }
  });
}

const form = { "content-type": "application/x-www-form-urlencoded" };

test("#1 field names like x[10000000]=1 are refused before any action runs; the server never stalls", async ({
  baseURL,
}) => {
  const base = baseURL as string;
  for (const path of ["/login", "/forgot-password", "/signup", "/reset-password?token=abc", "/invite/abc"]) {
    const health = raw(base, "GET", "/healthz");
    const r = await raw(base, "POST", path, { headers: form, body: "email=a%40b.c&password=x&x[10000000]=1" });
    expect(r.status, path).toBe(400);
    expect(r.ms, path).toBeLessThan(2_000);
    expect((await health).ms, `/healthz during ${path}`).toBeLessThan(2_000);
  }
  // deep nesting and long names too
  const deep = await raw(base, "POST", "/login", { headers: form, body: `${"a.".repeat(50)}b=1` });
  expect(deep.status).toBe(400);
  const many = Array.from({ length: 5000 }, (_, i) => `f${i}=1`).join("&");
  expect((await raw(base, "POST", "/login", { headers: form, body: many })).status).toBe(413);
});

test("#4 a body over the form limit is refused with 413, declared or streamed", async ({ baseURL }) => {
  const base = baseURL as string;
  // the login route loaded first, so the streamed case measures the limit, not a cold module import
  expect((await raw(base, "GET", "/login")).status).toBe(200);
  const declared = await raw(base, "POST", "/login", {
    headers: { ...form, "content-length": String(200 * 1024 * 1024) },
    // the headers and the first bytes, then the client waits: the 413 must come before the server reads the body
    // (a client that keeps writing into a closed connection may never read the answer: TCP resets it)
    chunks: async function* () {
      yield Buffer.from("email=");
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    },
  });
  expect(declared.status).toBe(413);
  expect(JSON.parse(declared.body).error.code).toBe("payload_too_large");
  // chunked, no Content-Length: stopped once past 1 MB, not read to the end
  let sent = 0;
  const streamed = await raw(base, "POST", "/login", {
    headers: { ...form, "transfer-encoding": "chunked" },
    chunks: async function* () {
      const chunk = Buffer.alloc(64 * 1024, "a");
      yield Buffer.from("email=");
      while (sent < 200 * 1024 * 1024) {
        sent += chunk.length;
        yield chunk;
      }
    },
  });
  expect(streamed.status).toBe(413);
  expect(sent).toBeLessThan(100 * 1024 * 1024);
});

test("#2 #3 a forged Host / X-Forwarded-Host steers no link: reset mail, robots.txt, sitemap, canonical", async ({
  baseURL,
}) => {
  const base = baseURL as string;
  const evil = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
  const email = demoOwnerEmail(SUPPLIER);
  const before = Date.now();
  const reset = await raw(base, "POST", "/forgot-password", {
    headers: { ...form, ...evil },
    body: new URLSearchParams({ email }).toString(),
  });
  expect(reset.status).toBe(200);
  const mail = await waitForMail(email, { after: before });
  expect(mail.text).toContain(`${base}/reset-password?token=`);
  expect(mail.text).not.toContain("evil.example");

  const robots = await raw(base, "GET", "/robots.txt", { headers: evil });
  expect(robots.body).toContain(`Sitemap: ${base}/sitemap.xml`);
  expect(robots.body).not.toContain("evil.example");
  const sitemap = await raw(base, "GET", "/sitemap.xml", { headers: evil });
  expect(sitemap.status).toBe(200);
  expect(sitemap.body).toContain(`<loc>${base}/</loc>`);
  expect(sitemap.body).not.toContain("evil.example");
  const supplierPage = await raw(base, "GET", `/suppliers/${SUPPLIER}`, { headers: evil });
  expect(supplierPage.body).toContain(`rel="canonical" href="${base}/suppliers/${SUPPLIER}"`);
  expect(supplierPage.body).not.toContain("evil.example");
});

test("#8 bad URLs answer 400 (not 500); ?_data= is no empty 200", async ({ baseURL }) => {
  const base = baseURL as string;
  for (const path of ["/products/%", "/products/%E0%A4%A", "/catalog/%C0", "/%"]) {
    const r = await raw(base, "GET", path);
    expect(r.status, path).toBe(400);
    expect(r.body, path).not.toMatch(/at .*\.(js|ts):\d+/);
  }
  for (const path of ["/?_data=", "/catalog?_data=root", "/login?_data=routes%2F(%24lang).login"]) {
    const r = await raw(base, "GET", path);
    expect(r.status, path).toBe(400);
  }
});

test("#8 signed-in pages and data responses are private, no-store; every response has a Permissions-Policy", async ({
  request,
}) => {
  const home = await request.get("/");
  expect(home.headers()["permissions-policy"]).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  const data = await request.get("/catalog.data");
  expect(data.headers()["cache-control"]).toBe("private, no-store");
  const login = await request.post("/login", {
    form: { email: demoOwnerEmail(SUPPLIER), password: DEMO_PASSWORD, redirectTo: "/account" },
    maxRedirects: 0,
  });
  expect(login.status()).toBe(302);
  for (const path of ["/account", "/supplier/products", "/catalog", "/account.data"]) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(200);
    expect(r.headers()["cache-control"], path).toBe("private, no-store");
  }
});

test("#9 the CSRF check compares the scheme too; anonymous API calls get 401 JSON, not a redirect", async ({
  request,
  baseURL,
}) => {
  const base = baseURL as string;
  const wrongScheme = base.replace(/^http:/, "https:");
  const r = await request.post("/login", {
    form: { email: "nobody@example.test", password: "x" },
    headers: { origin: wrongScheme },
    maxRedirects: 0,
  });
  expect(r.status()).toBe(403);
  const api = await request.get("/api/v1/rfqs/some-id/comparison", { maxRedirects: 0 });
  expect(api.status()).toBe(401);
  expect(api.headers()["content-type"]).toMatch(/^application\/json/);
  expect((await api.json()).error.code).toBe("unauthorized");
});

test("#9 no NUL or control characters reach a page from a form", async ({ request }) => {
  // the probe put NUL bytes into titles; any form text is cleaned before the action sees it
  const r = await request.post("/forgot-password", {
    form: { email: "nul\u0000\u0007@example.test" },
    maxRedirects: 0,
  });
  const html = await r.text();
  expect(html).toContain("<html");
  expect(html.includes("\u0000") || html.includes("\u0007")).toBe(false);
});
