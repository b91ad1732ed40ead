import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { type Actor, NotFoundError } from "~/modules/accounts/actor";
import { getUpd, listDocuments, readDocument } from "~/modules/orders/documents.server";
import { FulfilmentInputError, performOrderStep } from "~/modules/orders/orders.server";
import { createShipment } from "~/modules/orders/shipments.server";
import { wireApp } from "~/startup.server";
import { getPrisma } from "~/utils/db.server";
import { createActor, createUser } from "../../fixtures/factories";
import { pdfText } from "../../helpers/pdf-text";
import { FILE_ID, parseUpdXml, validateUpdXml } from "../../helpers/upd-xml-schema";
import { createAwardedOrder, giveRequisites, SETTLEMENT } from "./helpers";

wireApp();

async function shippedTwice() {
  const buyer = await createActor({ kind: "BUYER", name: "Севгорэнерго" });
  const supplier = await createActor({ kind: "SUPPLIER", verified: true, name: "Балтэнергомаш" });
  const stranger = await createActor({ kind: "BUYER", name: "Посторонний завод" });
  const opUser = await createUser();
  const operator: Actor = { userId: opUser.id, organizationId: null, orgKind: null, role: null, isOperator: true };
  await giveRequisites(supplier.organization.id);
  const { orderId, number } = await createAwardedOrder({
    buyer: buyer.actor,
    supplierOrgId: supplier.organization.id,
    deliveryCostKopecks: 500_000n,
    lines: [
      { name: "Кабель ВВГнг(А)-LS 3×2,5", quantity: "100", unit: "m", unitPriceKopecks: 10_000n, vatRate: "VAT20" },
      { name: "Трансформатор ТМГ-630", quantity: "2", unit: "pcs", unitPriceKopecks: 33_333n, vatRate: "VAT10" },
      { name: "Щебень", quantity: "3", unit: "m3", unitPriceKopecks: 150_000n, vatRate: "NO_VAT" },
    ],
  });
  await performOrderStep(supplier.actor, orderId, { action: "confirm" });
  await performOrderStep(supplier.actor, orderId, { action: "markPaid" });
  const lines = await getPrisma().orderLine.findMany({ where: { orderId }, orderBy: { position: "asc" } });
  const base = { carrier: "ПЭК", shippedOn: new Date("2026-11-20T09:00:00Z"), tracking: null };
  const first = await createShipment(supplier.actor, orderId, {
    ...base,
    waybillNumber: "ТН-101",
    lines: { [lines[0].id]: "100", [lines[1].id]: "1", [lines[2].id]: "3" },
  });
  const second = await createShipment(supplier.actor, orderId, {
    ...base,
    waybillNumber: "ТН-102",
    lines: { [lines[1].id]: "1" },
  });
  return { buyer, supplier, stranger, operator, orderId, number, first, second };
}

describe("УПД per shipment", () => {
  it("XML 5.03 in windows-1251 passes the structural schema, with file id, ИНН/КПП, ОКЕИ, НДС by line and totals", async () => {
    const { buyer, supplier, orderId, first } = await shippedTwice();
    const xml = await getUpd(buyer.actor, orderId, { shipmentId: first.shipmentId, format: "xml" });
    expect(xml.mimeType).toBe("application/xml; charset=windows-1251");
    expect(validateUpdXml(xml.bytes)).toEqual([]);

    const { root } = parseUpdXml(xml.bytes);
    expect(root.attrs.ВерсФорм).toBe("5.03");
    expect(root.attrs.ИдФайл).toMatch(FILE_ID);
    expect(xml.filename).toBe(`${root.attrs.ИдФайл}.xml`);
    const s = supplier.organization;
    const b = buyer.organization;
    expect(root.attrs.ИдФайл).toContain(`_${b.inn}${b.kpp ? `-${b.kpp}` : ""}_${s.inn}${s.kpp ? `-${s.kpp}` : ""}_`);
    const docEl = root.children[0];
    expect(docEl.attrs.Функция).toBe("СЧФДОП");
    const text = iconv.decode(xml.bytes, "windows-1251");
    expect(text).toContain(`ИННЮЛ="${s.inn}"`);
    expect(text).toContain(`ИННЮЛ="${b.inn}"`);
    expect(text).toContain(`НомерСчета="${SETTLEMENT}"`);
    // cable 100 m × 100,00 = 10 000,00 + 20 % ; trafo 1 pcs × 333,33 + 10 % ; щебень 3 м³ × 1 500,00 без НДС; delivery 5 000 + 20 %
    expect(text).toContain(
      'ОКЕИ_Тов="006" НаимЕдИзм="м" КолТов="100" ЦенаТов="100.00" СтТовБезНДС="10000.00" НалСт="20%" СтТовУчНал="12000.00"',
    );
    expect(text).toContain(
      'ОКЕИ_Тов="796" НаимЕдИзм="шт" КолТов="1" ЦенаТов="333.33" СтТовБезНДС="333.33" НалСт="10%" СтТовУчНал="366.66"',
    );
    // м³ is not in windows-1251: written as м3, nothing garbled
    expect(text).toContain('ОКЕИ_Тов="113" НаимЕдИзм="м3" КолТов="3"');
    expect(text).toContain("<БезНДС>без НДС</БезНДС>");
    expect(text).toContain('НаимТов="Доставка"');
    // totals: net 10 000 + 333,33 + 4 500 + 5 000 = 19 833,33; VAT 2 000 + 33,33 + 0 + 1 000 = 3 033,33
    expect(text).toContain('СтТовБезНДСВсего="19833.33" СтТовУчНалВсего="22866.66"');
    expect(text).toMatch(/<СумНалВсего>\s*<СумНал>3033\.33<\/СумНал>/);
    expect(text).toContain('НомТранНакл="ПЭК, ТН-101"');
  });

  it("the schema test can fail: a missing ИНН, a wrong version or a bad amount are reported", async () => {
    const { buyer, orderId, first } = await shippedTwice();
    const xml = await getUpd(buyer.actor, orderId, { shipmentId: first.shipmentId, format: "xml" });
    const text = iconv.decode(xml.bytes, "windows-1251");
    const broken = (t: string) => validateUpdXml(iconv.encode(t, "windows-1251"));
    expect(broken(text.replace(/ ИННЮЛ="\d+"/, ""))).toEqual([expect.stringContaining("@ИННЮЛ: required")]);
    expect(broken(text.replace('ВерсФорм="5.03"', 'ВерсФорм="5.01"'))).toHaveLength(1);
    expect(broken(text.replace('СтТовУчНалВсего="22866.66"', 'СтТовУчНалВсего="22866,66"'))).toHaveLength(1);
    expect(validateUpdXml(Buffer.from(text.replace("windows-1251", "utf-8"), "utf8"))).toEqual([
      "encoding utf-8, expected windows-1251",
    ]);
  });

  it("PDF has both parties' requisites, ОКЕИ code and name, НДС by rate, totals and signatures; stored once", async () => {
    const { buyer, supplier, orderId, number, first, second } = await shippedTwice();
    const pdf = await getUpd(supplier.actor, orderId, { shipmentId: first.shipmentId, format: "pdf" });
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(`Счёт-фактура № ${number}-1`);
    expect(text).toContain(supplier.organization.inn);
    expect(text).toContain(buyer.organization.inn);
    expect(text).toContain("006");
    expect(text).toMatch(/в том числе по ставке 20\s%/);
    expect(text).toContain("22 866,66");
    expect(text).toContain("Двадцать две тысячи восемьсот шестьдесят шесть рублей 66 копеек");
    expect(text).toContain("Товар (груз) получил");

    // the second shipment has its own УПД; the first one is served from storage, byte for byte
    const again = await getUpd(buyer.actor, orderId, { shipmentId: first.shipmentId, format: "pdf" });
    expect(again.sha256).toBe(pdf.sha256);
    const secondPdf = await pdfText(
      (await getUpd(buyer.actor, orderId, { shipmentId: second.shipmentId, format: "pdf" })).bytes,
    );
    expect(secondPdf).toContain(`№ ${number}-2`);
    expect(secondPdf).not.toContain("Доставка");

    await expect(getUpd(buyer.actor, orderId, { format: "pdf" })).rejects.toBeInstanceOf(FulfilmentInputError);

    const docs = await listDocuments(buyer.actor, orderId);
    expect(docs.map((d) => `${d.kind}:${d.shipmentSeq}:v${d.version}`).sort()).toEqual([
      "UPD_PDF:1:v1",
      "UPD_PDF:2:v1",
      "UPD_XML:1:v1",
      "UPD_XML:2:v1",
    ]);
    const stored = await readDocument(supplier.actor, orderId, docs[0].id);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("only the two parties and the operator reach the documents", async () => {
    const { stranger, operator, orderId, first } = await shippedTwice();
    await expect(
      getUpd(stranger.actor, orderId, { shipmentId: first.shipmentId, format: "xml" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(listDocuments(stranger.actor, orderId)).rejects.toBeInstanceOf(NotFoundError);
    const op = operator;
    const xml = await getUpd(op, orderId, { shipmentId: first.shipmentId, format: "xml" });
    expect(validateUpdXml(xml.bytes)).toEqual([]);
    const [doc] = await listDocuments(op, orderId);
    await expect(readDocument(stranger.actor, orderId, doc.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
