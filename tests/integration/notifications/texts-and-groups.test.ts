import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "~/modules/accounts/actor";
import {
  countUnread,
  listNotifications,
  markGroupRead,
  type NotifyInput,
  notify,
} from "~/modules/notifications/notifications.server";
import { performOrderStep } from "~/modules/orders/orders.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { createAwardedOrder, giveRequisites } from "../orders/helpers";
import { captureMail, drainOutbox } from "../rfq/helpers";

/** Intl puts no-break spaces into money ("18 550,00 ₽"); the assertions read them as plain spaces. */
const plain = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ");

const mails = captureMail();

async function market() {
  const buyer = await createActor({ kind: "BUYER", name: "Севгорэнерго" });
  const supplier = await createActor({ kind: "SUPPLIER", verified: true, name: "Невский котельный завод" });
  const other = await createActor({ kind: "SUPPLIER", verified: true, name: "Балтэнергомаш" });
  await giveRequisites(supplier.organization.id);
  // 100 × 100,00 + 20 % and 1,5 × 333,33 + 10 % = 12 550,00; delivery 5 000,00 + 20 % → 18 550,00 ₽ with НДС
  const order = await createAwardedOrder({
    buyer: buyer.actor,
    supplierOrgId: supplier.organization.id,
    deliveryCostKopecks: 500_000n,
  });
  const o = await getPrisma().order.findUniqueOrThrow({
    where: { id: order.orderId },
    select: { number: true, rfq: { select: { id: true, number: true } } },
  });
  if (!o.rfq) throw new Error("the order has its RFQ");
  await drainOutbox();
  return { buyer, supplier, other, orderId: order.orderId, orderNo: o.number, rfqId: o.rfq.id, rfqNo: o.rfq.number };
}

async function titles(actor: Actor, lang: "ru" | "en") {
  const list = await listNotifications(actor, { lang });
  return list.groups.flatMap((g) => [g.latest, ...g.older]).map((n) => plain(n.title));
}

async function send(input: NotifyInput) {
  await getPrisma().$transaction((tx) => notify(tx, input));
  await drainOutbox();
}

beforeEach(() => {
  mails.length = 0;
});

describe("notification texts name the counterparty, the RFQ and the amount", () => {
  it("an order: the supplier reads who placed it, its total with НДС and the RFQ; the buyer the confirmation", async () => {
    const m = await market();
    expect(await titles(m.supplier.actor, "ru")).toEqual([
      `Севгорэнерго разместил заказ № ${m.orderNo} на 18 550,00 ₽ по запросу № ${m.rfqNo} «Тестовый запрос»`,
    ]);
    expect(await titles(m.supplier.actor, "en")).toEqual([
      `Севгорэнерго placed order No. ${m.orderNo} for RUB 18,550.00 on RFQ No. ${m.rfqNo} “Тестовый запрос”`,
    ]);
    mails.length = 0;
    await performOrderStep(m.supplier.actor, m.orderId, { action: "confirm" });
    await drainOutbox();
    expect(await titles(m.buyer.actor, "ru")).toEqual([
      `Невский котельный завод подтвердил заказ № ${m.orderNo} на 18 550,00 ₽ по запросу № ${m.rfqNo} «Тестовый запрос»`,
    ]);
    // the e-mail says the same (subject and body), in the recipient's language (ru by default)
    const mail = mails.find((x) => x.to === m.buyer.user.email);
    expect(plain(mail?.subject ?? "")).toBe(
      `[СнабМост] Невский котельный завод подтвердил заказ № ${m.orderNo} на 18 550,00 ₽ по запросу № ${m.rfqNo} «Тестовый запрос»`,
    );
    expect(plain(mail?.text ?? "")).toContain(
      `Невский котельный завод подтвердил заказ № ${m.orderNo} на 18 550,00 ₽ (с НДС) по запросу № ${m.rfqNo} «Тестовый запрос». Можно оплачивать.`,
    );
  });

  it("every event kind, in Russian and in English, from the payload captured at event time", async () => {
    const m = await market();
    const supplierOrg = m.supplier.organization.id;
    const buyerOrg = m.buyer.organization.id;
    const rfq = { number: m.rfqNo, title: "Тестовый запрос" };
    const N = m.rfqNo;
    const O = m.orderNo;
    const cases: { input: Omit<NotifyInput, "recipients">; to: "buyer" | "supplier"; ru: string; en: string }[] = [
      {
        input: { type: "rfq_published", params: { ...rfq, items: 2 }, about: { rfqId: m.rfqId, fromOrgId: buyerOrg } },
        to: "supplier",
        ru: `Севгорэнерго: запрос цен № ${N} «Тестовый запрос»`,
        en: `Севгорэнерго: request for quotation No. ${N} “Тестовый запрос”`,
      },
      {
        input: { type: "rfq_question", params: rfq, about: { rfqId: m.rfqId, fromOrgId: supplierOrg } },
        to: "buyer",
        ru: `Невский котельный завод задал вопрос по запросу № ${N} «Тестовый запрос»`,
        en: `Невский котельный завод asked a question on RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        input: { type: "rfq_answer", params: rfq, about: { rfqId: m.rfqId, fromOrgId: buyerOrg } },
        to: "supplier",
        ru: `Севгорэнерго ответил на вопрос по запросу № ${N} «Тестовый запрос»`,
        en: `Севгорэнерго answered a question on RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        input: {
          type: "rfq_deadline_changed",
          params: { ...rfq, deadline: new Date("2026-12-25T15:00:00Z") },
          about: { rfqId: m.rfqId, fromOrgId: buyerOrg },
        },
        to: "supplier",
        ru: `Севгорэнерго продлил запрос № ${N} «Тестовый запрос» до 25.12.2026, 18:00`,
        en: `Севгорэнерго extended RFQ No. ${N} “Тестовый запрос” to 25/12/2026, 18:00`,
      },
      {
        input: {
          type: "rfq_cancelled",
          params: { ...rfq, reason: "x" },
          about: { rfqId: m.rfqId, fromOrgId: buyerOrg },
        },
        to: "supplier",
        ru: `Севгорэнерго отменил запрос № ${N} «Тестовый запрос»`,
        en: `Севгорэнерго cancelled RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        input: {
          type: "rfq_declined",
          params: { ...rfq, reason: "x" },
          about: { rfqId: m.rfqId, fromOrgId: supplierOrg },
        },
        to: "buyer",
        ru: `Невский котельный завод отказался от запроса № ${N} «Тестовый запрос»`,
        en: `Невский котельный завод declined RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        input: { type: "rfq_closed", params: { ...rfq, quoted: 3 }, about: { rfqId: m.rfqId } },
        to: "buyer",
        ru: `Приём предложений по запросу № ${N} «Тестовый запрос» завершён`,
        en: `RFQ No. ${N} “Тестовый запрос” closed`,
      },
      {
        input: {
          type: "quote_submitted",
          params: rfq,
          about: { rfqId: m.rfqId, fromOrgId: supplierOrg, amountKopecks: 123_456_789n },
        },
        to: "buyer",
        ru: `Невский котельный завод прислал предложение на 1 234 567,89 ₽ по запросу № ${N} «Тестовый запрос»`,
        en: `Невский котельный завод sent a quote for RUB 1,234,567.89 on RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        // a sealed RFQ: the supplier is named, the amount is not captured
        input: { type: "quote_revised", params: rfq, about: { rfqId: m.rfqId, fromOrgId: supplierOrg } },
        to: "buyer",
        ru: `Невский котельный завод изменил предложение по запросу № ${N} «Тестовый запрос»`,
        en: `Невский котельный завод revised the quote on RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        input: { type: "quote_withdrawn", params: rfq, about: { rfqId: m.rfqId, fromOrgId: supplierOrg } },
        to: "buyer",
        ru: `Невский котельный завод отозвал предложение по запросу № ${N} «Тестовый запрос»`,
        en: `Невский котельный завод withdrew the quote on RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        input: {
          type: "quote_awarded",
          params: { ...rfq, lines: 1, total: 2 },
          about: { rfqId: m.rfqId, fromOrgId: buyerOrg },
        },
        to: "supplier",
        ru: `Севгорэнерго выбрал ваше предложение по запросу № ${N} «Тестовый запрос»`,
        en: `Севгорэнерго selected your quote on RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        input: { type: "quote_not_selected", params: rfq, about: { rfqId: m.rfqId, fromOrgId: buyerOrg } },
        to: "supplier",
        ru: `Севгорэнерго выбрал другого поставщика по запросу № ${N} «Тестовый запрос»`,
        en: `Севгорэнерго chose another supplier on RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        input: { type: "order_paid", params: { number: O }, about: { orderId: m.orderId, fromOrgId: buyerOrg } },
        to: "supplier",
        ru: `Оплачен заказ № ${O} на 18 550,00 ₽ (Севгорэнерго) по запросу № ${N} «Тестовый запрос»`,
        en: `Order No. ${O} for RUB 18,550.00 paid (Севгорэнерго) on RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        input: { type: "order_shipped", params: { number: O }, about: { orderId: m.orderId, fromOrgId: supplierOrg } },
        to: "buyer",
        ru: `Невский котельный завод отгрузил заказ № ${O} на 18 550,00 ₽ по запросу № ${N} «Тестовый запрос»`,
        en: `Невский котельный завод shipped order No. ${O} for RUB 18,550.00 on RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        input: { type: "order_delivered", params: { number: O }, about: { orderId: m.orderId, fromOrgId: buyerOrg } },
        to: "supplier",
        ru: `Заказ № ${O} на 18 550,00 ₽ получен (Севгорэнерго) по запросу № ${N} «Тестовый запрос»`,
        en: `Order No. ${O} for RUB 18,550.00 received (Севгорэнерго) on RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        input: {
          type: "order_cancelled",
          params: { number: O, reason: "x" },
          about: { orderId: m.orderId, fromOrgId: buyerOrg },
        },
        to: "supplier",
        ru: `Севгорэнерго отменил заказ № ${O} на 18 550,00 ₽ по запросу № ${N} «Тестовый запрос»`,
        en: `Севгорэнерго cancelled order No. ${O} for RUB 18,550.00 on RFQ No. ${N} “Тестовый запрос”`,
      },
      {
        input: {
          type: "order_rated",
          params: { number: O, score: 5 },
          about: { orderId: m.orderId, fromOrgId: buyerOrg },
        },
        to: "supplier",
        ru: `Севгорэнерго оценил заказ № ${O} на 18 550,00 ₽: 5 из 5`,
        en: `Севгорэнерго rated order No. ${O} for RUB 18,550.00: 5 of 5`,
      },
      {
        input: {
          type: "rebid_round_started",
          params: { ...rfq, round: 1, deadline: new Date("2026-12-25T15:00:00Z"), note: "" },
          about: { rfqId: m.rfqId, fromOrgId: buyerOrg },
        },
        to: "supplier",
        ru: `Севгорэнерго объявил переторжку № 1 по запросу № ${N} «Тестовый запрос»`,
        en: `Севгорэнерго started re-bid round 1 on RFQ No. ${N} “Тестовый запрос”`,
      },
    ];
    for (const c of cases) {
      const who = c.to === "buyer" ? m.buyer : m.supplier;
      await getPrisma().notification.deleteMany({ where: { userId: who.user.id } });
      await send({ ...c.input, recipients: { orgIds: [who.organization.id] }, link: "/x" });
      expect([c.input.type, await titles(who.actor, "ru")]).toEqual([c.input.type, [c.ru]]);
      expect([c.input.type, await titles(who.actor, "en")]).toEqual([c.input.type, [c.en]]);
    }
  });

  it("a notification written before the payload carried the names still reads (the plain text)", async () => {
    const { user, actor } = await createActor({ kind: "BUYER" });
    await getPrisma().notification.create({
      data: {
        userId: user.id,
        type: "quote_submitted",
        params: { number: 10, title: "Кабель", supplier: "ООО Б" },
        groupKey: "id:old",
      },
    });
    expect(await titles(actor, "ru")).toEqual(["Новое предложение по запросу № 10"]);
    expect(await titles(actor, "en")).toEqual([expect.stringContaining("No. 10")]);
  });
});

describe("notifications are grouped per RFQ", () => {
  it("one row per RFQ, newest first with the older ones under it; unread counts and mark-as-read per group", async () => {
    const m = await market();
    const buyer = m.buyer;
    await getPrisma().notification.deleteMany({ where: { userId: buyer.user.id } });
    const rfq = { number: m.rfqNo, title: "Тестовый запрос" };
    for (const [org, amount] of [
      [m.supplier.organization.id, 100_00n],
      [m.other.organization.id, 200_00n],
      [m.supplier.organization.id, 300_00n],
    ] as const)
      await send({
        type: "quote_submitted",
        recipients: { orgIds: [buyer.organization.id] },
        params: rfq,
        about: { rfqId: m.rfqId, fromOrgId: org, amountKopecks: amount },
      });
    // something not about an RFQ is a row of its own
    await send({
      type: "webhook_disabled",
      recipients: { userIds: [buyer.user.id] },
      params: { url: "https://a.example", failures: 5 },
    });

    const list = await listNotifications(buyer.actor, { lang: "ru" });
    expect(list.total).toBe(2);
    expect(list.unread).toBe(4);
    expect(list.groups.map((g) => [g.latest.type, g.older.length, g.unread])).toEqual([
      ["webhook_disabled", 0, 1],
      ["quote_submitted", 2, 3],
    ]);
    const rfqGroup = list.groups[1];
    expect([rfqGroup.latest, ...rfqGroup.older].map((n) => plain(n.title))).toEqual([
      `Невский котельный завод прислал предложение на 300,00 ₽ по запросу № ${m.rfqNo} «Тестовый запрос»`,
      `Балтэнергомаш прислал предложение на 200,00 ₽ по запросу № ${m.rfqNo} «Тестовый запрос»`,
      `Невский котельный завод прислал предложение на 100,00 ₽ по запросу № ${m.rfqNo} «Тестовый запрос»`,
    ]);

    // another organisation can neither see the group nor mark it read
    expect((await listNotifications(m.other.actor, { lang: "ru" })).groups).toEqual([]);
    expect(await markGroupRead(m.other.actor, rfqGroup.key)).toBe(0);
    expect(await countUnread(buyer.actor)).toBe(4);

    expect(await markGroupRead(buyer.actor, rfqGroup.key)).toBe(3);
    expect(await countUnread(buyer.actor)).toBe(1);
    const after = await listNotifications(buyer.actor, { lang: "ru" });
    expect(after.groups.map((g) => g.unread)).toEqual([1, 0]);
    expect(
      (await listNotifications(buyer.actor, { lang: "ru", unreadOnly: true })).groups.map((g) => g.latest.type),
    ).toEqual(["webhook_disabled"]);
  });

  it("an organisation never sees another's notifications", async () => {
    const m = await market();
    // the supplier has the order notification; the buyer and the other supplier do not see it
    const supplierTitles = await titles(m.supplier.actor, "ru");
    expect(supplierTitles).toHaveLength(1);
    expect(await titles(m.other.actor, "ru")).toEqual([]);
    expect(await titles(m.buyer.actor, "ru")).not.toContain(supplierTitles[0]);
  });
});
