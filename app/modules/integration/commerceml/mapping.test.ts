import { describe, expect, it } from "vitest";
import { signPayload, verifySignature } from "../webhooks/signature";
import { commerceMlVatRate, okeiOfUnit, unitFromOkei, vatRateFromCommerceMl } from "./mapping";
import { stepsFromRequisites } from "./orders-xml";

describe("CommerceML ↔ marketplace codes", () => {
  it("maps ОКЕИ codes to units and back", () => {
    expect(unitFromOkei("796")).toBe("pcs");
    expect(unitFromOkei("6")).toBe("m");
    expect(unitFromOkei("113")).toBe("m3");
    expect(unitFromOkei("999")).toBeNull();
    expect(okeiOfUnit("kg")).toEqual({ code: "166", short: "кг" });
    expect(okeiOfUnit("шт").code).toBe("796");
  });

  it("maps НДС rates, refusing ones the money module does not know", () => {
    expect(vatRateFromCommerceMl("20")).toBe("VAT20");
    expect(vatRateFromCommerceMl("10%")).toBe("VAT10");
    expect(vatRateFromCommerceMl("0")).toBe("VAT0");
    expect(vatRateFromCommerceMl("Без налога")).toBe("NO_VAT");
    expect(vatRateFromCommerceMl("33")).toBeNull();
    expect(commerceMlVatRate("NO_VAT")).toBe("Без налога");
  });

  it("reads 1C order flags as order steps", () => {
    expect(stepsFromRequisites({ Проведен: "true" })).toEqual(["confirm"]);
    expect(stepsFromRequisites({ "Дата отгрузки по 1С": "2026-12-02T10:00:00" })).toEqual([
      "confirm",
      "markPaid",
      "ship",
    ]);
    expect(stepsFromRequisites({ Отменен: "true", Проведен: "true" })).toEqual(["cancel"]);
    expect(stepsFromRequisites({ "Дата оплаты по 1С": "0001-01-01T00:00:00" })).toEqual([]);
  });
});

describe("webhook signatures", () => {
  it("verifies its own signature and refuses a changed body, another secret or an old timestamp", () => {
    const now = 1_800_000_000;
    const header = signPayload("whsec_test", '{"a":1}', now);
    expect(verifySignature("whsec_test", header, '{"a":1}', now + 10)).toBe(true);
    expect(verifySignature("whsec_test", header, '{"a":2}', now)).toBe(false);
    expect(verifySignature("whsec_other", header, '{"a":1}', now)).toBe(false);
    expect(verifySignature("whsec_test", header, '{"a":1}', now + 301)).toBe(false);
    expect(verifySignature("whsec_test", null, '{"a":1}', now)).toBe(false);
  });
});
