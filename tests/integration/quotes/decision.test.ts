import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  closeRebidRound,
  exportAwardProtocolXlsx,
  exportRoundProtocolXlsx,
  getComparison,
  getQuoteForSupplier,
  QuoteValidationError,
  reconfirmQuote,
  saveDecisionSettings,
  saveQuote,
  startRebidRound,
} from "~/modules/quotes/quotes.server";
import { closeRfqEarly } from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import { awardRfq } from "~/workflows/award.server";
import {
  captureMail,
  createMarket,
  DAY,
  type Market,
  outboxTopics,
  publishedRfq,
  quoteForm,
  validUntil,
  withTempDataDir,
} from "./helpers";

withTempDataDir();
captureMail();
let m: Market;

beforeAll(async () => {
  m = await createMarket();
});

type Items = { id: string }[];

/** A: L1 100 ×10, L2 200 ×5, L3 50 ×2, без НДС, delivery 300 to the buyer's warehouse: 2 400 ₽. */
function offerA(items: Items, extra: Parameters<typeof quoteForm>[1] = {}) {
  return quoteForm(
    [
      { rfqItemId: items[0].id, unitPrice: "100", quantity: "10", vatRate: "NO_VAT", leadTimeDays: "10" },
      { rfqItemId: items[1].id, unitPrice: "200", quantity: "5", vatRate: "NO_VAT", leadTimeDays: "10" },
      { rfqItemId: items[2].id, unitPrice: "50", quantity: "2", vatRate: "NO_VAT", leadTimeDays: "10" },
    ],
    {
      deliveryCost: "300",
      deliveryVatRate: "NO_VAT",
      deliveryBasis: "BUYER_WAREHOUSE",
      deliveryPlace: "Севастополь, склад заказчика",
      prepaymentPercent: "0",
      paymentDaysAfterDelivery: "30",
      ...extra,
    },
  );
}

/** B: L1 80 ×10, L2 150 ×5, no L3, без НДС, delivery as given. */
function offerB(items: Items, delivery: string, extra: Parameters<typeof quoteForm>[1] = {}) {
  return quoteForm(
    [
      { rfqItemId: items[0].id, unitPrice: "80", quantity: "10", vatRate: "NO_VAT", leadTimeDays: "10" },
      { rfqItemId: items[1].id, unitPrice: "150", quantity: "5", vatRate: "NO_VAT", leadTimeDays: "10" },
      { rfqItemId: items[2].id },
    ],
    {
      deliveryCost: delivery,
      deliveryVatRate: "NO_VAT",
      deliveryBasis: "BUYER_WAREHOUSE",
      prepaymentPercent: "0",
      paymentDaysAfterDelivery: "30",
      ...extra,
    },
  );
}

async function closedWith(
  aForm: (items: Items) => ReturnType<typeof quoteForm>,
  bForm: (items: Items) => ReturnType<typeof quoteForm>,
) {
  const { id, items } = await publishedRfq(m);
  await saveQuote(m.a.actor, id, aForm(items), { mode: "submit" });
  await saveQuote(m.b.actor, id, bForm(items), { mode: "submit" });
  await closeRfqEarly(m.buyer.actor, id);
  return { id, items };
}

async function xlsxText(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void out.push(String(cell.value)))));
  return out.join("|");
}

describe("coverage and best split", () => {
  it("splits L1, L2 to B and L3 to A (2 150 ₽) and reports the savings against A alone and the budget", async () => {
    const { id, items } = await closedWith(offerA, (i) => offerB(i, "200"));
    await saveDecisionSettings(m.buyer.actor, id, { budget: "3000" });
    const c = await getComparison(m.buyer.actor, id);
    const a = c.offers.find((o) => o.supplierOrgId === m.a.actor.organizationId);
    const b = c.offers.find((o) => o.supplierOrgId === m.b.actor.organizationId);
    expect(a?.coverage).toMatchObject({ total: 3, quoted: 3, complete: true });
    expect(b?.coverage).toMatchObject({ total: 3, quoted: 2, missing: 1, complete: false });
    // «лучшая сумма» only among complete offers: B is cheaper in total (1 750 ₽) but skips a line
    expect(c.marks.bestLanded).toEqual([a?.quoteId]);
    expect(b?.landedCost.landed).toBe("175000");
    const s = c.bestSplit;
    expect(s?.assignment).toEqual({ [items[0].id]: b?.quoteId, [items[1].id]: b?.quoteId, [items[2].id]: a?.quoteId });
    // goods 800 + 750 + 100 = 1 650, deliveries 200 + 300 = 500
    expect(s?.total).toBe("215000");
    expect(s?.exact).toBe(true);
    expect(s?.savings.vsBestSingle).toMatchObject({ quoteId: a?.quoteId, base: "240000", saving: "25000" });
    expect(s?.savings.vsBudget).toEqual({ base: "300000", saving: "85000" });
    expect(s?.savings.vsFirstOffers).toEqual({ base: "215000", saving: "0" });
  });

  it("keeps the whole RFQ with A when B's delivery eats the line savings", async () => {
    const { id, items } = await closedWith(offerA, (i) => offerB(i, "1000"));
    const c = await getComparison(m.buyer.actor, id);
    const a = c.offers.find((o) => o.supplierOrgId === m.a.actor.organizationId);
    // split would be 1 650 + 1 000 + 300 = 2 950 > 2 400
    expect(c.bestSplit?.cheapestPerLineTotal).toBe("295000");
    expect(c.bestSplit?.total).toBe("240000");
    expect(new Set(Object.values(c.bestSplit?.assignment ?? {}))).toEqual(new Set([a?.quoteId]));
    expect(Object.keys(c.bestSplit?.assignment ?? {})).toHaveLength(items.length);
    expect(c.bestSplit?.savings.vsBestSingle?.saving).toBe("0");
  });

  it("does not treat pickup as free: the buyer's freight estimate is added and can flip the split", async () => {
    const { id } = await closedWith(offerA, (i) =>
      offerB(i, "0", { deliveryBasis: "PICKUP", deliveryPlace: "Санкт-Петербург" }),
    );
    const before = await getComparison(m.buyer.actor, id);
    const b0 = before.offers.find((o) => o.supplierOrgId === m.b.actor.organizationId);
    expect(b0?.landedCost).toMatchObject({ freightSource: "missing", freightEstimate: "0" });
    await saveDecisionSettings(m.buyer.actor, id, {
      freightBySupplier: { [m.b.actor.organizationId as string]: "900" },
      annualRatePercent: "16,5",
    });
    const c = await getComparison(m.buyer.actor, id);
    const b = c.offers.find((o) => o.supplierOrgId === m.b.actor.organizationId);
    expect(b?.landedCost).toMatchObject({ freightSource: "supplier", freightEstimate: "90000", landed: "245000" });
    // with 900 ₽ freight B's lines (1 550) + 900 + A's L3 (100 + 300) = 2 850 > A alone 2 400
    expect(c.bestSplit?.total).toBe("240000");
    expect(c.settings.annualRateBp).toBe(1650);
    // 30 days' deferral of 2 400 ₽ at 16.5 %: −32.55 ₽
    const a = c.offers.find((o) => o.supplierOrgId === m.a.actor.organizationId);
    expect(a?.landedCost.paymentCost).toMatchObject({ amount: "-3255", deferredDays: 30, prepaidDays: 0 });
  });

  it("refuses bad decision parameters with field errors", async () => {
    const { id } = await closedWith(offerA, (i) => offerB(i, "0"));
    const err = await saveDecisionSettings(m.buyer.actor, id, { budget: "много", annualRatePercent: "abc" }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(QuoteValidationError);
    expect(Object.keys(err.fieldErrors).sort()).toEqual(["annualRatePercent", "budget"]);
  });
});

describe("deviations and validity", () => {
  it("flags payment terms, lateness, quantity, analogue and missing lines", async () => {
    const { id, items } = await closedWith(
      (i) =>
        offerA(i, {
          prepaymentPercent: "50",
          paymentDaysAfterDelivery: "",
          lines: [
            { rfqItemId: i[0].id, unitPrice: "100", quantity: "10", vatRate: "NO_VAT", leadTimeDays: "45" },
            {
              rfqItemId: i[1].id,
              unitPrice: "200",
              quantity: "4",
              vatRate: "NO_VAT",
              leadTimeDays: "10",
              analogueModel: "ТМГ-630 аналог",
            },
            { rfqItemId: i[2].id, vatRate: "NO_VAT" },
          ],
        }),
      (i) => offerB(i, "200", { deliveryBasis: "" }),
    );
    const c = await getComparison(m.buyer.actor, id);
    const a = c.offers.find((o) => o.supplierOrgId === m.a.actor.organizationId);
    const codes = a?.deviations.map((d) => d.code);
    // the RFQ wants POSTPAY_30 and the goods in 30 days
    expect(codes).toEqual(["payment_terms", "late", "quantity", "analogue", "missing_lines"]);
    expect(a?.deviations.find((d) => d.code === "late")?.itemIds).toEqual([items[0].id]);
    expect(a?.blocked).toBe(false);
    const b = c.offers.find((o) => o.supplierOrgId === m.b.actor.organizationId);
    expect(b?.deviations.map((d) => d.code)).toEqual(["missing_lines", "basis_not_stated"]);
  });

  it("an expired validity blocks the award until the supplier re-confirms", async () => {
    const { id } = await closedWith(
      (i) => offerA(i, { validUntil: validUntil(1) }),
      (i) => offerB(i, "200"),
    );
    const later = new Date(Date.now() + 3 * DAY);
    const c = await getComparison(m.buyer.actor, id, later);
    const a = c.offers.find((o) => o.supplierOrgId === m.a.actor.organizationId);
    expect(a?.deviations.map((d) => d.code)).toContain("expired");
    expect(a?.blocked).toBe(true);
    // the expired offer is out of the best split and of «лучшая сумма»
    expect(Object.values(c.bestSplit?.assignment ?? {})).not.toContain(a?.quoteId);
    expect(c.marks.bestLanded).toEqual([]);
    const refused = await awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: a?.quoteId as string }, null, later)
      .then(() => null)
      .catch((e) => e);
    expect(refused).toBeInstanceOf(QuoteValidationError);
    expect(refused.fieldErrors.quoteId).toEqual(["errors.quoteExpired"]);

    const newDate = new Date(later.getTime() + 20 * DAY + 3 * 3600 * 1000).toISOString().slice(0, 10);
    const r = await reconfirmQuote(m.a.actor, id, newDate, later);
    expect(r.version).toBe(2);
    const after = await getComparison(m.buyer.actor, id, later);
    const a2 = after.offers.find((o) => o.supplierOrgId === m.a.actor.organizationId);
    expect(a2?.blocked).toBe(false);
    expect(a2?.validUntil).toBe(newDate);
    // same prices as before
    expect(a2?.landed).toBe(a?.landed);
    const res = await awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: a?.quoteId as string }, null, later);
    expect(res.orders).toHaveLength(1);
  });
});

describe("re-bid round (переторжка)", () => {
  it("refuses a raised price, accepts lowered ones, stays sealed until the deadline, records the protocol", async () => {
    const { id, items } = await closedWith(offerA, (i) => offerB(i, "200"));
    const prisma = getPrisma();
    const first = await getComparison(m.buyer.actor, id);
    const qa = first.offers.find((o) => o.supplierOrgId === m.a.actor.organizationId)?.quoteId as string;
    const qb = first.offers.find((o) => o.supplierOrgId === m.b.actor.organizationId)?.quoteId as string;
    expect(first.canStartRound).toBe(true);
    // suppliers cannot quote after the deadline without a round
    await expect(saveQuote(m.a.actor, id, offerA(items), { mode: "submit" })).rejects.toBeInstanceOf(
      QuoteValidationError,
    );

    const deadline = new Date(Date.now() + DAY);
    const round = await startRebidRound(m.buyer.actor, id, {
      quoteIds: [qa, qb],
      deadline,
      note: "Просим снизить цены",
      sealed: true,
    });
    expect(round.number).toBe(1);
    const topics = await outboxTopics(round.roundId);
    expect(topics.map((t) => t.topic)).toEqual(["notify.rebid_round_started"]);
    expect(topics[0].payload.orgIds.sort()).toEqual(
      [m.a.actor.organizationId as string, m.b.actor.organizationId as string].sort(),
    );
    const audit = await prisma.auditEvent.findFirst({ where: { entityId: id, action: "rebid_round_started" } });
    expect(audit).not.toBeNull();
    // a second round while one runs is refused; the award waits for the round
    await expect(
      startRebidRound(m.buyer.actor, id, { quoteIds: [qa], deadline, note: null, sealed: false }),
    ).rejects.toBeInstanceOf(QuoteValidationError);
    const during = await getComparison(m.buyer.actor, id);
    expect(during.canAward).toBe(false);
    await expect(awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: qa }, null)).rejects.toBeInstanceOf(
      QuoteValidationError,
    );
    const panel = await getQuoteForSupplier(m.a.actor, id);
    expect(panel.canEdit).toBe(true);
    expect(panel.round?.number).toBe(1);

    // A raises L1: refused next to the field, with the old price
    const raised = offerA(items);
    raised.lines[0].unitPrice = "120";
    const err = await saveQuote(m.a.actor, id, raised, { mode: "submit" }).catch((e) => e);
    expect(err).toBeInstanceOf(QuoteValidationError);
    expect(err.fieldErrors["lines[0].unitPrice"][0]).toMatch(/^errors\.rebidPriceRaised::.*100,00/);
    // A lowers L1 to 90 and L3 to 40
    const lowerA = offerA(items);
    lowerA.lines[0].unitPrice = "90";
    lowerA.lines[2].unitPrice = "40";
    expect((await saveQuote(m.a.actor, id, lowerA, { mode: "submit" })).version).toBe(2);
    // B lowers L2 to 140
    const lowerB = offerB(items, "200");
    lowerB.lines[1].unitPrice = "140";
    expect((await saveQuote(m.b.actor, id, lowerB, { mode: "submit" })).version).toBe(2);

    // sealed: the buyer still sees the first prices
    const sealed = await getComparison(m.buyer.actor, id);
    expect(sealed.offers.find((o) => o.quoteId === qa)?.version).toBe(1);
    expect(sealed.rounds[0]).toMatchObject({ open: true, pricesVisible: false });
    expect(sealed.rounds[0].participants.every((p) => p.landedAfter === null)).toBe(true);

    // after the deadline
    const after = new Date(deadline.getTime() + 60_000);
    const c = await getComparison(m.buyer.actor, id, after);
    const a = c.offers.find((o) => o.quoteId === qa);
    expect(a).toMatchObject({ version: 2, roundNumber: 1 });
    // A: 900 + 1000 + 80 + 300 = 2 280
    expect(a?.landedCost.landed).toBe("228000");
    const r = c.rounds[0];
    expect(r).toMatchObject({ number: 1, open: false, pricesVisible: true, note: "Просим снизить цены" });
    const pa = r.participants.find((p) => p.quoteId === qa);
    expect(pa).toMatchObject({
      tookPart: true,
      versionBefore: 1,
      versionAfter: 2,
      landedBefore: "240000",
      landedAfter: "228000",
    });
    expect(pa?.lines.find((l) => l.rfqItemId === items[0].id)).toEqual({
      rfqItemId: items[0].id,
      before: "10000",
      after: "9000",
    });
    // split now: L1 B 800, L2 B 700, L3 A 80 + deliveries 500 = 2 080; first offers split was 2 150
    expect(c.bestSplit?.total).toBe("208000");
    expect(c.bestSplit?.savings.vsFirstOffers).toEqual({ base: "215000", saving: "7000" });
    expect(c.canAward).toBe(true);

    const xlsx = await xlsxText(await exportRoundProtocolXlsx(m.buyer.actor, id, after));
    expect(xlsx).toContain("Переторжка № 1");
    expect(xlsx).toContain("участвовал");
    expect(xlsx).toContain("100|90|10");

    // award the split
    const res = await awardRfq(
      m.buyer.actor,
      id,
      { mode: "split", lines: c.bestSplit?.assignment ?? {} },
      "Лучшее распределение после переторжки",
      after,
    );
    expect(res.orders).toHaveLength(2);
    const protocol = await xlsxText(await exportAwardProtocolXlsx(m.buyer.actor, id, after));
    expect(protocol).toContain("Переторжка № 1");
    expect(protocol).toContain("90");
  });

  it("validates the round, ends it early only when everyone answered, and keeps outsiders out", async () => {
    const { id, items } = await closedWith(offerA, (i) => offerB(i, "200"));
    const c = await getComparison(m.buyer.actor, id);
    const qa = c.offers.find((o) => o.supplierOrgId === m.a.actor.organizationId)?.quoteId as string;
    const bad = await startRebidRound(m.buyer.actor, id, {
      quoteIds: [],
      deadline: new Date(Date.now() + 60_000),
      note: null,
      sealed: false,
    }).catch((e) => e);
    expect(bad).toBeInstanceOf(QuoteValidationError);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["deadline", "quoteIds"]);
    await startRebidRound(m.buyer.actor, id, {
      quoteIds: [qa],
      deadline: new Date(Date.now() + DAY),
      note: null,
      sealed: false,
    });
    // B was not invited: still closed for it
    await expect(saveQuote(m.b.actor, id, offerB(items, "100"), { mode: "submit" })).rejects.toMatchObject({
      formErrors: ["errors.closed"],
    });
    await expect(closeRebidRound(m.buyer.actor, id)).rejects.toMatchObject({
      formErrors: ["errors.roundNotAllAnswered"],
    });
    const lower = offerA(items);
    lower.lines[1].unitPrice = "190";
    await saveQuote(m.a.actor, id, lower, { mode: "submit" });
    await closeRebidRound(m.buyer.actor, id);
    const after = await getComparison(m.buyer.actor, id);
    expect(after.roundOpen).toBe(false);
    expect(after.canAward).toBe(true);
    expect(after.offers.find((o) => o.quoteId === qa)?.lines[items[1].id].unitPrice).toBe("19000");
    // the round is over: no more submissions
    await expect(saveQuote(m.a.actor, id, lower, { mode: "submit" })).rejects.toBeInstanceOf(QuoteValidationError);
  });
});
