import { beforeAll, describe, expect, it } from "vitest";
import {
  decideOrganization,
  getOrganizationForOperator,
  listOrganizationsForAdmin,
  listVerificationQueue,
} from "~/modules/accounts/accounts.server";
import type { Actor } from "~/modules/accounts/actor";
import { getPrisma } from "~/utils/db.server";
import { createActor, createOrganization, createUser } from "../../fixtures/factories";

let operator: Actor;
let operatorName: string;

beforeAll(async () => {
  const op = await createUser({ isOperator: true, name: "Ольга Операторова" });
  operatorName = op.name;
  operator = { userId: op.id, organizationId: null, orgKind: null, role: null, isOperator: true };
});

describe("only operators", () => {
  it("refuses buyers and suppliers every operator use case", async () => {
    const { actor: buyer } = await createActor({ kind: "BUYER" });
    const { actor: supplier, organization } = await createActor({ kind: "SUPPLIER" });
    for (const actor of [buyer, supplier]) {
      await expect(listOrganizationsForAdmin(actor)).rejects.toMatchObject({ kind: "forbidden" });
      await expect(listVerificationQueue(actor)).rejects.toMatchObject({ kind: "forbidden" });
      await expect(getOrganizationForOperator(actor, organization.id)).rejects.toMatchObject({ kind: "forbidden" });
      await expect(decideOrganization(actor, organization.id, "verify")).rejects.toMatchObject({ kind: "forbidden" });
      await expect(decideOrganization(actor, organization.id, "block", "спам")).rejects.toMatchObject({
        kind: "forbidden",
      });
    }
    expect((await getPrisma().organization.findUniqueOrThrow({ where: { id: organization.id } })).verifiedAt).toBe(
      null,
    );
  });
});

describe("decisions", () => {
  it("requires a reason to block or unverify and changes nothing without one", async () => {
    const { organization } = await createActor({ kind: "SUPPLIER", verified: true });
    for (const [decision, reason] of [
      ["block", undefined],
      ["block", "   "],
      ["unverify", ""],
    ] as const) {
      await expect(decideOrganization(operator, organization.id, decision, reason)).rejects.toMatchObject({
        kind: "invalid",
        fieldErrors: { reason: ["errors.reasonRequired"] },
      });
    }
    const org = await getPrisma().organization.findUniqueOrThrow({ where: { id: organization.id } });
    expect(org.suspendedAt).toBe(null);
    expect(org.verifiedAt).not.toBe(null);
    expect((await getOrganizationForOperator(operator, organization.id)).history).toEqual([]);
  });

  it("records who decided what, when and why, newest first, and notifies the owner", async () => {
    const { organization, user: owner } = await createActor({ kind: "SUPPLIER" });
    const { user: member } = await createActor({ kind: "BUYER" });
    await getPrisma().membership.create({
      data: { userId: member.id, organizationId: organization.id, role: "MEMBER" },
    });
    await decideOrganization(operator, organization.id, "verify");
    await decideOrganization(operator, organization.id, "unverify", "  Выписка ЕГРЮЛ устарела ");
    await decideOrganization(operator, organization.id, "block", "Недостоверные реквизиты");
    await decideOrganization(operator, organization.id, "unblock");

    const page = await getOrganizationForOperator(operator, organization.id);
    expect(page.state).toBe("pending");
    expect(page.history.map((h) => [h.decision, h.reason, h.by?.name])).toEqual([
      ["unblock", null, operatorName],
      ["block", "Недостоверные реквизиты", operatorName],
      ["unverify", "Выписка ЕГРЮЛ устарела", operatorName],
      ["verify", null, operatorName],
    ]);
    expect(page.history[0].at.getTime()).toBeGreaterThanOrEqual(page.history[3].at.getTime());

    const blocked = await getPrisma().outboxEvent.findFirstOrThrow({
      where: { topic: "notify.organization_blocked", aggregateId: organization.id },
    });
    expect(blocked.payload).toMatchObject({
      userIds: [owner.id],
      orgIds: [],
      params: { organization: organization.shortName, reason: "Недостоверные реквизиты" },
    });
    const topics = (
      await getPrisma().outboxEvent.findMany({
        where: { aggregateId: organization.id, topic: { startsWith: "notify." } },
        orderBy: { id: "asc" },
      })
    ).map((e) => e.topic);
    expect(topics).toEqual([
      "notify.organization_verified",
      "notify.organization_unverified",
      "notify.organization_blocked",
      "notify.organization_unblocked",
    ]);
  });

  it("keeps the block reason on the organisation and refuses decisions that do not fit its state", async () => {
    const { organization } = await createActor({ kind: "BUYER" });
    await expect(decideOrganization(operator, organization.id, "verify")).rejects.toMatchObject({ kind: "forbidden" });
    await expect(decideOrganization(operator, organization.id, "unblock")).rejects.toMatchObject({ kind: "conflict" });
    await decideOrganization(operator, organization.id, "block", "Спам в запросах");
    const page = await getOrganizationForOperator(operator, organization.id);
    expect([page.state, page.suspendReason]).toEqual(["suspended", "Спам в запросах"]);
    await expect(decideOrganization(operator, organization.id, "block", "ещё раз")).rejects.toMatchObject({
      kind: "conflict",
    });
    await expect(decideOrganization(operator, "no-such-org", "block", "x")).rejects.toMatchObject({
      kind: "not_found",
    });
  });
});

describe("the organisation page", () => {
  it("shows requisites, documents (not photos), people and activity counts", async () => {
    const { organization, user } = await createActor({ kind: "SUPPLIER" });
    const file = (originalName: string, mimeType: string) =>
      getPrisma().storedFile.create({
        data: {
          organizationId: organization.id,
          uploadedById: user.id,
          storageKey: `key-${originalName}-${organization.id}`,
          originalName,
          mimeType,
          size: 2048,
          sha256: "0".repeat(64),
        },
      });
    await file("Выписка ЕГРЮЛ.pdf", "application/pdf");
    await file("photo.webp", "image/webp");
    const page = await getOrganizationForOperator(operator, organization.id);
    expect(page.inn).toBe(organization.inn);
    expect(page.kpp).toBe("780101001");
    expect(page.documents.map((d) => d.originalName)).toEqual(["Выписка ЕГРЮЛ.pdf"]);
    expect(page.members.map((m) => [m.email, m.role])).toEqual([[user.email, "OWNER"]]);
    expect(page.counts).toEqual({ products: 0, rfqs: 0, quotes: 0, orders: 0 });
  });
});

describe("the verification queue and the list", () => {
  it("puts pending suppliers first, longest waiting at the top, then recent decisions, latest first", async () => {
    const prisma = getPrisma();
    const tag = `Очередь${Date.now().toString(36)}`;
    const org = async (name: string, createdAt: string, opts: { verified?: boolean; kind?: "BUYER" } = {}) => {
      const o = await createOrganization({ name: `${tag} ${name}`, verified: opts.verified, kind: opts.kind });
      return prisma.organization.update({ where: { id: o.id }, data: { createdAt: new Date(createdAt) } });
    };
    const newer = await org("новый", "2026-06-10T00:00:00Z");
    const older = await org("старый", "2026-06-01T00:00:00Z");
    const decidedFirst = await org("решён раньше", "2026-05-01T00:00:00Z");
    const decidedLast = await org("решён позже", "2026-05-02T00:00:00Z");
    await org("покупатель без решений", "2026-05-03T00:00:00Z", { kind: "BUYER" });
    await decideOrganization(operator, decidedFirst.id, "verify");
    await decideOrganization(operator, decidedLast.id, "block", "Дубликат");

    const queue = await listVerificationQueue(operator, { q: tag });
    expect(queue.items.map((o) => [o.id, o.state, o.decision])).toEqual([
      [older.id, "pending", null],
      [newer.id, "pending", null],
      [decidedLast.id, "suspended", "block"],
      [decidedFirst.id, "verified", "verify"],
    ]);
    expect(queue.items[2].decisionReason).toBe("Дубликат");
    expect((await listVerificationQueue(operator, { q: tag, status: "pending" })).items.map((o) => o.id)).toEqual([
      older.id,
      newer.id,
    ]);
    expect((await listVerificationQueue(operator, { q: older.inn })).items.map((o) => o.id)).toEqual([older.id]);
    expect((await listVerificationQueue(operator, { q: tag, kind: "BUYER" })).total).toBe(0);
  });

  it("pages the organisation list by 25 and searches by name and ИНН", async () => {
    const tag = `Пагинация${Date.now().toString(36)}`;
    const orgs = [];
    for (let i = 0; i < 27; i += 1) orgs.push(await createOrganization({ kind: "BUYER", name: `${tag} ${i}` }));
    const first = await listOrganizationsForAdmin(operator, { q: tag });
    expect([first.total, first.pageCount, first.items.length]).toEqual([27, 2, 25]);
    const second = await listOrganizationsForAdmin(operator, { q: tag, page: 2 });
    expect(second.items.length).toBe(2);
    const seen = new Set([...first.items, ...second.items].map((o) => o.id));
    expect(seen.size).toBe(27);
    const byInn = await listOrganizationsForAdmin(operator, { q: orgs[5].inn });
    expect(byInn.items.map((o) => o.id)).toEqual([orgs[5].id]);
    expect((await listOrganizationsForAdmin(operator, { q: tag, kind: "SUPPLIER" })).total).toBe(0);
  });

  it("reads digits inside a name as part of the name, not as an ИНН prefix", async () => {
    const other = await createOrganization({ kind: "SUPPLIER" });
    const named = await createOrganization({ kind: "SUPPLIER", name: `Завод ${other.inn.slice(0, 4)}${Date.now()}` });
    const query = `Завод ${other.inn.slice(0, 4)}`;
    const ids = (await listOrganizationsForAdmin(operator, { q: query })).items.map((o) => o.id);
    expect(ids).toContain(named.id);
    expect(ids).not.toContain(other.id);
    const queue = (await listVerificationQueue(operator, { q: query })).items.map((o) => o.id);
    expect(queue).toContain(named.id);
    expect(queue).not.toContain(other.id);
    expect((await listOrganizationsForAdmin(operator, { q: other.inn.slice(0, 6) })).items.map((o) => o.id)).toContain(
      other.id,
    );
  });
});
