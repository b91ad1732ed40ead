import { describe, expect, it } from "vitest";
import { listDocuments, readDocument } from "~/modules/orders/documents.server";
import { getPrisma } from "~/utils/db.server";
import { seedClosingDocuments } from "../../../prisma/seed/closing-documents";
import { seedOrders } from "../../../prisma/seed/orders";
import { createActor } from "../../fixtures/factories";
import { validateUpdXml } from "../../helpers/upd-xml-schema";
import { DEMO_DELIVERED_DOCUMENTS, giveRequisites } from "./helpers";

describe("demo data", () => {
  it("has a delivered order with УПД PDF + XML per shipment (XML passes the schema) and a contract signed by both", async () => {
    const buyer = await createActor({ kind: "BUYER", name: "Севгорэнерго" });
    const s1 = await createActor({ kind: "SUPPLIER", verified: true, name: "Балтэнергомаш" });
    const s2 = await createActor({ kind: "SUPPLIER", verified: true, name: "Невский кабель" });
    await giveRequisites(s1.organization.id);
    const prisma = getPrisma();
    const { orderIds } = await seedOrders(prisma, {
      buyerOrgIds: [buyer.organization.id],
      supplierOrgIds: [s1.organization.id, s2.organization.id],
      userIdsByOrg: {
        [buyer.organization.id]: [buyer.user.id],
        [s1.organization.id]: [s1.user.id],
        [s2.organization.id]: [s2.user.id],
      },
    });
    await seedClosingDocuments(prisma, { orderIds });

    const delivered = await prisma.order.findFirstOrThrow({ where: { id: { in: orderIds }, status: "DELIVERED" } });
    const docs = await listDocuments(buyer.actor, delivered.id);
    expect(docs.map((d) => `${d.kind}:${d.shipmentSeq ?? "-"}`).sort()).toEqual(DEMO_DELIVERED_DOCUMENTS);
    for (const d of docs.filter((x) => x.kind === "UPD_XML")) {
      expect(validateUpdXml((await readDocument(buyer.actor, delivered.id, d.id)).bytes)).toEqual([]);
    }
    // seeding sends no mail: the use cases' outbox events are gone
    expect(await prisma.outboxEvent.count({ where: { aggregateId: delivered.id } })).toBe(0);
  });
});
