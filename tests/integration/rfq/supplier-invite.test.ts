import { beforeAll, describe, expect, it } from "vitest";
import { signUp } from "~/modules/accounts/accounts.server";
import { saveQuote } from "~/modules/quotes/quotes.server";
import {
  cancelSupplierInvite,
  claimSupplierInvite,
  closeRfqEarly,
  getSupplierInvite,
  INVITE_MAX_SENDS,
  inviteSupplier,
  listInbox,
  listSupplierInvites,
  resendSupplierInvite,
  viewRfqAsSupplier,
} from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import { publicOrigin } from "~/utils/origin.server";
import { awardRfq } from "~/workflows/award.server";
import { createActor, uniqueInn } from "../../fixtures/factories";
import { captureMail, createMarket, drainOutbox, publishedRfq, quoteForm, withTempDataDir } from "../quotes/helpers";

withTempDataDir();
const mails = captureMail();
let m: Awaited<ReturnType<typeof createMarket>>;
let otherBuyer: Awaited<ReturnType<typeof createActor>>;
beforeAll(async () => {
  m = await createMarket();
  otherBuyer = await createActor({ kind: "BUYER", name: "Чужой покупатель" });
});

const ctx = { ip: "203.0.113.9", userAgent: "test", lang: "ru" as const, origin: "http://localhost" };
const MIN = 60_000;

/** The token of the newest invitation mail to `to` (after draining the outbox). */
async function tokenMailedTo(to: string): Promise<string> {
  await drainOutbox();
  const mail = mails.filter((x) => x.to === to).at(-1);
  const token = /rfqInvite=([\w-]+)/.exec(mail?.text ?? "")?.[1];
  if (!token) throw new Error(`no invitation mail to ${to}`);
  return token;
}

function signupInput(inn: string, email: string) {
  return {
    kind: "SUPPLIER" as const,
    legalName: "ООО «Новый завод»",
    shortName: "Новый завод",
    inn,
    kpp: "780101001",
    ogrn: "1027700132195",
    region: "Санкт-Петербург",
    city: "Санкт-Петербург",
    legalAddress: "ул. Заводская, д. 1",
    phone: "+7 812 000-00-01",
    name: "Иван Петров",
    email,
    password: "Zavod-Password-2026!",
    consent: "on" as const,
  };
}

describe("inviting a supplier who is not on the platform", () => {
  it("token → sign-up with the ИНН → the supplier quotes; statuses follow; award blocked until verified", async () => {
    const { id, items } = await publishedRfq(m);
    const inn = uniqueInn();

    const sent = await inviteSupplier(m.buyer.actor, id, {
      inviteEmail: "Sales@Novy-Zavod.test",
      inviteInn: inn,
      inviteOrgName: "Новый завод",
      inviteMessage: "Нужны трансформаторы к марту",
    });
    expect(sent).toMatchObject({ ok: true, kind: "invited", email: "sales@novy-zavod.test" });
    const token = await tokenMailedTo("sales@novy-zavod.test");
    const mail = mails.find((x) => x.to === "sales@novy-zavod.test");
    expect(mail?.subject).toBe(`Севгорэнерго приглашает вас ответить на запрос цен № ${await rfqNumber(id)}`);
    expect(mail?.text).toContain("Нужны трансформаторы к марту");
    expect(mail?.text).toContain(`ИНН ${inn}`);
    expect(mail?.text).toContain("Ссылка действует 14 дней и срабатывает один раз.");
    // the link is built from the configured origin
    expect(mail?.text).toContain(`\n\n${publicOrigin()}/signup?rfqInvite=${token}\n\n`);
    expect(await listSupplierInvites(m.buyer.actor, id)).toMatchObject([
      { inn, status: "SENT", orgName: "Новый завод", supplierName: null },
    ]);
    expect(await getSupplierInvite(token)).toMatchObject({
      ok: true,
      inn,
      email: "sales@novy-zavod.test",
      orgName: "Новый завод",
      rfqId: id,
    });

    // the invited address signs up: confirmed by the link, signed in at once
    const request = new Request("http://localhost/signup", { method: "POST" });
    const signed = await signUp(signupInput(inn, "sales@novy-zavod.test"), ctx, {
      request,
      email: "sales@novy-zavod.test",
    });
    expect(signed).toMatchObject({ ok: true, setCookie: expect.stringContaining("=") });
    expect(await claimSupplierInvite(token)).toBe(id);
    // single use
    expect(await claimSupplierInvite(token)).toBeNull();
    expect(await getSupplierInvite(token)).toEqual({ ok: false, problem: "used" });

    const prisma = getPrisma();
    const org = await prisma.organization.findUniqueOrThrow({
      where: { inn },
      include: { memberships: { include: { user: true } } },
    });
    expect(org.verifiedAt).toBeNull();
    expect(org.memberships[0].user.emailVerifiedAt).not.toBeNull();
    const actor = {
      userId: org.memberships[0].userId,
      organizationId: org.id,
      orgKind: "SUPPLIER" as const,
      role: "OWNER" as const,
      isOperator: false,
    };
    const inbox = await listInbox(actor, {});
    expect(inbox.items.map((r) => r.id)).toContain(id);
    await viewRfqAsSupplier(actor, id);
    expect(await listSupplierInvites(m.buyer.actor, id)).toMatchObject([
      { status: "REGISTERED", supplierName: "Новый завод", supplierVerified: false, resendableAt: null },
    ]);

    // the new supplier quotes: the invitation says so; the buyer cannot award it before the operator verifies it
    const quote = await saveQuote(
      actor,
      id,
      quoteForm(
        items.map((i) => ({ rfqItemId: i.id, unitPrice: "100", quantity: String(i.quantity), leadTimeDays: "10" })),
      ),
      { mode: "submit" },
    );
    expect(await listSupplierInvites(m.buyer.actor, id)).toMatchObject([{ status: "QUOTED" }]);
    // a used invitation cannot be resent or cancelled
    const [used] = await listSupplierInvites(m.buyer.actor, id);
    await expect(resendSupplierInvite(m.buyer.actor, id, used.id)).rejects.toMatchObject({
      formErrors: ["invite.errors.notPending"],
    });
    await expect(cancelSupplierInvite(m.buyer.actor, id, used.id)).rejects.toMatchObject({
      formErrors: ["invite.errors.notPending"],
    });
    await closeRfqEarly(m.buyer.actor, id);
    await expect(awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: quote.quoteId }, null)).rejects.toMatchObject({
      formErrors: [expect.stringMatching(/^errors\.supplierNotVerified::.*Новый завод/)],
    });
    await prisma.organization.update({ where: { id: org.id }, data: { verifiedAt: new Date() } });
    await expect(awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: quote.quoteId }, null)).resolves.toBeTruthy();
  });

  it("a sign-up from the link with another address is not signed in (the mailbox is not proven)", async () => {
    const { id } = await publishedRfq(m);
    const inn = uniqueInn();
    await inviteSupplier(m.buyer.actor, id, { inviteEmail: "boss@zavod-2.test", inviteInn: inn });
    const token = await tokenMailedTo("boss@zavod-2.test");
    const request = new Request("http://localhost/signup", { method: "POST" });
    const signed = await signUp(signupInput(inn, "clerk@zavod-2.test"), ctx, { request, email: "boss@zavod-2.test" });
    expect(signed).toEqual({ ok: true });
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email: "clerk@zavod-2.test" } });
    expect(user.emailVerifiedAt).toBeNull();
    // the organisation still gets the RFQ (the ИНН was locked), the user confirms the address as usual
    expect(await claimSupplierInvite(token)).toBe(id);
  });

  it("bad input gives field errors in keys of the page's language, and nothing is sent", async () => {
    const { id } = await publishedRfq(m);
    const before = (await listSupplierInvites(m.buyer.actor, id)).length;
    expect(await inviteSupplier(m.buyer.actor, id, { inviteEmail: "sales@", inviteInn: "7700000001" })).toEqual({
      ok: false,
      fieldErrors: { inviteEmail: ["invite.errors.email"], inviteInn: ["invite.errors.innChecksum"] },
    });
    expect(await inviteSupplier(m.buyer.actor, id, { inviteEmail: "", inviteInn: "12345" })).toEqual({
      ok: false,
      fieldErrors: { inviteEmail: ["errors.required"], inviteInn: ["invite.errors.innFormat"] },
    });
    expect(
      await inviteSupplier(m.buyer.actor, id, {
        inviteEmail: "x@x.test",
        inviteInn: uniqueInn(),
        inviteMessage: "я".repeat(1001),
      }),
    ).toEqual({ ok: false, fieldErrors: { inviteMessage: ["invite.errors.messageLong"] } });
    expect(await listSupplierInvites(m.buyer.actor, id)).toHaveLength(before);
  });

  it("duplicates are refused; an ИНН on the platform is routed the RFQ directly", async () => {
    const { id } = await publishedRfq(m);
    const inn = uniqueInn();
    expect(await inviteSupplier(m.buyer.actor, id, { inviteEmail: "one@dup.test", inviteInn: inn })).toMatchObject({
      ok: true,
    });
    expect(await inviteSupplier(m.buyer.actor, id, { inviteEmail: "two@dup.test", inviteInn: inn })).toEqual({
      ok: false,
      fieldErrors: { inviteInn: ["invite.errors.duplicateInn"] },
    });
    expect(await inviteSupplier(m.buyer.actor, id, { inviteEmail: "ONE@dup.test", inviteInn: uniqueInn() })).toEqual({
      ok: false,
      fieldErrors: { inviteEmail: ["invite.errors.duplicateEmail"] },
    });

    // A is a recipient already; C is on the platform but not a recipient: it becomes one and is notified
    expect(
      await inviteSupplier(m.buyer.actor, id, { inviteEmail: "a@x.test", inviteInn: m.a.organization.inn }),
    ).toEqual({ ok: false, fieldErrors: { inviteInn: ["invite.errors.alreadyRecipient"] } });
    expect(
      await inviteSupplier(m.buyer.actor, id, { inviteEmail: "c@x.test", inviteInn: m.c.organization.inn }),
    ).toEqual({ ok: true, kind: "routed", supplierName: "Кировский кабель" });
    const inbox = await listInbox(m.c.actor, {});
    expect(inbox.items.map((r) => r.id)).toContain(id);
    await drainOutbox();
    expect(mails.some((x) => x.to === "c@x.test")).toBe(false);
    // a buyer's ИНН is not a supplier
    expect(
      await inviteSupplier(m.buyer.actor, id, { inviteEmail: "b@x.test", inviteInn: otherBuyer.organization.inn }),
    ).toEqual({ ok: false, fieldErrors: { inviteInn: ["invite.errors.innNotSupplier"] } });
  });

  it("only the inviting buyer lists, resends and cancels; a supplier cannot invite", async () => {
    const { id } = await publishedRfq(m);
    await inviteSupplier(m.buyer.actor, id, { inviteEmail: "own@scope.test", inviteInn: uniqueInn() });
    const [inv] = await listSupplierInvites(m.buyer.actor, id);

    await expect(listSupplierInvites(otherBuyer.actor, id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(cancelSupplierInvite(otherBuyer.actor, id, inv.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(resendSupplierInvite(otherBuyer.actor, id, inv.id)).rejects.toMatchObject({ kind: "not_found" });
    // nor can it invite to this RFQ (scoped by the RFQ's organisation)
    await expect(
      inviteSupplier(otherBuyer.actor, id, { inviteEmail: "x@scope.test", inviteInn: uniqueInn() }),
    ).rejects.toMatchObject({ kind: "not_found" });
    await expect(
      inviteSupplier(m.a.actor, id, { inviteEmail: "x@scope.test", inviteInn: uniqueInn() }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    await expect(listSupplierInvites(m.a.actor, id)).rejects.toMatchObject({ kind: "forbidden" });
    expect(await listSupplierInvites(m.buyer.actor, id)).toMatchObject([{ id: inv.id, status: "SENT" }]);
  });

  it("resend is rate-limited and replaces the link; cancel kills it", async () => {
    const { id } = await publishedRfq(m);
    const t0 = new Date();
    await inviteSupplier(m.buyer.actor, id, { inviteEmail: "re@send.test", inviteInn: uniqueInn() }, "ru", t0);
    const first = await tokenMailedTo("re@send.test");
    const [inv] = await listSupplierInvites(m.buyer.actor, id, t0);
    expect(inv.resendableAt).toBe(new Date(t0.getTime() + 10 * MIN).toISOString());

    await expect(
      resendSupplierInvite(m.buyer.actor, id, inv.id, "ru", new Date(t0.getTime() + 3 * MIN)),
    ).rejects.toMatchObject({ formErrors: ['invite.errors.resendTooSoon::{"count":7}'] });

    let at = t0.getTime();
    for (let i = 1; i < INVITE_MAX_SENDS; i++) {
      at += 11 * MIN;
      await resendSupplierInvite(m.buyer.actor, id, inv.id, "ru", new Date(at));
    }
    const latest = await tokenMailedTo("re@send.test");
    expect(mails.filter((x) => x.to === "re@send.test")).toHaveLength(INVITE_MAX_SENDS);
    expect(latest).not.toBe(first);
    expect(await getSupplierInvite(first)).toEqual({ ok: false, problem: "unknown" });
    expect(await getSupplierInvite(latest, new Date(at))).toMatchObject({ ok: true });
    await expect(resendSupplierInvite(m.buyer.actor, id, inv.id, "ru", new Date(at + 60 * MIN))).rejects.toMatchObject({
      formErrors: ["invite.errors.resendLimit"],
    });

    await cancelSupplierInvite(m.buyer.actor, id, inv.id);
    expect(await getSupplierInvite(latest)).toEqual({ ok: false, problem: "cancelled" });
    expect(await claimSupplierInvite(latest)).toBeNull();
    expect(await listSupplierInvites(m.buyer.actor, id)).toMatchObject([{ status: "CANCELLED", resendableAt: null }]);
    // a cancelled invitation no longer blocks inviting the same supplier again
    expect(await inviteSupplier(m.buyer.actor, id, { inviteEmail: "re@send.test", inviteInn: inv.inn })).toMatchObject({
      ok: true,
      kind: "invited",
    });
  });

  it("an expired invitation does not open the sign-up and cannot be claimed", async () => {
    const { id } = await publishedRfq(m);
    const inn = uniqueInn();
    const past = new Date(Date.now() - 30 * 86_400_000);
    await inviteSupplier(m.buyer.actor, id, { inviteEmail: "old@x.test", inviteInn: inn }, "ru", past);
    const token = await tokenMailedTo("old@x.test");
    expect(await getSupplierInvite(token)).toEqual({ ok: false, problem: "expired" });
    expect(await claimSupplierInvite(token)).toBeNull();
    expect(await getSupplierInvite("not-a-token")).toEqual({ ok: false, problem: "unknown" });
    expect(await listSupplierInvites(m.buyer.actor, id)).toMatchObject([{ status: "EXPIRED" }]);
  });
});

async function rfqNumber(id: string) {
  return (await getPrisma().rfq.findUniqueOrThrow({ where: { id }, select: { number: true } })).number;
}
