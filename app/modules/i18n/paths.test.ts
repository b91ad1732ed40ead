import { describe, expect, it } from "vitest";
import { langFromPath, localizePath, stripLang } from "./paths";

describe("language paths", () => {
  it("treats /en as English and everything else as Russian", () => {
    expect(langFromPath("/en")).toBe("en");
    expect(langFromPath("/en/catalog")).toBe("en");
    expect(langFromPath("/catalog")).toBe("ru");
    expect(langFromPath("/english")).toBe("ru");
    expect(langFromPath("/")).toBe("ru");
  });

  it("strips and adds the prefix symmetrically", () => {
    expect(stripLang("/en/products/tmg-1000")).toBe("/products/tmg-1000");
    expect(stripLang("/en")).toBe("/");
    expect(stripLang("/products/x")).toBe("/products/x");
    expect(localizePath("en", "/products/x")).toBe("/en/products/x");
    expect(localizePath("en", "/")).toBe("/en");
    expect(localizePath("en", "/?q=1")).toBe("/en?q=1");
    expect(localizePath("ru", "/products/x")).toBe("/products/x");
    expect(localizePath("en", "https://example.com")).toBe("https://example.com");
  });
});
