/**
 * No access across organisations: for random (user, organisation, resource) triples, an actor of one organisation
 * gets "not found" for every resource of another — and, as a control, the owning side can reach it.
 *
 * Later issues add their resource types to RESOURCE_KINDS: `create` makes a resource owned by a tenant, `access`
 * tries to read or change it as an actor (it must throw NotFoundError for a foreign resource).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { MemberRole, OrgKind } from "~/generated/prisma/enums";
import {
  getOrganizationSettings,
  removeMember,
  revokeInvitation,
  revokeSession,
  updateOrganizationSettings,
} from "~/modules/accounts/accounts.server";
import { type Actor, NotFoundError } from "~/modules/accounts/actor";
import { createSession } from "~/modules/accounts/session.server";
import { canReadFile } from "~/modules/files/files.server";
import { getInvoicePdf, getOrder, performOrderStep, rateOrder } from "~/modules/orders/orders.server";
import { getBuyerRfq, viewRfqAsSupplier } from "~/modules/rfq/rfq.server";
import { wireApp } from "~/startup.server";
import { getPrisma } from "~/utils/db.server";
import { createActor, createOrganization, createUser } from "../../fixtures/factories";
import { securityRuns } from "./runs";

wireApp(); // the file-read policies, as the server has them

interface Tenant {
  actor: Actor;
  organizationId: string;
  userId: string;
}

interface ResourceKind {
  name: string;
  /** Creates one resource belonging to `owner` (its organisation / its user); returns its id. */
  create(owner: Tenant): Promise<string>;
  /** Reads or changes the resource as `actor`; must throw NotFoundError when it is not the actor's. */
  access(actor: Actor, id: string, owner: Tenant): Promise<unknown>;
}

let seq = 0;

const RESOURCE_KINDS: ResourceKind[] = [
  {
    name: "session",
    async create(owner) {
      const s = await createSession({
        userId: owner.userId,
        activeOrganizationId: owner.organizationId,
        ip: null,
        userAgent: null,
      });
      return s.sessionId;
    },
    access: (actor, id) => revokeSession(actor, id),
  },
  {
    name: "membership",
    async create(owner) {
      const user = await createUser();
      const m = await getPrisma().membership.create({
        data: { userId: user.id, organizationId: owner.organizationId, role: "MEMBER" },
      });
      return m.id;
    },
    access: (actor, id) => removeMember(actor, id),
  },
  {
    name: "invitation",
    // the row is written directly: inviteMember is rate-limited per user, and thousands of runs would hit the limit
    async create(owner) {
      const inv = await getPrisma().invitation.create({
        data: {
          organizationId: owner.organizationId,
          email: `inv-${++seq}-${Date.now()}@example.test`,
          role: "MEMBER",
          tokenHash: `cross-org-${seq}-${Math.random().toString(36).slice(2)}`,
          invitedById: owner.userId,
          expiresAt: new Date(Date.now() + 7 * 86_400_000),
        },
      });
      return inv.id;
    },
    access: (actor, id) => revokeInvitation(actor, id),
  },
  {
    name: "organization settings (read)",
    create: async (owner) => owner.organizationId,
    access: (actor, id) => getOrganizationSettings(actor, id),
  },
  {
    name: "organization settings (write)",
    create: async (owner) => owner.organizationId,
    access: (actor, id) =>
      updateOrganizationSettings(actor, id, {
        phone: "+7 000 000-00-00",
        legalAddress: "захвачено",
        email: undefined,
        website: undefined,
        deliveryAddress: undefined,
      }),
  },
];

/**
 * A published RFQ "owned" by the tenant: a buyer's own RFQ, or — for a supplier — an RFQ of another buyer addressed
 * to it. Rows are written directly (the RFQ module's own tests cover publishing).
 */
async function publishedRfqOf(owner: Tenant): Promise<{ id: string; buyerOrgId: string }> {
  const buyerOrgId =
    owner.actor.orgKind === "BUYER" ? owner.organizationId : (await createOrganization({ kind: "BUYER" })).id;
  const rfq = await getPrisma().rfq.create({
    data: {
      buyerOrgId,
      createdById: owner.userId,
      title: "Запрос",
      deliveryAddress: "г. Севастополь",
      status: "PUBLISHED",
      publishedAt: new Date(),
      deadline: new Date(Date.now() + 7 * 86_400_000),
      ...(owner.actor.orgKind === "SUPPLIER"
        ? { recipients: { create: { supplierOrgId: owner.organizationId } } }
        : {}),
    },
  });
  return { id: rfq.id, buyerOrgId };
}

RESOURCE_KINDS.push(
  {
    name: "rfq",
    create: async (owner) => (await publishedRfqOf(owner)).id,
    access: (actor, id) =>
      actor.orgKind === "SUPPLIER" ? viewRfqAsSupplier(actor, id, { markViewed: false }) : getBuyerRfq(actor, id),
  },
  {
    name: "rfq attachment",
    async create(owner) {
      const rfq = await publishedRfqOf(owner);
      const file = await getPrisma().storedFile.create({
        data: {
          organizationId: rfq.buyerOrgId,
          storageKey: `cross-org-${++seq}-${Date.now()}`,
          originalName: "spec.pdf",
          mimeType: "application/pdf",
          size: 1,
          sha256: "0",
        },
      });
      await getPrisma().rfqAttachment.create({ data: { rfqId: rfq.id, fileId: file.id } });
      return file.id;
    },
    async access(actor, id) {
      if (!(await canReadFile(actor, id))) throw new NotFoundError("file");
    },
  },
);

/** An order of the tenant (as buyer or as supplier, by its kind) with a counterparty organisation, written directly. */
async function orderOf(owner: Tenant, status: "CONFIRMED" | "DELIVERED"): Promise<string> {
  const other = await createOrganization({ kind: owner.actor.orgKind === "BUYER" ? "SUPPLIER" : "BUYER" });
  const buyerOrgId = owner.actor.orgKind === "BUYER" ? owner.organizationId : other.id;
  const supplierOrgId = owner.actor.orgKind === "BUYER" ? other.id : owner.organizationId;
  const order = await getPrisma().order.create({
    data: {
      buyerOrgId,
      supplierOrgId,
      status,
      deliveryAddress: "г. Севастополь",
      invoiceNumber: "СМ-1",
      confirmedAt: new Date(),
      goodsNetKopecks: 10_000n,
      vatKopecks: 2_000n,
      totalKopecks: 12_000n,
      lines: {
        create: {
          position: 1,
          name: "Кабель",
          quantity: "1",
          unit: "м",
          unitPriceKopecks: 10_000n,
          vatRate: "VAT20",
          netKopecks: 10_000n,
          vatKopecks: 2_000n,
          grossKopecks: 12_000n,
        },
      },
    },
  });
  return order.id;
}

RESOURCE_KINDS.push(
  {
    name: "order (read)",
    create: (owner) => orderOf(owner, "CONFIRMED"),
    access: (actor, id) => getOrder(actor, id),
  },
  {
    name: "order (cancel)",
    create: (owner) => orderOf(owner, "CONFIRMED"),
    access: (actor, id) => performOrderStep(actor, id, { action: "cancel", reason: "захват" }),
  },
  {
    name: "order invoice PDF",
    create: (owner) => orderOf(owner, "CONFIRMED"),
    access: (actor, id) => getInvoicePdf(actor, id),
  },
  {
    name: "order rating",
    create: (owner) => orderOf(owner, "DELIVERED"),
    access: (actor, id) => rateOrder(actor, id, { score: 1 }),
  },
);

const tenants: Tenant[] = [];

beforeAll(async () => {
  const shapes: { kind: OrgKind; role: MemberRole }[] = [
    { kind: "BUYER", role: "OWNER" },
    { kind: "BUYER", role: "ADMIN" },
    { kind: "BUYER", role: "MEMBER" },
    { kind: "SUPPLIER", role: "OWNER" },
    { kind: "SUPPLIER", role: "ADMIN" },
    { kind: "SUPPLIER", role: "MEMBER" },
  ];
  for (const shape of shapes) {
    const { actor, organization, user } = await createActor(shape);
    tenants.push({ actor, organizationId: organization.id, userId: user.id });
  }
});

describe("no access across organisations", () => {
  it("every resource kind answers 'not found' to an actor of another organisation", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: RESOURCE_KINDS.length - 1 }),
        async (ownerIdx, actorIdx, kindIdx) => {
          fc.pre(ownerIdx !== actorIdx);
          const owner = tenants[ownerIdx];
          const intruder = tenants[actorIdx];
          const kind = RESOURCE_KINDS[kindIdx];
          const id = await kind.create(owner);
          const error = await kind.access(intruder.actor, id, owner).then(
            () => null,
            (e: unknown) => e,
          );
          expect(error, `${kind.name} of ${owner.organizationId} reached by ${intruder.organizationId}`).toBeInstanceOf(
            NotFoundError,
          );
        },
      ),
      { numRuns: securityRuns(60) },
    );
  });

  it.each(RESOURCE_KINDS.map((k) => [k.name, k] as const))(
    "control: the owner reaches its own %s",
    async (_name, kind) => {
      const owner = tenants[0]; // OWNER of a buyer organisation
      const id = await kind.create(owner);
      await expect(kind.access(owner.actor, id, owner)).resolves.not.toThrow();
    },
  );
});
