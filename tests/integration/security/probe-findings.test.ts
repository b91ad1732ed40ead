/**
 * Findings of the outside probe (issue #17) that live in use cases and route actions, reproduced against a real
 * database: an RFQ draft cannot carry another supplier's unpublished product, and archiving another supplier's product
 * answers 404 instead of pretending it worked. (The HTTP-level findings are in tests/e2e/security-probe.spec.ts.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/modules/accounts/session.server";
import { getDraftForm, saveDraft } from "~/modules/rfq/rfq.server";
import { action as productAction } from "~/routes/($lang).supplier.products.$id";
import { getPrisma } from "~/utils/db.server";
import { createProduct } from "../../fixtures/factories";
import { createMarket, draft, withTempDataDir } from "../rfq/helpers";

withTempDataDir();

let m: Awaited<ReturnType<typeof createMarket>>;
beforeAll(async () => {
  m = await createMarket();
});

describe("RFQ items", () => {
  it("link only products every buyer may see: another supplier's draft or archived product is dropped", async () => {
    const secretDraft = await createProduct({
      supplierId: m.b.organization.id,
      categoryId: m.category.id,
      title: "Секретная новинка ТМГ-2500",
      status: "DRAFT",
    });
    const archived = await createProduct({
      supplierId: m.b.organization.id,
      categoryId: m.category.id,
      title: "Снятый с производства ТМ-100",
      status: "ARCHIVED",
    });
    const saved = await saveDraft(
      m.buyer.actor,
      null,
      draft([
        { productId: secretDraft.id, name: "позиция 1" },
        { productId: archived.id, name: "позиция 2" },
        { productId: m.pA.id, name: "позиция 3" },
        { productId: m.pS.id, name: "позиция 4" },
      ]),
    );
    const items = await getPrisma().rfqItem.findMany({ where: { rfqId: saved.id }, orderBy: { position: "asc" } });
    expect(items.map((i) => i.productId)).toEqual([null, null, m.pA.id, null]);
    const form = await getDraftForm(m.buyer.actor, saved.id);
    expect(JSON.stringify(form)).not.toContain("Секретная новинка");
    expect(JSON.stringify(form)).not.toContain("Снятый с производства");
    expect(form.values.items[2].productTitle).toBe("ТМГ-1000/10/0,4");
  });
});

describe("archiving another supplier's product", () => {
  it("is an honest 404 and changes nothing; the owner's own archive still works", async () => {
    const { token } = await createSession({
      userId: m.b.user.id,
      activeOrganizationId: m.b.organization.id,
      ip: null,
      userAgent: "vitest",
    });
    const post = (productId: string) =>
      productAction({
        request: new Request(`http://localhost/supplier/products/${productId}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie: `sm_session=${token}` },
          body: new URLSearchParams({ intent: "archive" }),
        }),
        params: { id: productId },
        context: { clientIp: "10.9.9.9", requestId: "t", cspNonce: "n" },
      }).then(
        (r) => (r instanceof Response ? r.status : 200),
        (e) => (e instanceof Response ? e.status : Promise.reject(e)),
      );
    expect(await post(m.pA.id)).toBe(404);
    expect(await post("no-such-product")).toBe(404);
    expect((await getPrisma().product.findUniqueOrThrow({ where: { id: m.pA.id } })).status).toBe("PUBLISHED");
    expect(await post(m.pB.id)).toBe(302);
    expect((await getPrisma().product.findUniqueOrThrow({ where: { id: m.pB.id } })).status).toBe("ARCHIVED");
  });
});
