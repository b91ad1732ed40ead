import { describe, expect, it } from "vitest";
import { extendDeadlineSchema, parseMoscowDateTime, rfqPublishSchema, toMoscowDateTimeInput } from "./rfq.schema";

const now = new Date("2026-03-10T09:00:00Z"); // 12:00 in Moscow

function valid(overrides: Record<string, unknown> = {}) {
  return {
    title: "Трансформаторы для ТП-12",
    deliveryAddress: "г. Севастополь, ул. Промышленная, д. 1",
    deadline: "2026-03-20T18:00",
    neededBy: "2026-04-15",
    items: [{ name: "ТМГ-1000/10/0,4", quantity: "2", unit: "pcs" }],
    ...overrides,
  };
}

function messages(input: unknown) {
  const r = rfqPublishSchema(now).safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("rfqPublishSchema", () => {
  it("accepts a complete RFQ", () => {
    expect(rfqPublishSchema(now).safeParse(valid()).success).toBe(true);
  });

  it("refuses quantity 0 with a clear message", () => {
    expect(messages(valid({ items: [{ name: "Кабель", quantity: "0", unit: "m" }] }))).toEqual({
      "items.0.quantity": "errors.quantityPositive",
    });
  });

  it("refuses a non-numeric quantity", () => {
    expect(messages(valid({ items: [{ name: "Кабель", quantity: "много", unit: "m" }] }))["items.0.quantity"]).toBe(
      "errors.quantityNumber",
    );
  });

  it("refuses a deadline in the past", () => {
    expect(messages(valid({ deadline: "2026-03-10T11:59" }))).toEqual({ deadline: "errors.deadlinePast" });
  });

  it("refuses a deadline on or after the needed-by date", () => {
    expect(messages(valid({ deadline: "2026-04-15T10:00" }))).toEqual({ deadline: "errors.deadlineAfterNeededBy" });
    expect(messages(valid({ deadline: "2026-04-20T10:00" }))).toEqual({ deadline: "errors.deadlineAfterNeededBy" });
  });

  it("requires at least one item and a known unit", () => {
    expect(messages(valid({ items: [] }))).toEqual({ items: "errors.noItems" });
    expect(messages(valid({ items: [{ name: "X", quantity: "1", unit: "bucket" }] }))["items.0.unit"]).toBe(
      "errors.unit",
    );
  });
});

describe("Moscow time", () => {
  it("reads datetime-local values as Moscow time and writes them back", () => {
    const d = parseMoscowDateTime("2026-03-20T18:00");
    expect(d?.toISOString()).toBe("2026-03-20T15:00:00.000Z");
    expect(toMoscowDateTimeInput(d)).toBe("2026-03-20T18:00");
    expect(parseMoscowDateTime("20.03.2026")).toBeNull();
  });
});

describe("extendDeadlineSchema", () => {
  const current = new Date("2026-03-20T15:00:00Z");
  const neededBy = new Date("2026-04-14T21:00:00Z");
  const parse = (deadline: string) => extendDeadlineSchema({ now, current, neededBy }).safeParse({ deadline });
  it("accepts a later deadline before needed-by", () => {
    expect(parse("2026-03-25T18:00").success).toBe(true);
  });
  it("refuses an earlier deadline or one after needed-by", () => {
    expect(parse("2026-03-19T18:00").error?.issues[0].message).toBe("errors.deadlineNotLater");
    expect(parse("2026-04-16T18:00").error?.issues[0].message).toBe("errors.deadlineAfterNeededBy");
  });
});
