import { describe, expect, it } from "vitest";
import en from "~/locales/en/rfq.json";
import ru from "~/locales/ru/rfq.json";
import { RFQ_EVENTS, type RfqEvent, rfqEventKey } from "./rfq-events";

// Checked by tsc (npm run typecheck): a missing translation of an event is a type error, not a raw key on screen.
const ruActions: Record<RfqEvent, string> = ru.audit.actions;
const enActions: Record<RfqEvent, string> = en.audit.actions;

describe("RFQ history events", () => {
  it.each(RFQ_EVENTS)("%s has a translation in Russian and English", (event) => {
    expect(ruActions[event]).toMatch(/\S/);
    expect(enActions[event]).toMatch(/\S/);
    expect(ruActions[event]).not.toBe(event);
    expect(enActions[event]).not.toBe(event);
  });

  it("an unknown action is named generically, never shown as its raw key", () => {
    expect(rfqEventKey("closed_early")).toBe("audit.actions.closed_early");
    expect(rfqEventKey("something_new")).toBe("audit.other");
    expect(ru.audit.other).toMatch(/\S/);
    expect(en.audit.other).toMatch(/\S/);
  });
});
