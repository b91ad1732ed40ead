import { beforeAll, describe, expect, it } from "vitest";
import { signUp } from "~/modules/accounts/accounts.server";
import { saveQuote } from "~/modules/quotes/quotes.server";
import {
  claimSupplierInvite,
  closeRfqEarly,
  getSupplierInvite,
  inviteSupplier,
  listInbox,
  listSupplierInvites,
  viewRfqAsSupplier,
} from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import { awardRfq } from "~/workflows/award.server";
import { uniqueInn } from "../../fixtures/factories";
import { captureMail, createMarket, drainOutbox, publishedRfq, quoteForm, withTempDataDir } from "../quotes/helpers";

withTempDataDir();
const mails = captureMail();
let m: Awaited<ReturnType<typeof createMarket>>;
beforeAll(async () => {
  m = await createMarket();
});

const ctx = { ip: "203.0.113.9", userAgent: "test", lang: "ru" as const, origin: "http://localhost" };

describe("inviting a supplier who is not on the platform", () => {
  it("token → sign-up with the ИНН → the supplier sees the RFQ; award blocked until the operator verifies", async () => {
    const { id, items } = await publishedRfq(m);
    const inn = uniqueInn();

    // bad input: field errors, nothing sent
    const bad = await inviteSupplier(m.buyer.actor, id, { inviteEmail: "sales@", inviteInn: "7700000001" });
    expect(bad).toEqual({
      ok: false,
      fieldErrors: { inviteEmail: ["invite.errors.email"], inviteInn: ["invite.errors.innChecksum"] },
    });
    const taken = await inviteSupplier(m.buyer.actor, id, { inviteEmail: "a@x.test", inviteInn: m.a.organization.inn });
    expect(taken).toEqual({ ok: false, fieldErrors: { inviteInn: ["invite.errors.innOnPlatform"] } });
    // another buyer cannot invite to this RFQ
    await expect(inviteSupplier(m.a.actor, id, { inviteEmail: "x@x.test", inviteInn: inn })).rejects.toThrow();

    const sent = await inviteSupplier(m.buyer.actor, id, { inviteEmail: "Sales@Novy-Zavod.test", inviteInn: inn });
    expect(sent.ok).toBe(true);
    await drainOutbox();
    const mail = mails.find((x) => x.to === "sales@novy-zavod.test");
    expect(mail?.subject).toContain("приглашает");
    const token = /rfqInvite=([\w-]+)/.exec(mail?.text ?? "")?.[1] as string;
    expect(mail?.text).toMatch(/^http:\/\/[^/]+\/signup\?rfqInvite=/m);
    expect(await listSupplierInvites(m.buyer.actor, id)).toMatchObject([
      { inn, status: "PENDING", supplierName: null },
    ]);

    const invite = await getSupplierInvite(token);
    expect(invite).toMatchObject({ inn, email: "sales@novy-zavod.test", rfqId: id });

    // sign-up with the invited ИНН (the route locks it), then the claim makes the organisation a recipient
    const signed = await signUp(
      {
        kind: "SUPPLIER",
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
        email: "sales@novy-zavod.test",
        password: "Zavod-Password-2026!",
        consent: "on",
      },
      ctx,
    );
    expect(signed).toEqual({ ok: true });
    expect(await claimSupplierInvite(token)).toBe(id);
    // single use
    expect(await claimSupplierInvite(token)).toBeNull();
    expect(await getSupplierInvite(token)).toBeNull();

    const prisma = getPrisma();
    const org = await prisma.organization.findUniqueOrThrow({ where: { inn }, include: { memberships: true } });
    expect(org.verifiedAt).toBeNull();
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
      { status: "REGISTERED", supplierName: "Новый завод", supplierVerified: false },
    ]);

    // the new supplier quotes; the buyer cannot award it before the operator verifies the organisation
    const quote = await saveQuote(
      actor,
      id,
      quoteForm(
        items.map((i) => ({ rfqItemId: i.id, unitPrice: "100", quantity: String(i.quantity), leadTimeDays: "10" })),
      ),
      { mode: "submit" },
    );
    await closeRfqEarly(m.buyer.actor, id);
    await expect(awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: quote.quoteId }, null)).rejects.toMatchObject({
      formErrors: [expect.stringMatching(/^errors\.supplierNotVerified::.*Новый завод/)],
    });
    await prisma.organization.update({ where: { id: org.id }, data: { verifiedAt: new Date() } });
    await expect(awardRfq(m.buyer.actor, id, { mode: "whole", quoteId: quote.quoteId }, null)).resolves.toBeTruthy();
  });

  it("an expired invitation does not open the sign-up", async () => {
    const { id } = await publishedRfq(m);
    const inn = uniqueInn();
    const past = new Date(Date.now() - 30 * 86_400_000);
    await inviteSupplier(m.buyer.actor, id, { inviteEmail: "old@x.test", inviteInn: inn }, "ru", past);
    await drainOutbox();
    const token = /rfqInvite=([\w-]+)/.exec(mails.find((x) => x.to === "old@x.test")?.text ?? "")?.[1] as string;
    expect(await getSupplierInvite(token)).toBeNull();
    expect(await listSupplierInvites(m.buyer.actor, id)).toMatchObject([{ status: "EXPIRED" }]);
  });
});
