import { describe, expect, it } from "vitest";
import { getComparison } from "~/modules/quotes/quotes.server";
import { getPrisma } from "~/utils/db.server";
import { seedQuotes } from "../../../prisma/seed/quotes";
import { createActor, createCategory, createProduct } from "../../fixtures/factories";

describe("demo «Кача» RFQ (prisma/seed/quotes.ts)", () => {
  it("its comparison JSON carries coverage, landed totals, the best split with savings and the re-bid round", async () => {
    const category = await createCategory({ sector: "GRID" });
    const suppliers = await Promise.all(
      ["Балтэнергомаш", "Невский трансформатор", "Кировский кабель"].map((name) =>
        createActor({ kind: "SUPPLIER", verified: true, name }),
      ),
    );
    for (const [i, s] of suppliers.entries())
      await createProduct({
        supplierId: s.organization.id,
        categoryId: category.id,
        priceKopecks: BigInt((i + 1) * 1_000_000_00),
      });
    const buyer = await createActor({ kind: "BUYER", name: "Севастопольэнерго" });
    const { rfqId } = await seedQuotes(getPrisma(), {
      buyerOrgIds: [buyer.organization.id],
      userIdsByOrg: { [buyer.organization.id]: [buyer.user.id] },
    });
    expect(rfqId).not.toBeNull();
    // what /api/v1/rfqs/<id>/comparison sends
    const json = JSON.parse(JSON.stringify(await getComparison(buyer.actor, rfqId as string)));
    expect(json.rfq.title).toContain("Кача");
    expect(json.offers).toHaveLength(3);
    for (const o of json.offers) {
      expect(o.coverage.total).toBe(3);
      expect(BigInt(o.landedCost.landed)).toBeGreaterThan(0n);
      expect(o).toHaveProperty("landed"); // the existing field stays for integrators
      expect(Array.isArray(o.deviations)).toBe(true);
    }
    const partial = json.offers.find((o: { coverage: { complete: boolean } }) => !o.coverage.complete);
    expect(partial.coverage).toMatchObject({ quoted: 2, partial: 1 });
    // the terminal offer carries the buyer's 35 000 ₽ freight estimate
    expect(partial.landedCost).toMatchObject({ freightSource: "supplier", freightEstimate: "3500000" });
    expect(json.bestSplit.total).toMatch(/^\d+$/);
    expect(json.bestSplit.savings.vsBestSingle.saving).toMatch(/^\d+$/);
    expect(BigInt(json.bestSplit.savings.vsBudget.saving)).toBeGreaterThan(0n);
    // the first supplier lowered its prices by 3 % in round 1: the split is cheaper than on the first offers
    expect(BigInt(json.bestSplit.savings.vsFirstOffers.saving)).toBeGreaterThan(0n);
    expect(json.rounds).toHaveLength(1);
    expect(json.rounds[0]).toMatchObject({ number: 1, open: false, pricesVisible: true });
    expect(json.rounds[0].participants.map((p: { tookPart: boolean }) => p.tookPart)).toEqual([true, false]);
    expect(json.canAward).toBe(true);
  });
});
