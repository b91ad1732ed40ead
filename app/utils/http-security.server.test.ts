import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  hasBadPercentEncoding,
  isCrossSiteMutation,
  isUnsupportedFormBody,
  redactUrl,
  trustedProxies,
  withFormBodyGuard,
} from "./http-security.server";

const base = { method: "POST", path: "/login", host: "snabmost.ru", secFetchSite: undefined };

describe("cross-site mutation check", () => {
  it("refuses a POST from another origin", () => {
    expect(isCrossSiteMutation({ ...base, origin: "https://evil.example" })).toBe(true);
    expect(isCrossSiteMutation({ ...base, origin: "null" })).toBe(true);
    expect(isCrossSiteMutation({ ...base, origin: undefined, secFetchSite: "cross-site" })).toBe(true);
  });

  it("allows same-origin posts, safe methods and signed webhooks", () => {
    expect(isCrossSiteMutation({ ...base, origin: "https://snabmost.ru" })).toBe(false);
    expect(isCrossSiteMutation({ ...base, method: "GET", origin: "https://evil.example" })).toBe(false);
    expect(isCrossSiteMutation({ ...base, path: "/webhooks/stripe", origin: "https://evil.example" })).toBe(false);
    expect(isCrossSiteMutation({ ...base, origin: undefined, secFetchSite: "same-origin" })).toBe(false);
  });
});

describe("content security policy", () => {
  it("allows scripts only with the request nonce and forbids framing", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp["script-src"]).toContain("'nonce-abc123'");
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
  });
  it("can read the nonce from each response, so the middleware is built once", () => {
    const csp = contentSecurityPolicy((_req, res) => (res as unknown as { locals: { n: string } }).locals.n);
    const source = csp["script-src"]?.[1];
    expect(typeof source).toBe("function");
    const at = (n: string) => (source as (req: unknown, res: unknown) => string)({}, { locals: { n } });
    expect(at("r1")).toBe("'nonce-r1'");
    expect(at("r2")).toBe("'nonce-r2'");
  });
});

describe("form body check", () => {
  const post = (contentType: string | undefined, path = "/login") =>
    isUnsupportedFormBody({ method: "POST", path, contentType });
  it("refuses page mutations whose body is not an HTML form", () => {
    expect(post("application/json")).toBe(true);
    expect(post("text/plain")).toBe(true);
    expect(post("multipart/form-data")).toBe(true);
    expect(post("multipart/form-data; boundary=")).toBe(true);
  });
  it("lets forms, bodiless posts, reads, APIs and webhooks through", () => {
    expect(post("application/x-www-form-urlencoded;charset=UTF-8")).toBe(false);
    expect(post("multipart/form-data; boundary=----WebKitFormBoundaryab12")).toBe(false);
    expect(post('multipart/form-data; boundary="x y"')).toBe(false);
    expect(post(undefined)).toBe(false);
    expect(post("application/json", "/api/v1/search")).toBe(false);
    expect(post("application/json", "/webhooks/stripe")).toBe(false);
    expect(isUnsupportedFormBody({ method: "GET", path: "/login", contentType: "application/json" })).toBe(false);
  });
});

describe("form body guard", () => {
  it("turns a malformed multipart body into 400 and lets other errors through", async () => {
    const action = withFormBodyGuard(async (request: Request) => (await request.formData()).get("x"));
    const bad = new Request("http://localhost/login", {
      method: "POST",
      body: "garbage",
      headers: { "content-type": "multipart/form-data; boundary=abc" },
    });
    const thrown = await action(bad).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    const failing = withFormBodyGuard(async () => {
      throw new Error("database down");
    });
    await expect(failing()).rejects.toThrow("database down");
  });
});

describe("probe findings (issue #17)", () => {
  it("an Origin with the right host but another scheme is another site", () => {
    const post = { method: "POST", path: "/login", host: "snabmost.ru", secFetchSite: undefined };
    expect(isCrossSiteMutation({ ...post, origin: "http://snabmost.ru", protocol: "https" })).toBe(true);
    expect(isCrossSiteMutation({ ...post, origin: "https://snabmost.ru", protocol: "https" })).toBe(false);
  });

  it("reset, verification and invitation tokens never reach the log", () => {
    expect(redactUrl("/reset-password?token=abc123&x=1")).toBe("/reset-password?token=[redacted]&x=1");
    expect(redactUrl("/en/verify-email?code=123456&token=zz")).toBe(
      "/en/verify-email?code=[redacted]&token=[redacted]",
    );
    expect(redactUrl("/invite/SeCrEt-ToKeN?lang=en")).toBe("/invite/[redacted]?lang=en");
    expect(redactUrl("/catalog?q=token")).toBe("/catalog?q=token");
  });

  it("broken percent-encoding is recognised", () => {
    expect(hasBadPercentEncoding("/products/%")).toBe(true);
    expect(hasBadPercentEncoding("/products/%E0%A4%A")).toBe(true);
    expect(hasBadPercentEncoding("/products/%D0%BA")).toBe(false);
  });

  it("proxies are an explicit list; TRUST_PROXY=true no longer trusts every hop", () => {
    expect(trustedProxies(undefined).list).toEqual(["loopback"]);
    expect(trustedProxies("10.0.0.5, 192.168.1.0/24").list).toEqual(["10.0.0.5", "192.168.1.0/24"]);
    const legacy = trustedProxies("true");
    expect(legacy.legacyTrue).toBe(true);
    expect(legacy.list).not.toContain(true);
  });
});
