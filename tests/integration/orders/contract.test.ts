import { describe, expect, it } from "vitest";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { FileError } from "~/modules/files/files.server";
import {
  ContractTemplateError,
  getContractPdf,
  getContractTemplate,
  getContractTemplateAdmin,
  listDocuments,
  previewContractTemplate,
  saveContractTemplate,
  signContract,
} from "~/modules/orders/documents.server";
import { performOrderStep } from "~/modules/orders/orders.server";
import { createActor, createUser } from "../../fixtures/factories";
import { pdfText } from "../../helpers/pdf-text";
import { createAwardedOrder, giveRequisites, SETTLEMENT } from "./helpers";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("договор поставки with спецификация", () => {
  it("prints parties with requisites, price with НДС, delivery, payment, acceptance, liability and the specification", async () => {
    const buyer = await createActor({ kind: "BUYER", name: "Севгорэнерго" });
    const supplier = await createActor({ kind: "SUPPLIER", verified: true, name: "Балтэнергомаш" });
    const stranger = await createActor({ kind: "SUPPLIER", verified: true, name: "Чужой" });
    await giveRequisites(supplier.organization.id);
    const { orderId, number } = await createAwardedOrder({
      buyer: buyer.actor,
      supplierOrgId: supplier.organization.id,
    });
    await performOrderStep(supplier.actor, orderId, { action: "confirm" });

    const first = await getContractPdf(buyer.actor, orderId);
    const text = await pdfText(first.bytes);
    expect(text).toContain(`Договор поставки № Д-${number}`);
    expect(text).toContain(buyer.organization.inn);
    expect(text).toContain(supplier.organization.inn);
    expect(text).toContain(SETTLEMENT);
    // 100 m × 100,00 + 20 % = 12 000,00; 1,5 шт × 333,33 = 500,00 (rounded) + 10 % = 550,00 → 12 550,00
    expect(text).toContain("12 550,00");
    expect(text).toContain("Двенадцать тысяч пятьсот пятьдесят рублей 00 копеек");
    for (const part of [
      "ЦЕНА И ПОРЯДОК РАСЧЁТОВ",
      "100% предоплата",
      "До склада покупателя",
      "ПРИЁМКА",
      "ОТВЕТСТВЕННОСТЬ",
      "СПЕЦИФИКАЦИЯ",
      "796",
    ])
      expect(text).toContain(part);
    expect((await getContractPdf(supplier.actor, orderId)).sha256).toBe(first.sha256);
    await expect(getContractPdf(stranger.actor, orderId)).rejects.toBeInstanceOf(NotFoundError);

    // the operator edits the template: this order keeps the contract (and template version) it was generated with,
    // an order whose contract is generated later gets the new text
    const opUser = await createUser();
    const operator: Actor = { userId: opUser.id, organizationId: null, orgKind: null, role: null, isOperator: true };
    await expect(saveContractTemplate(buyer.actor, "x")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getContractTemplateAdmin(supplier.actor)).rejects.toBeInstanceOf(ForbiddenError);
    const base = await getContractTemplate();
    expect(base.version).toBe(0);
    const typo = saveContractTemplate(operator, `${base.body}\n6.4. Цена {{totl}} руб., срок {{shipBy}`);
    await expect(typo).rejects.toBeInstanceOf(ContractTemplateError);
    await expect(typo).rejects.toMatchObject({
      problems: [{ code: "unknownPlaceholder", name: "totl" }, { code: "brokenPlaceholder" }],
    });
    expect((await getContractTemplate()).version).toBe(0);
    const draft = `${base.body}\n6.4. Особое условие: поставка в рабочие дни с 8 до 17 по адресу {{deliveryAddress}}.`;
    const preview = previewContractTemplate(operator, draft);
    expect(preview.problems).toEqual([]);
    expect(preview.text).toContain("Особое условие: поставка в рабочие дни с 8 до 17 по адресу г. Севастополь");
    expect(await saveContractTemplate(operator, draft)).toEqual({ version: 1 });
    const kept = await getContractPdf(operator, orderId);
    expect(kept.version).toBe(1);
    expect(kept.sha256).toBe(first.sha256);
    const later = await createAwardedOrder({ buyer: buyer.actor, supplierOrgId: supplier.organization.id });
    await performOrderStep(supplier.actor, later.orderId, { action: "confirm" });
    const fresh = await getContractPdf(buyer.actor, later.orderId);
    expect(await pdfText(fresh.bytes)).toContain("Особое условие");
    const admin = await getContractTemplateAdmin(operator);
    expect(admin.current.version).toBe(1);
    expect(admin.versions).toEqual([expect.objectContaining({ version: 1, contracts: 1 })]);
    expect(admin.builtInContracts).toBe(1);

    // both parties mark it signed with the scan; a stranger cannot, a text file is refused
    await signContract(buyer.actor, orderId, { name: "dogovor-podpisan.pdf", bytes: PDF });
    await signContract(supplier.actor, orderId, { name: "dogovor.pdf", bytes: PDF });
    await expect(signContract(stranger.actor, orderId, { name: "x.pdf", bytes: PDF })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      signContract(buyer.actor, orderId, { name: "x.txt", bytes: new TextEncoder().encode("hello") }),
    ).rejects.toBeInstanceOf(FileError);
    const kinds = (await listDocuments(buyer.actor, orderId)).map((d) => `${d.kind}:v${d.version}`).sort();
    expect(kinds).toEqual(["CONTRACT_PDF:v1", "CONTRACT_SIGNED_BUYER:v1", "CONTRACT_SIGNED_SUPPLIER:v1"]);
  });
});
