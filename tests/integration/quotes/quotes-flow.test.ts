import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { canReadFile } from "~/modules/files/files.server";
import {
  canReadQuoteAttachment,
  exportAwardProtocolXlsx,
  exportComparisonXlsx,
  getComparison,
  getQuoteForSupplier,
  QuoteValidationError,
  saveQuote,
  withdrawQuote,
} from "~/modules/quotes/quotes.server";
import { closeDueRfqs, closeRfqEarly } from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import { awardRfq } from "~/workflows/award.server";
import {
  captureMail,
  createMarket,
  DAY,
  type Market,
  outboxTopics,
  pdfFile,
  publishedRfq,
  quoteA,
  quoteB,
  quoteForm,
  withTempDataDir,
} from "./helpers";

withTempDataDir();
captureMail();
let m: Market;

beforeAll(async () => {
  m = await createMarket();
});

async function xlsxText(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        out.push(String(cell.value));
      }),
    ),
  );
  return out.join("|");
}

describe("submit, revise, withdraw", () => {
  it("only invited suppliers quote; buyers and outsiders are refused", async () => {
    const { id, items } = await publishedRfq(m);
    await expect(saveQuote(m.c.actor, id, quoteA(items), { mode: "submit" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveQuote(m.buyer.actor, id, quoteA(items), { mode: "submit" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(getQuoteForSupplier(m.d.actor, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("submit makes version 1, marks the recipient quoted, notifies the buyer; revise adds version 2", async () => {
    const { id, items } = await publishedRfq(m);
    const draft = await saveQuote(m.b.actor, id, quoteB(items, "480"), { mode: "draft" });
    expect(draft.version).toBe(0);
    let cmp = await getComparison(m.buyer.actor, id);
    expect(cmp.participants).toHaveLength(0); // a draft is invisible to the buyer
    const v1 = await saveQuote(m.b.actor, id, quoteB(items, "480"), { mode: "submit" });
    expect(v1.version).toBe(1);
    const rec = await getPrisma().rfqRecipient.findFirstOrThrow({
      where: { rfqId: id, supplierOrgId: m.b.organization.id },
    });
    expect(rec.status).toBe("QUOTED");
    const v2 = await saveQuote(m.b.actor, id, quoteB(items, "450"), { mode: "submit" });
    expect(v2.version).toBe(2);
    const own = await getQuoteForSupplier(m.b.actor, id);
    expect(own.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(own.versions[1].lines.find((l) => l.rfqItemId === items[1].id)?.unitPrice).toBe("48000"); // v1 immutable
    cmp = await getComparison(m.buyer.actor, id);
    expect(cmp.offers[0].version).toBe(2);
    expect(cmp.offers[0].lines[items[1].id].unitPrice).toBe("45000");
    expect(cmp.history.map((h) => h.version).sort()).toEqual([1, 2]);
    const topics = (await outboxTopics(v1.quoteId)).map((t) => t.topic);
    expect(topics).toEqual(["notify.quote_submitted", "notify.quote_revised"]);
    const payload = (await outboxTopics(v1.quoteId))[0].payload;
    expect(payload.orgIds).toEqual([m.buyer.organization.id]);
  });

  it("refuses quantities above the request, analogues where not allowed, empty quotes and missing validity", async () => {
    const { id, items } = await publishedRfq(m);
    const tooMuch = quoteForm([{ rfqItemId: items[0].id, unitPrice: "1", quantity: "11" }]);
    await expect(saveQuote(m.a.actor, id, tooMuch, { mode: "submit" })).rejects.toMatchObject({
      fieldErrors: { "lines[0].quantity": ["errors.quantityTooLarge"] },
    });
    const analogue = quoteForm([{ rfqItemId: items[0].id, unitPrice: "1", quantity: "1", analogueModel: "X" }]);
    await expect(saveQuote(m.a.actor, id, analogue, { mode: "submit" })).rejects.toMatchObject({
      fieldErrors: { "lines[0].analogueModel": ["errors.analogueNotAllowed"] },
    });
    await expect(saveQuote(m.a.actor, id, quoteForm([]), { mode: "submit" })).rejects.toMatchObject({
      formErrors: ["errors.noLines"],
    });
    const noValidity = { ...quoteA(items), validUntil: undefined };
    await expect(saveQuote(m.a.actor, id, noValidity, { mode: "submit" })).rejects.toMatchObject({
      fieldErrors: { validUntil: ["errors.validUntilRequired"] },
    });
    // a draft may be incomplete
    await expect(saveQuote(m.a.actor, id, noValidity, { mode: "draft" })).resolves.toMatchObject({ version: 0 });
  });

  it("no submit, revise or withdraw after the deadline", async () => {
    const { id, items } = await publishedRfq(m, { deadlineInDays: 2 });
    await saveQuote(m.a.actor, id, quoteA(items), { mode: "submit" });
    const later = new Date(Date.now() + 3 * DAY);
    await expect(saveQuote(m.a.actor, id, quoteA(items), { mode: "submit", now: later })).rejects.toMatchObject({
      formErrors: ["errors.closed"],
    });
    await expect(withdrawQuote(m.a.actor, id, later)).rejects.toBeInstanceOf(QuoteValidationError);
    expect((await getQuoteForSupplier(m.a.actor, id, later)).canEdit).toBe(false);
  });

  it("withdrawn quotes leave the comparison and cannot be awarded", async () => {
    const { id, items } = await publishedRfq(m);
    const a = await saveQuote(m.a.actor, id, quoteA(items), { mode: "submit" });
    await saveQuote(m.b.actor, id, quoteB(items), { mode: "submit" });
    await withdrawQuote(m.a.actor, id);
    const recipient = () =>
      getPrisma().rfqRecipient.findFirstOrThrow({ where: { rfqId: id, supplierOrgId: m.a.organization.id } });
    expect((await recipient()).status).toBe("VIEWED"); // no longer counted as quoted; may quote again
    const cmp = await getComparison(m.buyer.actor, id);
    expect(cmp.offers.map((o) => o.supplierName)).toEqual(["Невский трансформатор"]);
    expect(cmp.participants.find((p) => p.quoteId === a.quoteId)?.status).toBe("WITHDRAWN");
    expect((await outboxTopics(a.quoteId)).map((t) => t.topic)).toContain("notify.quote_withdrawn");
    await closeRfqEarly(m.buyer.actor, id);
    // the early close is the deadline's closing path: the silent recipient expires, the RFQ closes once
    expect((await recipient()).status).toBe("EXPIRED");
    await expect(closeRfqEarly(m.buyer.actor, id)).rejects.toMatchObject({
      formErrors: ["errors.closeEarlyNotAllowed"],
    });
    await expect(awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: a.quoteId }, null)).rejects.toMatchObject({
      fieldErrors: { quoteId: ["errors.quoteNotAwardable"] },
    });
  });
});

describe("comparison numbers and marks", () => {
  it("computes net / gross / landed totals and independent marks", async () => {
    const { id, items } = await publishedRfq(m);
    const a = await saveQuote(m.a.actor, id, quoteA(items), { mode: "submit" });
    const b = await saveQuote(m.b.actor, id, quoteB(items), { mode: "submit" });
    const cmp = await getComparison(m.buyer.actor, id);
    const A = cmp.offers.find((o) => o.quoteId === a.quoteId);
    const B = cmp.offers.find((o) => o.quoteId === b.quoteId);
    expect(A).toMatchObject({
      goodsNet: "1270000",
      goodsGross: "1519400",
      deliveryGross: "122000",
      landed: "1641400",
      complete: true,
    });
    expect(A?.lines[items[1].id]).toMatchObject({ net: "250000", vat: "25000", gross: "275000" });
    expect(B).toMatchObject({ goodsNet: "765000", goodsGross: "883800", deliveryGross: "50000", landed: "933800" });
    expect(B?.complete).toBe(false);
    expect(B?.lines[items[0].id].partial).toBe(true);
    expect(B?.lines[items[2].id]).toBeUndefined();
    expect(B?.lines[items[1].id].analogueModel).toBe("ТМГ-630 (аналог) Завод Б");
    expect(cmp.marks.bestPrice[items[0].id]).toEqual([b.quoteId]);
    expect(cmp.marks.bestLead[items[0].id]).toEqual([a.quoteId]);
    expect(cmp.marks.bestLead[items[1].id].sort()).toEqual([a.quoteId, b.quoteId].sort());
    expect(cmp.marks.bestPrice[items[2].id]).toEqual([a.quoteId]);
    expect(cmp.marks.bestLanded).toEqual([a.quoteId]); // B is cheaper but incomplete
    const text = await xlsxText(await exportComparisonXlsx(m.buyer.actor, id));
    expect(text).toContain("16414");
  });

  it("neutralises formula-like text in the export", async () => {
    const { id, items } = await publishedRfq(m);
    const form = quoteB(items);
    form.lines[1].analogueModel = '=HYPERLINK("http://evil")';
    await saveQuote(m.b.actor, id, form, { mode: "submit" });
    const text = await xlsxText(await exportComparisonXlsx(m.buyer.actor, id));
    expect(text).toContain("'=HYPERLINK");
    expect(text).not.toMatch(/(^|\|)=HYPERLINK/);
  });
});

describe("sealed RFQs", () => {
  it("hide prices from the buyer on every read path until the deadline, then open with a protocol", async () => {
    const { id, items } = await publishedRfq(m, { sealed: true, deadlineInDays: 2 });
    const form = quoteA(items);
    await saveQuote(m.a.actor, id, form, { mode: "submit", uploads: [pdfFile("kp.pdf")] });
    const own = await getQuoteForSupplier(m.a.actor, id);
    const fileId = own.versions[0].attachments[0].id;
    // page / JSON API (same use case)
    const before = await getComparison(m.buyer.actor, id);
    expect(before.pricesVisible).toBe(false);
    expect(before.participants.map((p) => p.supplierName)).toEqual(["Балтэнергомаш"]);
    expect(before.participants[0].submittedAt).not.toBeNull();
    expect(before.offers).toEqual([]);
    expect(before.history).toEqual([]);
    expect(JSON.stringify(before)).not.toMatch(/1641400|1519400|100000/);
    // export
    const text = await xlsxText(await exportComparisonXlsx(m.buyer.actor, id));
    expect(text).toContain("Балтэнергомаш");
    expect(text).not.toMatch(/16414|15194|1000(\||$)/);
    // attachments
    expect(await canReadQuoteAttachment(m.buyer.actor, fileId)).toBe(false);
    expect(await canReadFile(m.buyer.actor, fileId)).toBeNull();
    expect(await canReadFile(m.a.actor, fileId)).not.toBeNull();
    expect(await canReadFile(m.b.actor, fileId)).toBeNull();
    // no early close, no award before opening
    await expect(closeRfqEarly(m.buyer.actor, id)).rejects.toMatchObject({
      kind: "invalid",
      formErrors: ["errors.closeEarlyNotAllowed"],
    });
    // at the deadline the close hook writes the protocol
    const closed = await closeDueRfqs(new Date(Date.now() + 3 * DAY));
    expect(closed).toContain(id);
    const after = await getComparison(m.buyer.actor, id);
    expect(after.pricesVisible).toBe(true);
    expect(after.offers[0].landed).toBe("1641400");
    expect(after.protocol?.entries).toEqual([
      expect.objectContaining({ supplierName: "Балтэнергомаш", version: 1, goodsGross: "1519400", landed: "1641400" }),
    ]);
    expect(await canReadFile(m.buyer.actor, fileId)).not.toBeNull();
  });
});

describe("award", () => {
  it("splits lines between suppliers: one order per supplier with exactly the awarded lines at quoted prices", async () => {
    const { id, items } = await publishedRfq(m);
    const a = await saveQuote(m.a.actor, id, quoteA(items), { mode: "submit" });
    const b = await saveQuote(m.b.actor, id, quoteB(items), { mode: "submit" });
    await expect(awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: a.quoteId }, null)).rejects.toMatchObject({
      formErrors: ["errors.awardNotAllowed"],
    }); // still published
    await closeRfqEarly(m.buyer.actor, id);
    const res = await awardRfq(
      m.buyer.actor,
      id,
      { mode: "split", lines: { [items[0].id]: a.quoteId, [items[1].id]: b.quoteId, [items[2].id]: a.quoteId } },
      "Лучшая цена по позициям",
    );
    expect(res.orders).toHaveLength(2);
    const prisma = getPrisma();
    const orders = await prisma.order.findMany({
      where: { rfqId: id },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    const oa = orders.find((o) => o.supplierOrgId === m.a.organization.id);
    const ob = orders.find((o) => o.supplierOrgId === m.b.organization.id);
    expect(oa?.lines.map((l) => [l.rfqItemId, l.unitPriceKopecks, l.quantity.toString()])).toEqual([
      [items[0].id, 100000n, "10"],
      [items[2].id, 10000n, "2"],
    ]);
    expect(ob?.lines.map((l) => [l.rfqItemId, l.unitPriceKopecks, l.vatRate])).toEqual([
      [items[1].id, 45000n, "NO_VAT"],
    ]);
    const rfq = await prisma.rfq.findUniqueOrThrow({ where: { id } });
    expect(rfq.status).toBe("AWARDED");
    const quotes = await prisma.quote.findMany({ where: { rfqId: id } });
    expect(quotes.every((q) => q.status === "AWARDED")).toBe(true);
    const topics = (await outboxTopics()).filter((t) => t.payload.params?.number === rfq.number).map((t) => t.topic);
    expect(topics.filter((t) => t === "notify.quote_awarded")).toHaveLength(2);
    // a second award is refused
    await expect(awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: a.quoteId }, null)).rejects.toMatchObject({
      kind: "invalid",
      formErrors: ["errors.awardNotAllowed"],
    });
    const protocol = await xlsxText(await exportAwardProtocolXlsx(m.buyer.actor, id));
    expect(protocol).toContain("Лучшая цена по позициям");
  });

  it("awards the whole RFQ to one supplier, others not selected and notified; drafts never awarded", async () => {
    const { id, items } = await publishedRfq(m);
    const a = await saveQuote(m.a.actor, id, quoteA(items), { mode: "submit" });
    const bDraft = await saveQuote(m.b.actor, id, quoteB(items), { mode: "draft" });
    await closeRfqEarly(m.buyer.actor, id);
    await expect(
      awardRfq(m.buyer.actor, id, { mode: "split", lines: { [items[1].id]: bDraft.quoteId } }, null),
    ).rejects.toMatchObject({ fieldErrors: { [`item.${items[1].id}`]: ["errors.quoteNotAwardable"] } });
    await expect(awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: bDraft.quoteId }, null)).rejects.toBeInstanceOf(
      QuoteValidationError,
    );
    await expect(awardRfq(m.c.actor, id, { mode: "whole", quoteId: a.quoteId }, null)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const res = await awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: a.quoteId }, "Единственное полное КП");
    expect(res.orders).toHaveLength(1);
    const order = await getPrisma().order.findFirstOrThrow({ where: { rfqId: id }, include: { lines: true } });
    expect(order.lines).toHaveLength(3);
    expect(order.totalKopecks).toBe(1641400n);
    expect((await getPrisma().quote.findUniqueOrThrow({ where: { id: bDraft.quoteId } })).status).toBe("DRAFT");
  });

  it("notifies the suppliers that were not selected", async () => {
    const { id, items } = await publishedRfq(m);
    const a = await saveQuote(m.a.actor, id, quoteA(items), { mode: "submit" });
    const b = await saveQuote(m.b.actor, id, quoteB(items), { mode: "submit" });
    await closeRfqEarly(m.buyer.actor, id);
    await awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: a.quoteId }, null);
    expect((await getPrisma().quote.findUniqueOrThrow({ where: { id: b.quoteId } })).status).toBe("NOT_SELECTED");
    const notSelected = (await outboxTopics(id)).filter((t) => t.topic === "notify.quote_not_selected");
    expect(notSelected).toHaveLength(1);
    expect(notSelected[0].payload.orgIds).toEqual([m.b.organization.id]);
  });
});
