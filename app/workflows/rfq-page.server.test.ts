import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/accounts/actor";
import { reasonSchema } from "~/modules/rfq/rfq.schema";
import { RfqValidationError } from "~/modules/rfq/rfq.server";
import { formStep, type IntentContext, rfqMistake, rfqTitle } from "./rfq-page.server";

function ctx(fields: Record<string, string>, lang: "ru" | "en" = "ru"): IntentContext {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return {
    request: new Request("http://test/buyer/rfqs/r1", { method: "POST" }),
    actor: {} as Actor,
    id: "r1",
    lang,
    form,
    intent: String(fields.intent ?? ""),
  };
}

describe("formStep", () => {
  const calls: string[] = [];
  const step = formStep(
    reasonSchema,
    async ({ id }, v) => {
      calls.push(`${id}:${v.reason}`);
    },
    ({ id }) => `/buyer/rfqs/${id}?done=cancelled`,
  );

  it("gives invalid input back to the form under its intent, without running the step", async () => {
    const res = (await step(ctx({ intent: "cancel", reason: "x" }))) as Response;
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.intent).toBe("cancel");
    expect(body.errors.reason).toEqual(["errors.reasonRequired"]);
    expect(calls).toEqual([]);
  });

  it("runs the step with the parsed value and redirects in the page language", async () => {
    const res = (await step(ctx({ intent: "cancel", reason: "  бюджет снят  " }, "en"))) as Response;
    expect(calls).toEqual(["r1:бюджет снят"]);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/en/buyer/rfqs/r1?done=cancelled");
  });
});

describe("rfqMistake", () => {
  it("answers an RFQ validation error with its field and form errors; rethrows anything else", async () => {
    const res = rfqMistake(new RfqValidationError({ deadline: ["errors.deadlinePast"] }, ["errors.x"]), "extend");
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      intent: "extend",
      errors: { deadline: ["errors.deadlinePast"] },
      formErrors: ["errors.x"],
    });
    const other = new Error("boom");
    expect(() => rfqMistake(other, "extend")).toThrow(other);
  });
});

describe("rfqTitle", () => {
  it("passes the RFQ's number and title to the text", () => {
    const t = ((key: string, p: Record<string, unknown>) => `${key}|${p.number}|${p.title}`) as never;
    expect(rfqTitle("buyer.rfqTitle")(t, { rfq: { number: 12, title: "Кабель" } })).toBe("buyer.rfqTitle|12|Кабель");
  });
});
