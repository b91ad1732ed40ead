import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "~/modules/accounts/actor";
import { canReadFile } from "~/modules/files/files.server";
import { setEmailPreferences } from "~/modules/notifications/notifications.server";
import {
  addToCart,
  answerQuestion,
  askQuestion,
  cancelRfq,
  declineRfq,
  duplicateRfq,
  extendDeadline,
  getBuyerRfq,
  getCart,
  getDraftForm,
  listInbox,
  listThreadForSupplier,
  newRfqForm,
  publishRfq,
  RfqValidationError,
  registerRfqCloseHook,
  runDeadlineJob,
  saveDraft,
  viewRfqAsSupplier,
} from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import {
  captureMail,
  createMarket,
  DAY,
  draft,
  drainOutbox,
  exeAsPdf,
  orgIdsOf,
  pdfFile,
  withTempDataDir,
} from "./helpers";

withTempDataDir();
const mails = captureMail();
let m: Awaited<ReturnType<typeof createMarket>>;

beforeAll(async () => {
  m = await createMarket();
});

async function publishedRfq(opts: { includeOthers?: boolean; sealed?: boolean } = {}) {
  const { id } = await saveDraft(
    m.buyer.actor,
    null,
    draft([{ productId: m.pA.id }, { productId: m.pB.id }], {
      includeOtherSuppliers: opts.includeOthers ?? false,
      sealed: opts.sealed ?? false,
    }),
  );
  await publishRfq(m.buyer.actor, id);
  return id;
}

describe("routing and publishing", () => {
  it("sends to the suppliers of the chosen products; a suspended supplier's product never routes to it", async () => {
    const { id } = await saveDraft(
      m.buyer.actor,
      null,
      draft([{ productId: m.pA.id }, { productId: m.pB.id }, { productId: m.pS.id }]),
    );
    const form = await getDraftForm(m.buyer.actor, id);
    expect(form.candidates.map((c) => c.supplierOrgId).sort()).toEqual(orgIdsOf(m.a, m.b));
    await publishRfq(m.buyer.actor, id);
    const recipients = await getPrisma().rfqRecipient.findMany({ where: { rfqId: id } });
    expect(recipients.map((r) => r.supplierOrgId).sort()).toEqual(orgIdsOf(m.a, m.b));
    expect(recipients.every((r) => r.status === "NEW")).toBe(true);
  });

  it("with the opt-in adds verified suppliers of the same categories, never unverified or suspended ones", async () => {
    const id = await publishedRfq({ includeOthers: true });
    const recipients = await getPrisma().rfqRecipient.findMany({ where: { rfqId: id } });
    const ids = recipients.map((r) => r.supplierOrgId).sort();
    expect(ids).toEqual(orgIdsOf(m.a, m.b, m.c));
    expect(ids).not.toContain(m.suspended.organization.id);
    expect(ids).not.toContain(m.unverified.id);
    expect(ids).not.toContain(m.d.organization.id);
    expect(recipients.find((r) => r.supplierOrgId === m.c.organization.id)?.source).toBe("CATEGORY");
  });

  it("the buyer can untick a recipient before publishing", async () => {
    const input = draft([{ productId: m.pA.id }, { productId: m.pB.id }], {
      recipients: { shown: orgIdsOf(m.a, m.b), checked: orgIdsOf(m.a) },
    });
    const { id } = await saveDraft(m.buyer.actor, null, input);
    await publishRfq(m.buyer.actor, id);
    const recipients = await getPrisma().rfqRecipient.findMany({ where: { rfqId: id } });
    expect(recipients.map((r) => r.supplierOrgId)).toEqual(orgIdsOf(m.a));
  });

  it("writes status, recipients and notification events together; the worker notifies every member by app and email", async () => {
    await drainOutbox();
    mails.length = 0;
    const id = await publishedRfq();
    const rfq = await getPrisma().rfq.findUniqueOrThrow({ where: { id } });
    expect(rfq.status).toBe("PUBLISHED");
    const events = await getPrisma().outboxEvent.findMany({
      where: { aggregateId: id, topic: "notify.rfq_published" },
    });
    expect(events).toHaveLength(1);
    expect((events[0].payload as { orgIds: string[] }).orgIds.sort()).toEqual(orgIdsOf(m.a, m.b));
    await drainOutbox();
    const notes = await getPrisma().notification.findMany({
      where: { type: "rfq_published", link: `/supplier/rfqs/${id}` },
    });
    expect(notes.map((n) => n.userId).sort()).toEqual([m.a.user.id, m.b.user.id].sort());
    const toA = mails.find((x) => x.to === m.a.user.email);
    expect(mails.filter((x) => x.to === m.a.user.email)).toHaveLength(1);
    expect(toA?.subject).toContain(`№ ${rfq.number}`);
    expect(toA?.text).toContain(`/supplier/rfqs/${id}`);
    expect(mails.some((x) => x.to === m.d.user.email)).toBe(false);
  });

  it("refuses to publish with quantity 0, a past deadline or no recipients — and keeps the draft", async () => {
    const bad = draft([{ productId: m.pA.id, quantity: "0" }], {
      deadline: "2020-01-01T10:00",
    });
    const { id } = await saveDraft(m.buyer.actor, null, bad);
    const error = await publishRfq(m.buyer.actor, id).catch((e) => e);
    expect(error).toBeInstanceOf(RfqValidationError);
    expect(error.fieldErrors["items[0].quantity"]).toEqual(["errors.quantityPositive"]);
    expect(error.fieldErrors.deadline).toContain("errors.deadlinePast");
    const kept = await getDraftForm(m.buyer.actor, id);
    expect(kept.values.title).toBe(bad.title);
    expect(kept.status).toBe("DRAFT");

    const free = await saveDraft(m.buyer.actor, null, draft([{ name: "Задвижка Ду200" }]));
    const e2 = await publishRfq(m.buyer.actor, free.id).catch((e) => e);
    expect(e2.formErrors).toEqual(["errors.noRecipients"]);
  });

  it("a free-form RFQ can go to a supplier added by INN", async () => {
    const { id } = await saveDraft(
      m.buyer.actor,
      null,
      draft([{ name: "Задвижка Ду200" }], { addSupplier: m.c.organization.inn }),
    );
    await publishRfq(m.buyer.actor, id);
    const recipients = await getPrisma().rfqRecipient.findMany({ where: { rfqId: id } });
    expect(recipients.map((r) => [r.supplierOrgId, r.source])).toEqual([[m.c.organization.id, "MANUAL"]]);
  });
});

describe("attachments", () => {
  it("stores a PDF, refuses an .exe renamed .pdf, reports a too-large file, keeps the rest of the draft", async () => {
    const { id, uploadProblems } = await saveDraft(m.buyer.actor, null, draft([{ productId: m.pA.id }]), [
      { file: pdfFile() },
      { file: exeAsPdf() },
      { file: new File([], "huge.dwg"), tooLarge: true },
    ]);
    expect(uploadProblems.map((p) => [p.name, p.code])).toEqual([
      ["drawing.pdf", "bad_type"],
      ["huge.dwg", "too_large"],
    ]);
    const form = await getDraftForm(m.buyer.actor, id);
    expect(form.attachments.map((a) => a.name)).toEqual(["spec.pdf"]);
    // a later save without files keeps the attachment
    await saveDraft(m.buyer.actor, id, draft([{ productId: m.pA.id }], { title: "Изменено" }));
    expect((await getDraftForm(m.buyer.actor, id)).attachments).toHaveLength(1);
  });
});

describe("supplier inbox", () => {
  it("lists addressed RFQs with status, buyer and item count; drafts and foreign RFQs never", async () => {
    const id = await publishedRfq();
    const { id: draftId } = await saveDraft(m.buyer.actor, null, draft([{ productId: m.pA.id }]));
    const inbox = await listInbox(m.a.actor, {});
    const row = inbox.items.find((r) => r.id === id);
    expect(row).toMatchObject({ status: "NEW", buyer: m.buyer.organization.shortName, itemCount: 2 });
    expect(inbox.items.some((r) => r.id === draftId)).toBe(false);
    expect((await listInbox(m.d.actor, {})).items).toHaveLength(0);
    const searched = await listInbox(m.a.actor, { q: "тп-12", status: "NEW" });
    expect(searched.items.some((r) => r.id === id)).toBe(true);
  });

  it("viewing marks the recipient viewed (once, audited); the buyer sees it", async () => {
    const id = await publishedRfq();
    const view = await viewRfqAsSupplier(m.a.actor, id);
    expect(view.recipient.status).toBe("VIEWED");
    await viewRfqAsSupplier(m.a.actor, id);
    const { recipients, audit } = await getBuyerRfq(m.buyer.actor, id);
    expect(recipients.find((r) => r.supplierOrgId === m.a.organization.id)?.status).toBe("VIEWED");
    expect(recipients.find((r) => r.supplierOrgId === m.b.organization.id)?.status).toBe("NEW");
    expect(audit.filter((a) => a.action === "recipient_viewed")).toHaveLength(1);
    expect((await listInbox(m.a.actor, { status: "VIEWED" })).items.some((r) => r.id === id)).toBe(true);
  });

  it("decline with a reason notifies the buyer; a second decline is refused", async () => {
    const id = await publishedRfq();
    await declineRfq(m.b.actor, id, "Нет мощностей до конца года");
    const r = await getPrisma().rfqRecipient.findFirstOrThrow({
      where: { rfqId: id, supplierOrgId: m.b.organization.id },
    });
    expect(r).toMatchObject({ status: "DECLINED", declineReason: "Нет мощностей до конца года" });
    await expect(declineRfq(m.b.actor, id, "ещё раз")).rejects.toBeInstanceOf(RfqValidationError);
    await drainOutbox();
    const note = await getPrisma().notification.findFirst({ where: { userId: m.buyer.user.id, type: "rfq_declined" } });
    expect(note?.link).toBe(`/buyer/rfqs/${id}`);
  });

  it("an uninvited supplier gets NotFound for the RFQ and cannot read its attachments", async () => {
    const { id } = await saveDraft(m.buyer.actor, null, draft([{ productId: m.pA.id }]), [{ file: pdfFile() }]);
    const fileId = (await getDraftForm(m.buyer.actor, id)).attachments[0].id;
    // draft: not even the future recipient may read it
    expect(await canReadFile(m.a.actor, fileId)).toBeNull();
    await publishRfq(m.buyer.actor, id);
    await expect(viewRfqAsSupplier(m.d.actor, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(declineRfq(m.d.actor, id, "чужой")).rejects.toBeInstanceOf(NotFoundError);
    await expect(askQuestion(m.d.actor, id, "Можно?")).rejects.toBeInstanceOf(NotFoundError);
    expect(await canReadFile(m.d.actor, fileId)).toBeNull();
    expect(await canReadFile(null, fileId)).toBeNull();
    expect((await canReadFile(m.a.actor, fileId))?.id).toBe(fileId);
    expect((await canReadFile(m.buyer.actor, fileId))?.id).toBe(fileId);
    // another buyer cannot see it either
    const other = await (await import("../../fixtures/factories")).createActor({ kind: "BUYER" });
    await expect(getBuyerRfq(other.actor, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await canReadFile(other.actor, fileId)).toBeNull();
  });
});

describe("clarifications", () => {
  it("a published answer reaches every recipient without the asker's identity; a private one only the asker", async () => {
    const id = await publishedRfq();
    const q1 = await askQuestion(m.a.actor, id, "Допускается ли поставка двумя партиями?");
    const q2 = await askQuestion(m.a.actor, id, "Нужен ли шеф-монтаж?");
    await drainOutbox();
    expect(
      await getPrisma().notification.count({
        where: { userId: m.buyer.user.id, type: "rfq_question", link: `/buyer/rfqs/${id}#questions` },
      }),
    ).toBe(2);

    await answerQuestion(m.buyer.actor, id, { questionId: q1.id, body: "Да, двумя партиями.", publish: true });
    await answerQuestion(m.buyer.actor, id, { questionId: q2.id, body: "Нет, не нужен.", publish: false });
    await drainOutbox();

    const forB = await listThreadForSupplier(m.b.actor, id);
    expect(forB.own).toHaveLength(0);
    expect(forB.published).toEqual([
      expect.objectContaining({ question: "Допускается ли поставка двумя партиями?", answer: "Да, двумя партиями." }),
    ]);
    const serialized = JSON.stringify(forB);
    expect(serialized).not.toContain(m.a.organization.id);
    expect(serialized).not.toContain(m.a.organization.shortName);
    expect(serialized).not.toContain("шеф-монтаж");

    const forA = await listThreadForSupplier(m.a.actor, id);
    expect(forA.own.map((x) => x.body)).toEqual([
      "Допускается ли поставка двумя партиями?",
      "Нужен ли шеф-монтаж?",
      "Да, двумя партиями.",
      "Нет, не нужен.",
    ]);
    const answersToB = await getPrisma().notification.count({
      where: { userId: m.b.user.id, type: "rfq_answer", link: `/supplier/rfqs/${id}#questions` },
    });
    const answersToA = await getPrisma().notification.count({
      where: { userId: m.a.user.id, type: "rfq_answer", link: `/supplier/rfqs/${id}#questions` },
    });
    expect(answersToB).toBe(1);
    expect(answersToA).toBe(2);
  });
});

describe("buyer actions", () => {
  it("extending the deadline notifies the recipients; an earlier date is refused", async () => {
    const id = await publishedRfq();
    const rfq = await getPrisma().rfq.findUniqueOrThrow({ where: { id } });
    await expect(
      extendDeadline(m.buyer.actor, id, new Date((rfq.deadline as Date).getTime() - DAY)),
    ).rejects.toBeInstanceOf(RfqValidationError);
    const later = new Date((rfq.deadline as Date).getTime() + 2 * DAY);
    await extendDeadline(m.buyer.actor, id, later);
    expect((await getPrisma().rfq.findUniqueOrThrow({ where: { id } })).deadline?.toISOString()).toBe(
      later.toISOString(),
    );
    await drainOutbox();
    const notes = await getPrisma().notification.findMany({
      where: { type: "rfq_deadline_changed", link: `/supplier/rfqs/${id}` },
    });
    expect(notes.map((n) => n.userId).sort()).toEqual([m.a.user.id, m.b.user.id].sort());
    await expect(extendDeadline(m.d.actor, id, later)).rejects.toThrow();
  });

  it("cancelling with a reason notifies the recipients and stops all responses", async () => {
    const id = await publishedRfq();
    await declineRfq(m.b.actor, id, "Не наш профиль");
    await cancelRfq(m.buyer.actor, id, "Финансирование перенесено");
    expect((await getPrisma().rfq.findUniqueOrThrow({ where: { id } })).status).toBe("CANCELLED");
    await expect(askQuestion(m.a.actor, id, "Почему?")).rejects.toBeInstanceOf(RfqValidationError);
    await expect(declineRfq(m.a.actor, id, "ок")).rejects.toBeInstanceOf(RfqValidationError);
    const view = await viewRfqAsSupplier(m.a.actor, id);
    expect(view.canRespond).toBe(false);
    expect(view.rfq.cancelReason).toBe("Финансирование перенесено");
    await drainOutbox();
    const notes = await getPrisma().notification.findMany({
      where: { type: "rfq_cancelled", link: `/supplier/rfqs/${id}` },
    });
    // the supplier that had already declined is not bothered
    expect(notes.map((n) => n.userId)).toEqual([m.a.user.id]);
  });

  it("duplicates an RFQ into a new draft with the same items and recipients", async () => {
    const id = await publishedRfq();
    const copy = await duplicateRfq(m.buyer.actor, id);
    const form = await getDraftForm(m.buyer.actor, copy.id);
    expect(form.values.items).toHaveLength(2);
    expect(
      form.candidates
        .filter((c) => c.selected)
        .map((c) => c.supplierOrgId)
        .sort(),
    ).toEqual(orgIdsOf(m.a, m.b));
    expect(form.values.deadline).toBe("");
  });
});

describe("deadline job", () => {
  it("closes due RFQs: silent recipients expire, sealed ones are opened, hooks run; reminders go once", async () => {
    const hooked: string[] = [];
    registerRfqCloseHook("test", async (_tx, rfq) => {
      hooked.push(`${rfq.id}:${rfq.openedAt ? "opened" : "closed"}`);
    });
    const id = await publishedRfq({ sealed: true });
    await viewRfqAsSupplier(m.a.actor, id);
    await declineRfq(m.b.actor, id, "Нет");
    const rfq = await getPrisma().rfq.findUniqueOrThrow({ where: { id } });
    const deadline = rfq.deadline as Date;

    // 23 h before: a reminder, once
    const before = new Date(deadline.getTime() - 23 * 3600 * 1000);
    const first = await runDeadlineJob(before);
    expect(first.reminded).toContain(id);
    expect((await runDeadlineJob(before)).reminded).not.toContain(id);
    await drainOutbox();
    const reminders = await getPrisma().notification.findMany({
      where: { type: "rfq_reminder", link: `/supplier/rfqs/${id}` },
    });
    expect(reminders.map((n) => n.userId)).toEqual([m.a.user.id]);

    const after = new Date(deadline.getTime() + 1000);
    const { closed } = await runDeadlineJob(after);
    expect(closed).toContain(id);
    const done = await getPrisma().rfq.findUniqueOrThrow({ where: { id }, include: { recipients: true } });
    expect(done.status).toBe("CLOSED");
    expect(done.openedAt?.toISOString()).toBe(after.toISOString());
    const statuses = Object.fromEntries(done.recipients.map((r) => [r.supplierOrgId, r.status]));
    expect(statuses[m.a.organization.id]).toBe("EXPIRED");
    expect(statuses[m.b.organization.id]).toBe("DECLINED");
    expect(hooked).toContain(`${id}:opened`);
    expect((await runDeadlineJob(after)).closed).not.toContain(id);
  });
});

describe("email preferences and cart", () => {
  it("a user who turned email off for an event type still gets the in-app notification", async () => {
    await setEmailPreferences(m.c.actor, ["rfq_question"]); // everything but questions off
    await drainOutbox();
    mails.length = 0;
    const { id } = await saveDraft(
      m.buyer.actor,
      null,
      draft([{ name: "Кабель" }], { addSupplier: m.c.organization.inn }),
    );
    await publishRfq(m.buyer.actor, id);
    await drainOutbox();
    expect(await getPrisma().notification.count({ where: { userId: m.c.user.id, link: `/supplier/rfqs/${id}` } })).toBe(
      1,
    );
    expect(mails.some((x) => x.to === m.c.user.email)).toBe(false);
  });

  it("the RFQ cart is per user and organisation and prefills a new RFQ with products of several suppliers", async () => {
    await addToCart(m.buyer.actor, m.pA.id);
    await addToCart(m.buyer.actor, m.pB.id, 3);
    // the slug comes back: the catalog marks the card the buyer added (?added=<slug>)
    const { slug } = await getPrisma().product.findUniqueOrThrow({ where: { id: m.pA.id }, select: { slug: true } });
    expect(await addToCart(m.buyer.actor, m.pA.id)).toEqual({ slug });
    expect((await getCart(m.buyer.actor)).map((i) => [i.productId, i.quantity])).toEqual([
      [m.pA.id, "1"],
      [m.pB.id, "3"],
    ]);
    await expect(addToCart(m.a.actor, m.pA.id)).rejects.toThrow();
    const form = await newRfqForm(m.buyer.actor, { fromCart: true });
    expect(form.values.items.map((i) => i.productId)).toEqual([m.pA.id, m.pB.id]);
    expect(form.candidates.map((c) => c.supplierOrgId).sort()).toEqual(orgIdsOf(m.a, m.b));
    expect(form.values.deliveryAddress).toContain("Севастополь");
    await saveDraft(m.buyer.actor, null, { ...draft([{ productId: m.pA.id }]), fromCart: true });
    expect(await getCart(m.buyer.actor)).toHaveLength(0);
  });
});
