import { describe, expect, it } from "vitest";
import { parseSearchParams, searchParamsToQuery } from "./search.schema";

const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs));

describe("search parameters", () => {
  it("reads repeatable filters, flags, ranges and spec filters; empty form fields count as absent", () => {
    const r = parse(
      "q=котел&sector=GRID&sector=HEAT_POWER&category=kotly&supplier=a&verified=1&stock=on&price_min=&price_max=1000&lead_max=30&spec.power_kva=630&spec.power_kva=1000&sort=price_asc&page=2",
    );
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data).toMatchObject({
      q: "котел",
      sector: ["GRID", "HEAT_POWER"],
      category: ["kotly"],
      supplier: ["a"],
      verified: true,
      stock: true,
      price_max: 1000,
      lead_max: 30,
      specs: { power_kva: ["630", "1000"] },
      sort: "price_asc",
      page: 2,
    });
    expect(r.data.price_min).toBeUndefined();
  });

  it("reads numeric spec ranges as typed and writes them back to the same URL", () => {
    const r = parse("spec.power_kva.min=1%C2%A0000&spec.power_kva.max=2500&spec.lv_kv.max=0,4&spec.power_kva=630");
    expect(r).toMatchObject({
      success: true,
      data: { specs: { power_kva: ["630"] }, specRanges: { power_kva: { min: 1000, max: 2500 }, lv_kv: { max: 0.4 } } },
    });
    if (!r.success) throw new Error("parse failed");
    expect(searchParamsToQuery(r.data).toString()).toBe(
      "spec.power_kva=630&spec.power_kva.min=1000&spec.power_kva.max=2500&spec.lv_kv.max=0.4",
    );
    expect(parse("spec.power_kva.min=abc")).toMatchObject({ success: false, issues: [{ path: "spec.power_kva.min" }] });
  });

  it("rejects bad values with a path per issue", () => {
    const r = parse("sort=cheap&page=0&sector=SPACE&spec.bad%20code=1");
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual(["page", "sector.0", "sort", "spec.bad code"].sort());
    const range = parse("price_min=5&price_max=1");
    expect(range.success ? [] : range.issues.map((i) => i.path)).toEqual(["price_min"]);
  });

  it("round-trips to a clean URL", () => {
    const r = parse("q=ТМГ&verified=1&spec.cooling=oil&page=1&sort=lead_asc");
    if (!r.success) throw new Error("parse failed");
    expect(searchParamsToQuery(r.data).toString()).toBe(
      new URLSearchParams("q=ТМГ&verified=1&spec.cooling=oil&sort=lead_asc").toString(),
    );
  });

  it("reads prices as typed with Russian digit grouping and a decimal comma", () => {
    const r = parse("price_min=1%C2%A0500%C2%A0000&price_max=2 000 000,50");
    expect(r.success && r.data).toMatchObject({ price_min: 1_500_000, price_max: 2_000_000.5 });
    expect(parse("price_min=много").success).toBe(false);
  });
});
