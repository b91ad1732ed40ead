import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../../../../prisma/seed/categories";
import { ILLUSTRATION_FAMILIES, illustrationFamily } from "./illustration-family";

/** The seeded categories whose equipment has no drawing of its own (vehicles, towers, arresters). */
const NO_FAMILY = new Set([
  "kommunalnaya-tehnika",
  "opory-lep",
  "opn",
  "kdm",
  "snegouborochnaya-tehnika",
  "podmetalno-uborochnye-mashiny",
  "musorovozy",
  "assenizatory",
]);

describe("category illustrations", () => {
  it("every seeded category with a family resolves to its drawing, not the generic one", () => {
    const generic = CATEGORIES.filter((c) => !NO_FAMILY.has(c.slug) && illustrationFamily(c) === "generic");
    expect(generic.map((c) => c.slug)).toEqual([]);
    expect(CATEGORIES.length).toBeGreaterThan(30);
  });

  it("draws what the category holds", () => {
    expect(illustrationFamily({ slug: "silovye-transformatory" })).toBe("transformer");
    expect(illustrationFamily({ slug: "kotly-parovye" })).toBe("boiler");
    expect(illustrationFamily({ slug: "kabel-i-provod" })).toBe("cable");
    expect(illustrationFamily({ slug: "kru-kso" })).toBe("switchgear");
    expect(illustrationFamily({ slug: "armatura-truboprovodnaya" })).toBe("valve");
    expect(illustrationFamily({ slug: "pribory-ucheta" })).toBe("meter");
    expect(illustrationFamily({ slug: "truby-ppu" })).toBe("pipe");
    expect(illustrationFamily({ slug: "gidroturbiny" })).toBe("hydro");
    expect(illustrationFamily({ slug: "nasosy-setevye" })).toBe("pump");
  });

  it("a category not listed takes its parent's drawing; with no known parent it is generic", () => {
    expect(illustrationFamily({ slug: "novaya-kategoriya", parent: { slug: "gidroenergetika" } })).toBe("hydro");
    expect(illustrationFamily({ slug: "novaya-kategoriya", parentSlug: "teploenergetika" })).toBe("boiler");
    expect(illustrationFamily({ slug: "novaya-kategoriya" })).toBe("generic");
    // a listed category without a family does not inherit its sector's
    expect(illustrationFamily({ slug: "opory-lep", parentSlug: "elektrosetevoe-hozyaystvo" })).toBe("generic");
  });

  it("has a drawing in the sprite for every family, and nothing else", () => {
    const sprite = fs.readFileSync(new URL("./illustrations.svg", import.meta.url), "utf8");
    const symbols = [...sprite.matchAll(/<symbol id="([^"]+)" viewBox="0 0 120 90"/g)].map((m) => m[1]);
    expect([...symbols].sort()).toEqual([...ILLUSTRATION_FAMILIES].sort());
    // each drawing has its pale ground and at least one stroke of its own
    for (const body of sprite.split("<symbol ").slice(1))
      expect(body.match(/<(path|circle|ellipse|rect) /g)?.length).toBeGreaterThan(2);
  });
});
