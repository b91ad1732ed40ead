import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossSiteMutation } from "./http-security.server";

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
});
