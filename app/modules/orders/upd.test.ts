import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { buildUpdData, updFileId } from "./upd";
import { encodeUpdXml, renderUpdXml } from "./upd-xml";

const party = { legalName: "АО «Балтэнергомаш»", inn: "7801234567", kpp: "780101001", address: "СПб" };
const src = {
  order: {
    number: 42,
    createdAt: new Date("2026-11-01T10:00:00Z"),
    confirmedAt: new Date("2026-11-02T10:00:00Z"),
    deliveryAddress: "Севастополь",
    deliveryCostKopecks: 100_000n,
    deliveryVatRate: "VAT20" as const,
  },
  shipment: {
    seq: 1,
    shippedOn: new Date("2026-11-20T21:30:00Z"),
    carrier: "ПЭК",
    waybillNumber: "ТН-1",
    lines: [
      {
        quantity: "2.500",
        orderLine: { position: 1, name: "Песок", unit: "m3", unitPriceKopecks: 33_333n, vatRate: "VAT10" as const },
      },
      {
        quantity: "3",
        orderLine: { position: 0, name: "Труба", unit: "pcs", unitPriceKopecks: 10_000n, vatRate: "VAT20" as const },
      },
    ],
  },
  seller: party,
  buyer: { ...party, legalName: "ООО «Херсонес»", inn: "9201234567", kpp: null },
  signerName: "Иванов Пётр Сергеевич",
  guid: "0f8fad5b-d9cb-469f-a165-70867728950e",
  generatedAt: new Date("2026-11-20T21:30:00Z"),
};

describe("УПД data", () => {
  it("orders lines by position, rounds each line, sums per rate, puts delivery on the first УПД", () => {
    const d = buildUpdData(src);
    expect(d.lines.map((l) => [l.name, l.okei, l.unitName, l.quantity])).toEqual([
      ["Труба", "796", "шт", "3"],
      ["Песок", "113", "м³", "2.5"],
      ["Доставка", null, "усл. ед", "1"],
    ]);
    // 2,5 × 333,33 = 833,325 → 833,33; НДС 10 % = 83,33
    expect(d.lines[1].amounts).toEqual({ net: 83_333n, vat: 8_333n, gross: 91_666n });
    expect(d.byRate.map((r) => [r.vatRate, r.amounts.gross])).toEqual([
      ["VAT20", 36_000n + 120_000n],
      ["VAT10", 91_666n],
    ]);
    expect(d.total.gross).toBe(247_666n);
    // dates in Moscow time: 21:30 UTC on the 20th is the 21st
    expect(d.date).toBe("21.11.2026");
    expect(d.fileId).toBe(
      "ON_NSCHFDOPPR_9201234567_7801234567-780101001_20261121_0f8fad5b-d9cb-469f-a165-70867728950e",
    );
    expect(updFileId(src.buyer, src.seller, src.generatedAt, src.guid)).toBe(d.fileId);
    expect(d.signer).toEqual({
      position: "Руководитель организации",
      lastName: "Иванов",
      firstName: "Пётр",
      middleName: "Сергеевич",
    });
  });

  it("encodes windows-1251; м³ becomes м3, quotes and № survive, markup is escaped", () => {
    const xml = renderUpdXml(buildUpdData({ ...src, seller: { ...party, legalName: 'АО «Балт & Ко» "№1"' } }));
    const bytes = encodeUpdXml(xml);
    const back = iconv.decode(bytes, "windows-1251");
    expect(back).toContain('НаимЕдИзм="м3"');
    expect(back).toContain('НаимОрг="АО «Балт &amp; Ко» &quot;№1&quot;"');
    // no character was lost: the only "?" are the XML declaration's
    expect(back.split("?").length - 1).toBe(2);
  });
});
