import { beforeAll, describe, expect, it } from "vitest";
import { toMoscowDateInput } from "~/modules/money/moscow-time";
import { getPrisma } from "~/utils/db.server";
import { seedDemo } from "../../../prisma/seed";
import { DEMO_DELIVERED_DOCUMENTS } from "../orders/helpers";

/**
 * The demo (`npm start` on an empty database) tells one consistent story (issue #18 item 10): dates in order, every
 * awarded RFQ shows the offer it was awarded on, people with names, supplier articles without machine suffixes,
 * RFQ titles that do not carry their status, and the finished order with its closing documents.
 */
const prisma = () => getPrisma();
const day = (d: Date | null) => toMoscowDateInput(d);

beforeAll(async () => {
  await seedDemo(getPrisma());
}, 240_000);

describe("the seeded demo", () => {
  it("dates follow each other: published → quoted → closed → awarded → ordered → confirmed → paid → shipped", async () => {
    const rfqs = await prisma().rfq.findMany({
      where: { publishedAt: { not: null } },
      include: { quotes: { select: { submittedAt: true } }, orders: true, _count: { select: { rebidRounds: true } } },
    });
    expect(rfqs.length).toBeGreaterThanOrEqual(8);
    for (const r of rfqs) {
      const published = r.publishedAt as Date;
      expect(r.deadline?.getTime(), r.title).toBeGreaterThan(published.getTime());
      if (r.closedAt) expect(r.closedAt.getTime(), r.title).toBeGreaterThan(published.getTime());
      for (const q of r.quotes) expect(q.submittedAt?.getTime(), r.title).toBeGreaterThan(published.getTime());
      // offers come in while the RFQ is open; only a re-bid round (переторжка) takes new prices after the close
      if (r.closedAt && r._count.rebidRounds === 0)
        for (const q of r.quotes) expect(q.submittedAt?.getTime(), r.title).toBeLessThanOrEqual(r.closedAt.getTime());
      if (r.status === "AWARDED") {
        const awarded = r.awardedAt as Date;
        expect(awarded.getTime(), r.title).toBeGreaterThanOrEqual((r.closedAt as Date).getTime());
        for (const q of r.quotes) expect(q.submittedAt?.getTime(), r.title).toBeLessThanOrEqual(awarded.getTime());
        for (const o of r.orders) expect(o.createdAt.getTime(), r.title).toBeGreaterThanOrEqual(awarded.getTime());
      }
    }
    const orders = await prisma().order.findMany({ include: { shipments: true } });
    expect(orders.length).toBeGreaterThanOrEqual(5);
    for (const o of orders) {
      if (o.confirmedAt) expect(o.confirmedAt.getTime()).toBeGreaterThan(o.createdAt.getTime());
      if (o.paidAt) expect(o.paidAt.getTime()).toBeGreaterThan((o.confirmedAt as Date).getTime());
      for (const s of o.shipments) {
        expect(day(s.shippedOn) >= day(o.confirmedAt)).toBe(true);
        if (o.paidAt) expect(day(s.shippedOn) >= day(o.paidAt)).toBe(true);
        if (s.acceptedAt) expect(day(s.acceptedAt) >= day(s.shippedOn)).toBe(true);
      }
    }
  });

  it("every awarded RFQ counts the offer it was awarded on (no «0/0»)", async () => {
    const awarded = await prisma().rfq.findMany({
      where: { status: "AWARDED" },
      select: { title: true, recipients: { select: { status: true } } },
    });
    expect(awarded.length).toBeGreaterThanOrEqual(5);
    for (const r of awarded)
      expect(r.recipients.filter((x) => x.status === "QUOTED").length, r.title).toBeGreaterThan(0);
  });

  it("users have Russian full names, not «Владелец ООО …»", async () => {
    const users = await prisma().user.findMany({ select: { name: true, email: true } });
    expect(users.length).toBeGreaterThanOrEqual(10);
    for (const u of users) expect(u.name, u.email).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(ич|на)$/);
    expect(new Set(users.map((u) => u.name)).size).toBe(users.length);
  });

  it("supplier articles are the model and a catalogue number, without machine suffixes", async () => {
    const products = await prisma().product.findMany({ select: { sku: true } });
    expect(products.length).toBeGreaterThanOrEqual(600);
    for (const p of products) {
      expect(p.sku).toMatch(/^\S.*-\d{5,7}$/u);
      expect(p.sku).not.toMatch(/[0-9A-Z]+\.[0-9A-Z]+$/);
    }
  });

  it("RFQ titles do not carry their status", async () => {
    const rfqs = await prisma().rfq.findMany({ select: { title: true } });
    for (const r of rfqs)
      expect(r.title).not.toMatch(/черновик|закрыт|отмен[её]н|заверш[её]н|опубликован|\((приём|идёт|прием)/i);
  });

  it("a delivered order has УПД PDF + XML for each shipment and a contract signed by both parties", async () => {
    const delivered = await prisma().order.findFirstOrThrow({
      where: { status: "DELIVERED" },
      include: { documents: { select: { kind: true, shipment: { select: { seq: true } } } }, shipments: true },
    });
    expect(delivered.shipments).toHaveLength(2);
    expect(delivered.documents.map((d) => `${d.kind}:${d.shipment?.seq ?? "-"}`).sort()).toEqual(
      DEMO_DELIVERED_DOCUMENTS,
    );
  });

  it("leaves one closed RFQ with quotes for the buyer to award", async () => {
    const open = await prisma().rfq.findFirstOrThrow({
      where: { title: { contains: "Фиолент" } },
      include: { quotes: { include: { versions: true } } },
    });
    expect(open.status).toBe("CLOSED");
    expect(open.quotes).toHaveLength(2);
    for (const q of open.quotes) expect(q.versions.find((v) => v.version === 1)?.prepaymentPercent).toBe(30);
  });
});
