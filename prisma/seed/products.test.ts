import { describe, expect, it } from "vitest";
import {
  isValidBik,
  isValidCorrespondentAccount,
  isValidInn,
  isValidKpp,
  isValidOgrn,
  isValidSettlementAccount,
} from "../../app/modules/accounts/accounts.schema";
import { CATEGORIES, LEAF_CATEGORIES, SECTORS, validateSpecs } from "./categories";
import { generateProducts, productIdPrefix, productStream, REFERENCE_DATE, slugify } from "./products";
import { BUYERS, ORGANIZATIONS, SUPPLIERS } from "./suppliers";

const bySlug = new Map(CATEGORIES.map((c) => [c.slug, c]));
const products = generateProducts({ count: 20_000, seed: 42 });

describe("category tree", () => {
  it("has four sector roots and 6–10 leaves per sector with unique slugs and attribute codes", () => {
    expect(CATEGORIES.filter((c) => c.parentSlug === null).map((c) => c.sector)).toEqual(SECTORS.map((s) => s.code));
    for (const s of SECTORS) {
      const leaves = LEAF_CATEGORIES.filter((c) => c.sector === s.code);
      expect(leaves.length).toBeGreaterThanOrEqual(6);
      expect(leaves.length).toBeLessThanOrEqual(10);
      for (const c of leaves) expect(c.parentSlug).toBe(s.slug);
    }
    expect(new Set(CATEGORIES.map((c) => c.slug)).size).toBe(CATEGORIES.length);
    for (const c of CATEGORIES) {
      expect(c.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(new Set(c.attributes.map((a) => a.code)).size).toBe(c.attributes.length);
      for (const a of c.attributes) {
        if (a.type === "ENUM") expect(a.options?.length ?? 0).toBeGreaterThan(1);
        else expect(a.options).toBeUndefined();
      }
    }
  });
});

describe("organisations", () => {
  it("has ≥ 28 Petersburg suppliers and 2 Sevastopol buyers with valid requisites", () => {
    expect(SUPPLIERS.length).toBeGreaterThanOrEqual(28);
    expect(BUYERS).toHaveLength(2);
    for (const o of ORGANIZATIONS) {
      expect(isValidInn(o.inn), `${o.slug} ИНН ${o.inn}`).toBe(true);
      expect(o.inn).toHaveLength(10);
      expect(isValidKpp(o.kpp), `${o.slug} КПП`).toBe(true);
      expect(o.kpp.slice(0, 4)).toBe(o.inn.slice(0, 4));
      expect(isValidOgrn(o.ogrn), `${o.slug} ОГРН ${o.ogrn}`).toBe(true);
      expect(isValidBik(o.bik), `${o.slug} БИК`).toBe(true);
      expect(isValidCorrespondentAccount(o.correspondentAccount, o.bik), `${o.slug} к/с`).toBe(true);
      expect(isValidSettlementAccount(o.settlementAccount, o.bik), `${o.slug} р/с`).toBe(true);
      expect(o.email).toMatch(/\.example$/);
    }
    for (const s of SUPPLIERS) {
      expect(s.inn.startsWith("78")).toBe(true);
      expect(s.kpp).toMatch(/^78\d{2}01001$/);
      expect(s.bik).toMatch(/^0440305\d\d$/);
      expect(s.phone).toMatch(/^\+7 \(812\) \d{3}-\d{2}-\d{2}$/);
      expect(s.legalAddress).toContain("Санкт-Петербург");
      expect(s.deliveryTerms).toMatch(/Севастопол/);
      expect(s.sectors.length).toBeGreaterThanOrEqual(1);
    }
    for (const b of BUYERS) {
      expect(b.inn.startsWith("92")).toBe(true);
      expect(b.kpp).toMatch(/^920\d01001$/);
      expect(b.deliveryAddress).toContain("Севастополь");
    }
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(ORGANIZATIONS.map((o) => o.inn))).toBe(true);
    expect(unique(ORGANIZATIONS.map((o) => o.slug))).toBe(true);
    expect(unique(ORGANIZATIONS.map((o) => o.ogrn))).toBe(true);
    const verified = SUPPLIERS.filter((s) => s.verifiedAt !== null).length / SUPPLIERS.length;
    expect(verified).toBeGreaterThan(0.6);
    expect(verified).toBeLessThan(0.85);
    expect(SUPPLIERS.some((s) => s.sectors.length === 2)).toBe(true);
  });
});

describe("generateProducts", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const again = generateProducts({ count: 500, seed: 42 });
    expect(again).toEqual(products.slice(0, 500));
    const streamed = [...productStream({ count: 50, seed: 42, offset: 1000 })];
    expect(streamed).toEqual(products.slice(1000, 1050));
    const other = generateProducts({ count: 50, seed: 43 });
    expect(other.map((p) => p.title)).not.toEqual(products.slice(0, 50).map((p) => p.title));
    expect(products.every((p) => p.id.startsWith(productIdPrefix(42)))).toBe(true);
  });

  it("produces spec values valid against the category attributes", () => {
    for (const p of products) {
      const category = bySlug.get(p.categorySlug)!;
      expect(category.parentSlug, p.categorySlug).not.toBeNull();
      expect(p.sector).toBe(category.sector);
      expect(validateSpecs(p.specs, category.attributes), `${p.title}`).toEqual([]);
    }
  });

  it("has unique slugs, ids and (supplier, sku) over 20 000 products", () => {
    expect(new Set(products.map((p) => p.slug)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
    expect(new Set(products.map((p) => `${p.supplierSlug}|${p.sku}`)).size).toBe(products.length);
    for (const p of products.slice(0, 2000)) expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    // another seed never collides with this one
    const other = new Set(generateProducts({ count: 2000, seed: 4 }).map((p) => p.slug));
    expect(products.some((p) => other.has(p.slug))).toBe(false);
  });

  it("covers every category and sector, and every supplier only in its sectors", () => {
    const small = generateProducts({ count: 650 });
    for (const list of [small, products]) {
      const categories = new Set(list.map((p) => p.categorySlug));
      for (const c of LEAF_CATEGORIES) expect(categories.has(c.slug), c.slug).toBe(true);
      expect(new Set(list.map((p) => p.sector)).size).toBe(4);
      expect(new Set(list.map((p) => p.supplierSlug)).size).toBe(SUPPLIERS.length);
    }
    const suppliers = new Map(SUPPLIERS.map((s) => [s.slug, s]));
    for (const p of products) {
      const s = suppliers.get(p.supplierSlug)!;
      expect(s.sectors).toContain(p.sector);
      if (s.specialties) expect(s.specialties).toContain(p.categorySlug);
      if (!s.vatPayer) expect(p.vatRate).toBe("NO_VAT");
    }
  });

  it("has plausible commercial fields", () => {
    const n = products.length;
    const onRequest = products.filter((p) => p.priceKopecks === null).length / n;
    expect(onRequest).toBeGreaterThan(0.04);
    expect(onRequest).toBeLessThan(0.14);
    const published = products.filter((p) => p.status === "PUBLISHED").length / n;
    expect(published).toBeGreaterThan(0.9);
    expect(products.filter((p) => p.vatRate === "VAT22").length / n).toBeGreaterThan(0.8);
    expect(products.some((p) => p.vatRate === "VAT20")).toBe(false);
    for (const v of ["VAT10", "VAT0", "NO_VAT"]) expect(products.some((p) => p.vatRate === v)).toBe(true);
    for (const p of products) {
      if (p.priceKopecks !== null) expect(p.priceKopecks > 0n).toBe(true);
      expect(p.minOrderQty).toBeGreaterThan(0);
      expect(p.description.split(". ").length).toBeGreaterThanOrEqual(2);
      if (p.status === "PUBLISHED") expect(p.publishedAt!.getTime()).toBeLessThanOrEqual(REFERENCE_DATE.getTime());
    }
    const cables = products.filter((p) => p.categorySlug === "kabel-i-provod");
    expect(cables.every((p) => p.unit === "m" || p.unit === "km")).toBe(true);
    const certs = products.flatMap((p) => p.certificates);
    expect(certs.length).toBeGreaterThan(n / 2);
    const expired = certs.filter((c) => c.expiresAt && c.expiresAt < REFERENCE_DATE).length / certs.length;
    expect(expired).toBeGreaterThan(0);
    expect(expired).toBeLessThan(0.2);
    expect(certs.some((c) => /^ЕАЭС RU С-RU\.[А-Я]{2}\d{2}\.В\.\d{5}\/\d{2}$/.test(c.number))).toBe(true);
  });

  it("names products with real-world model designations", () => {
    const titles = products.map((p) => p.title).join("\n");
    for (const re of [
      /Трансформатор силовой масляный ТМГ-\d+\/(6|10)\/0,4 (У1|УХЛ1)/,
      /Подстанция КТП-\d+\/(6|10)\/0,4-У1 киоскового типа/,
      /Котёл водогрейный газомазутный КВ-ГМ-1,16-115/,
      /Насос сетевой СЭ 1250-140/,
      /Кабель силовой АПвБбШв 4×120-1/,
      /Гидротурбина радиально-осевая РО \d+-[ВГ]-\d+/,
      /Ограничитель перенапряжений ОПН-П-10\/12,7\/10\/\d УХЛ1/,
      /Мусоровоз с задней загрузкой КО-427-72 на шасси КАМАЗ/,
    ]) {
      expect(titles).toMatch(re);
    }
  });

  it("streams as many products as asked, each with its own slug", () => {
    // speed is measured by `npm run bench:import` / the seed's own timing, not asserted here
    const slugs = new Set<string>();
    for (const p of productStream({ count: 20_000, seed: 9 })) slugs.add(p.slug);
    expect(slugs.size).toBe(20_000);
  });
});

describe("slugify", () => {
  it("transliterates Russian titles", () => {
    expect(slugify("Силовые трансформаторы")).toBe("silovye-transformatory");
    expect(slugify("Трансформатор ТМГ-1000/10/0,4 У1")).toBe("transformator-tmg-1000-10-0-4-u1");
    expect(slugify("Щётка «Ёж» × 2")).toBe("schetka-ezh-x-2");
  });
});
