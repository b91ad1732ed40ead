import { describe, expect, it } from "vitest";
import { availableActions, canRate, hasInvoice, transition } from "./state-machine";

describe("order state machine", () => {
  it("walks the happy path, each step by its own party", () => {
    expect(transition("AWAITING_CONFIRMATION", "confirm", "SUPPLIER")).toEqual({ ok: true, to: "CONFIRMED" });
    expect(transition("CONFIRMED", "choosePayment", "BUYER")).toEqual({ ok: true, to: "AWAITING_PAYMENT" });
    expect(transition("AWAITING_PAYMENT", "markPaid", "SUPPLIER")).toEqual({ ok: true, to: "PAID" });
    expect(transition("PAID", "ship", "SUPPLIER")).toEqual({ ok: true, to: "SHIPPED" });
    expect(transition("SHIPPED", "deliver", "BUYER")).toEqual({ ok: true, to: "DELIVERED" });
    expect(transition("DELIVERED", "close", "BUYER")).toEqual({ ok: true, to: "CLOSED" });
  });

  it("refuses the wrong party", () => {
    expect(transition("AWAITING_CONFIRMATION", "confirm", "BUYER")).toEqual({ ok: false, reason: "wrong_party" });
    expect(transition("AWAITING_PAYMENT", "markPaid", "BUYER")).toEqual({ ok: false, reason: "wrong_party" });
    expect(transition("PAID", "ship", "BUYER")).toEqual({ ok: false, reason: "wrong_party" });
    expect(transition("SHIPPED", "deliver", "SUPPLIER")).toEqual({ ok: false, reason: "wrong_party" });
    expect(transition("AWAITING_PAYMENT", "paymentSucceeded", "SUPPLIER")).toEqual({
      ok: false,
      reason: "wrong_party",
    });
    expect(transition("AWAITING_PAYMENT", "markPaid", "SYSTEM")).toEqual({ ok: false, reason: "wrong_party" });
  });

  it("refuses skipping steps and repeating them", () => {
    expect(transition("AWAITING_CONFIRMATION", "markPaid", "SUPPLIER")).toEqual({ ok: false, reason: "wrong_status" });
    expect(transition("CONFIRMED", "ship", "SUPPLIER")).toEqual({ ok: false, reason: "wrong_status" });
    expect(transition("PAID", "markPaid", "SUPPLIER")).toEqual({ ok: false, reason: "wrong_status" });
    expect(transition("PAID", "paymentSucceeded", "SYSTEM")).toEqual({ ok: false, reason: "wrong_status" });
    expect(transition("CONFIRMED", "confirm", "SUPPLIER")).toEqual({ ok: false, reason: "wrong_status" });
    expect(transition("SHIPPED", "close", "BUYER")).toEqual({ ok: false, reason: "wrong_status" });
  });

  it("allows cancel by either side only before shipping", () => {
    for (const s of ["AWAITING_CONFIRMATION", "CONFIRMED", "AWAITING_PAYMENT", "PAID"] as const) {
      expect(transition(s, "cancel", "BUYER")).toEqual({ ok: true, to: "CANCELLED" });
      expect(transition(s, "cancel", "SUPPLIER")).toEqual({ ok: true, to: "CANCELLED" });
    }
    for (const s of ["SHIPPED", "DELIVERED", "CLOSED", "CANCELLED"] as const) {
      expect(transition(s, "cancel", "BUYER").ok).toBe(false);
      expect(transition(s, "cancel", "SUPPLIER").ok).toBe(false);
    }
  });

  it("lists the buttons each party sees", () => {
    expect(availableActions("AWAITING_CONFIRMATION", "SUPPLIER")).toEqual(["confirm", "cancel"]);
    expect(availableActions("AWAITING_CONFIRMATION", "BUYER")).toEqual(["cancel"]);
    expect(availableActions("SHIPPED", "BUYER")).toEqual(["deliver"]);
    expect(availableActions("CANCELLED", "BUYER")).toEqual([]);
  });

  it("rating only after delivery; invoice only after confirmation", () => {
    expect(canRate("SHIPPED")).toBe(false);
    expect(canRate("DELIVERED")).toBe(true);
    expect(canRate("CLOSED")).toBe(true);
    expect(hasInvoice("AWAITING_CONFIRMATION")).toBe(false);
    expect(hasInvoice("CONFIRMED")).toBe(true);
    expect(hasInvoice("CANCELLED")).toBe(false);
  });

  it("ships in parts: shipPart keeps PARTIALLY_SHIPPED, ship finishes; settle is the supplier's way to DELIVERED", () => {
    expect(transition("PAID", "shipPart", "SUPPLIER")).toEqual({ ok: true, to: "PARTIALLY_SHIPPED" });
    expect(transition("PARTIALLY_SHIPPED", "shipPart", "SUPPLIER")).toEqual({ ok: true, to: "PARTIALLY_SHIPPED" });
    expect(transition("PARTIALLY_SHIPPED", "ship", "SUPPLIER")).toEqual({ ok: true, to: "SHIPPED" });
    expect(transition("PARTIALLY_SHIPPED", "deliver", "BUYER")).toEqual({ ok: false, reason: "wrong_status" });
    expect(transition("PARTIALLY_SHIPPED", "cancel", "BUYER")).toEqual({ ok: false, reason: "wrong_status" });
    expect(transition("SHIPPED", "settle", "SUPPLIER")).toEqual({ ok: true, to: "DELIVERED" });
    expect(transition("SHIPPED", "settle", "BUYER")).toEqual({ ok: false, reason: "wrong_party" });
    // implicit steps never become buttons
    expect(availableActions("PARTIALLY_SHIPPED", "SUPPLIER")).toEqual(["ship"]);
    expect(availableActions("SHIPPED", "SUPPLIER")).toEqual([]);
  });
});
