import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import type { Actor } from "~/modules/accounts/actor";
import { type Mail, setMailerForTests } from "~/modules/mail/mail.server";
import { processOutboxOnce } from "~/modules/outbox/outbox.server";
import { toMoscowDateInput, toMoscowDateTimeInput } from "~/modules/rfq/rfq.schema";
import type { DraftInput } from "~/modules/rfq/rfq.server";
import { wireApp } from "~/startup.server";
import { getPrisma } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { createActor, createCategory, createOrganization, createProduct } from "../../fixtures/factories";

// outbox consumers, file-read policies and the RFQ close hook, as the server wires them (app/startup.server.ts)
wireApp();

export const DAY = 24 * 3600 * 1000;

/** Uploaded files of this test file go to a throwaway DATA_DIR. */
export function withTempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snabmost-rfq-"));
  process.env.DATA_DIR = dir;
  resetEnvForTests();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Mails "sent" by the outbox email consumer in this test file. */
export function captureMail(): Mail[] {
  const sent: Mail[] = [];
  setMailerForTests({
    async send(mail) {
      sent.push(mail);
    },
  });
  afterAll(() => setMailerForTests(undefined));
  return sent;
}

/** Runs the outbox until it is empty (notify → notifications + email events → mailer). */
export async function drainOutbox(rounds = 10) {
  for (let i = 0; i < rounds; i++) {
    const { delivered, failed } = await processOutboxOnce();
    if (delivered === 0 && failed === 0) return;
  }
}

/**
 * A small market: a buyer; suppliers A and B whose products go into the RFQ; C (verified, same category, not in the
 * RFQ); an unverified supplier U and a suspended supplier S with products in the same category; an outsider D.
 */
export async function createMarket() {
  const category = await createCategory();
  const otherCategory = await createCategory();
  const buyer = await createActor({ kind: "BUYER", name: "Севгорэнерго" });
  const a = await createActor({ kind: "SUPPLIER", verified: true, name: "Балтэнергомаш" });
  const b = await createActor({ kind: "SUPPLIER", verified: true, name: "Невский трансформатор" });
  const c = await createActor({ kind: "SUPPLIER", verified: true, name: "Кировский кабель" });
  const d = await createActor({ kind: "SUPPLIER", verified: true, name: "Посторонний" });
  const unverified = await createOrganization({ kind: "SUPPLIER", name: "Непроверенный" });
  const suspended = await createActor({ kind: "SUPPLIER", verified: true, name: "Приостановленный" });
  await getPrisma().organization.update({
    where: { id: suspended.organization.id },
    data: { suspendedAt: new Date(), suspendReason: "test" },
  });
  const pA = await createProduct({ supplierId: a.organization.id, categoryId: category.id, title: "ТМГ-1000/10/0,4" });
  const pB = await createProduct({ supplierId: b.organization.id, categoryId: category.id, title: "ТМГ-630/10/0,4" });
  await createProduct({ supplierId: c.organization.id, categoryId: category.id });
  await createProduct({ supplierId: d.organization.id, categoryId: otherCategory.id });
  await createProduct({ supplierId: unverified.id, categoryId: category.id });
  const pS = await createProduct({ supplierId: suspended.organization.id, categoryId: category.id });
  return { category, buyer, a, b, c, d, suspended, unverified, pA, pB, pS };
}

export function draft(
  items: { productId?: string; name?: string; quantity?: string }[],
  overrides: Partial<DraftInput> = {},
): DraftInput {
  const now = Date.now();
  return {
    title: "Трансформаторы для ТП-12",
    deliveryAddress: "г. Севастополь, ул. Промышленная, д. 1",
    neededBy: toMoscowDateInput(new Date(now + 30 * DAY)),
    deadline: toMoscowDateTimeInput(new Date(now + 7 * DAY)),
    paymentTerms: "POSTPAY_30",
    comment: "",
    sealed: false,
    includeOtherSuppliers: false,
    items: items.map((i) => ({
      productId: i.productId ?? null,
      name: i.name ?? "Позиция",
      quantity: i.quantity ?? "2",
      unit: "pcs",
      notes: "",
      analoguesAllowed: false,
    })),
    ...overrides,
  };
}

export function orgIdsOf(...actors: { actor: Actor }[]) {
  return actors.map((x) => x.actor.organizationId as string).sort();
}

/** A minimal valid PDF. */
export function pdfFile(name = "spec.pdf") {
  return new File([`%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`], name, { type: "application/pdf" });
}

/** Windows executable bytes (MZ header) under a .pdf name. */
export function exeAsPdf(name = "drawing.pdf") {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03], 0);
  bytes.set(new TextEncoder().encode("This program cannot be run in DOS mode."), 78);
  return new File([bytes], name, { type: "application/pdf" });
}
