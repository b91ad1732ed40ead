import { beforeAll, describe, expect, it } from "vitest";
import { getDraftForm, handleRfqFormAction } from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import { createMarket, exeAsPdf, pdfFile, withTempDataDir } from "./helpers";

withTempDataDir();
let m: Awaited<ReturnType<typeof createMarket>>;
beforeAll(async () => {
  m = await createMarket();
});

function formRequest(fields: Record<string, string>, files: File[] = []) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const f of files) body.append("attachments", f);
  return new Request("http://localhost/rfq/new", { method: "POST", body });
}

const future = (days: number) => new Date(Date.now() + days * 86_400_000 + 3 * 3600_000).toISOString().slice(0, 16);

describe("the RFQ form action", () => {
  it("a publish with a mistake answers 422 with the typed input and keeps the uploaded attachment on the draft", async () => {
    const fields = {
      intent: "publish",
      title: "Кабель АПвБбШв для КЛ-10 кВ",
      deliveryAddress: "г. Севастополь, ул. Промышленная, д. 1",
      deadline: future(5),
      neededBy: future(30).slice(0, 10),
      comment: "Барабаны не возвращаем",
      "items[0].productId": m.pA.id,
      "items[0].name": "Кабель",
      "items[0].quantity": "0",
      "items[0].unit": "km",
      recipientsShown: m.a.organization.id,
      recipients: m.a.organization.id,
    };
    const res = (await handleRfqFormAction(
      formRequest(fields, [pdfFile(), exeAsPdf("virus.pdf")]),
      m.buyer.actor,
      "ru",
      null,
    )) as Response;
    expect(res.status).toBe(422);
    const data = await res.json();
    expect(data.lastResult.initialValue).toMatchObject({ title: fields.title, comment: fields.comment });
    expect(data.lastResult.error["items[0].quantity"]).toEqual(["errors.quantityPositive"]);
    expect(data.lastResult.error.attachments[0]).toMatch(/^errors\.file_bad_type::.*virus\.pdf/);
    const draftId = data.state.draftId as string;
    expect(data.state.attachments.map((a: { name: string }) => a.name)).toEqual(["spec.pdf"]);

    // corrected, sent again with the draft id and without re-uploading: published with the attachment
    const fixed = await handleRfqFormAction(
      formRequest({ ...fields, draftId, "items[0].quantity": "1.5" }),
      m.buyer.actor,
      "ru",
      null,
    );
    expect((fixed as Response).status).toBe(302);
    expect((fixed as Response).headers.get("Location")).toBe(`/buyer/rfqs/${draftId}?published=1`);
    const rfq = await getPrisma().rfq.findUniqueOrThrow({
      where: { id: draftId },
      include: { attachments: true, items: true },
    });
    expect(rfq.status).toBe("PUBLISHED");
    expect(rfq.attachments).toHaveLength(1);
    expect(rfq.items[0].quantity.toString()).toBe("1.5");
  });

  it("autosave stores the draft as typed and answers its id", async () => {
    const res = (await handleRfqFormAction(
      formRequest({ intent: "autosave", title: "Черн", "items[0].name": "Опора СВ-110", "items[0].quantity": "abc" }),
      m.buyer.actor,
      "en",
      null,
    )) as Response;
    const { draftId } = await res.json();
    const form = await getDraftForm(m.buyer.actor, draftId);
    expect(form.values.title).toBe("Черн");
    expect(form.values.items[0].name).toBe("Опора СВ-110");
  });
});
