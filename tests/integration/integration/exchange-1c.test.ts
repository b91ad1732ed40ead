import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { RequestContext } from "~/modules/accounts/accounts.server";
import { hashPassword } from "~/modules/accounts/passwords.server";
import {
  handleExchange,
  importUploadedCommerceMl,
  issueExchangeCredential,
  listExchangeLog,
  mapGroups,
  parseOrders,
  revokeExchangeCredential,
  setPriceType,
} from "~/modules/integration/integration.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { createTransformerCategory, withTempDataDir } from "../catalog/helpers";
import { createAwardedOrder, giveRequisites } from "../orders/helpers";

withTempDataDir();

const FIXTURES = path.join(import.meta.dirname, "../../fixtures/commerceml");
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const ctx: RequestContext = { ip: "127.0.0.1", userAgent: "1C+Enterprise/8.3", origin: "http://localhost", lang: "ru" };

/** A 1C client: Basic auth on checkauth, then the cookie it was given on every call. */
function oneC(login: string, password: string) {
  let cookie = "";
  const call = async (query: string, body?: Uint8Array) => {
    const headers: Record<string, string> = {};
    if (query.includes("mode=checkauth")) {
      headers.Authorization = `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}`;
    } else if (cookie) headers.Cookie = cookie;
    const res = await handleExchange(
      new Request(`http://localhost/exchange/1c?${query}`, {
        method: body ? "POST" : "GET",
        headers,
        body: body ? Buffer.from(body) : undefined,
      }),
      ctx,
    );
    return { status: res.status, type: res.headers.get("Content-Type") ?? "", text: await res.text() };
  };
  return {
    call,
    async checkauth(type: "catalog" | "sale") {
      const r = await call(`type=${type}&mode=checkauth`);
      const [state, name, value] = r.text.split("\n");
      if (state === "success") cookie = `${name}=${value}`;
      return r;
    },
    /** import until success/failure; returns the answers */
    async importAll(filename: string) {
      const answers: string[] = [];
      for (let i = 0; i < 50; i++) {
        const r = await call(`type=catalog&mode=import&filename=${encodeURIComponent(filename)}`);
        answers.push(r.text.split("\n")[0]);
        if (!r.text.startsWith("progress")) break;
      }
      return answers;
    },
  };
}

async function setupSupplier() {
  const supplier = await createActor({ kind: "SUPPLIER", verified: true, name: "Невский трансформатор" });
  const category = await createTransformerCategory();
  // the transformer category also knows the winding scheme (TEXT) for the second 1C property
  await getPrisma().categoryAttribute.create({
    data: {
      categoryId: category.id,
      code: "winding",
      nameRu: "Схема соединения обмоток",
      nameEn: "Winding",
      type: "TEXT",
      position: 3,
    },
  });
  await getPrisma().categoryAttribute.updateMany({
    where: { categoryId: category.id, code: "power_kva" },
    data: { nameRu: "Номинальная мощность" },
  });
  // the supplier mapped its 1C group «Трансформаторы силовые» to this category in an earlier exchange (remembered)
  await getPrisma().exchangeGroupMapping.create({
    data: {
      organizationId: supplier.organization.id,
      groupId: "grp-transformers",
      groupName: "Трансформаторы силовые",
      categoryId: category.id,
    },
  });
  const cable = await getPrisma().category.create({
    data: {
      sector: "GRID",
      slug: `cable-${supplier.organization.id}`,
      nameRu: "Кабель силовой",
      nameEn: "Power cable",
    },
  });
  return { supplier, category, cable };
}

async function productsOf(orgId: string) {
  return getPrisma().product.findMany({
    where: { supplierId: orgId },
    include: { media: true },
    orderBy: { sku: "asc" },
  });
}

describe("1C exchange (CommerceML 2) at /exchange/1c", () => {
  it("refuses a wrong password and calls without the session cookie", async () => {
    const { supplier } = await setupSupplier();
    const creds = await issueExchangeCredential(supplier.actor);
    const bad = oneC(creds.login, "wrong");
    expect((await bad.checkauth("catalog")).text).toBe("failure\nwrong login or password");
    expect((await bad.call("type=catalog&mode=init")).text).toMatch(/^failure\n/);
  });

  it("runs the full protocol: catalog + offers in a zip with images, then a changes-only price update", async () => {
    const { supplier, category, cable } = await setupSupplier();
    const creds = await issueExchangeCredential(supplier.actor);
    await setPriceType(supplier.actor, "Оптовая");
    const c = oneC(creds.login, creds.password);

    const auth = await c.checkauth("catalog");
    expect(auth.text).toMatch(/^success\nsnabmost_1c\n[\w-]{20,}\n$/);
    const init = await c.call("type=catalog&mode=init");
    expect(init.text).toContain("zip=yes");
    expect(init.text).toMatch(/file_limit=\d+/);

    // import.xml + offers.xml + a picture, zipped, sent in two chunks as 1C does with file_limit
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3366aa" } })
      .png()
      .toBuffer();
    const zip = zipSync({
      "import.xml": fixture("import.xml"),
      "offers.xml": fixture("offers.xml"),
      "import_files/7f/tmg-630.png": new Uint8Array(png),
    });
    const half = Math.floor(zip.byteLength / 2);
    expect((await c.call("type=catalog&mode=file&filename=exchange.zip", zip.subarray(0, half))).text).toBe(
      "success\n",
    );
    expect((await c.call("type=catalog&mode=file&filename=exchange.zip", zip.subarray(half))).text).toBe("success\n");

    const catalogSteps = await c.importAll("import.xml");
    expect(catalogSteps[0]).toBe("progress"); // the archive is unpacked in its own step
    expect(catalogSteps.at(-1)).toBe("success");
    // idempotent: 1C may ask again
    expect((await c.call("type=catalog&mode=import&filename=import.xml")).text).toBe("success\n");
    expect((await c.importAll("offers.xml")).at(-1)).toBe("success");

    let products = await productsOf(supplier.organization.id);
    // the cable group maps to no category yet: it waits as a draft asking for one
    expect(products.map((p) => p.sku)).toEqual(["ТМГ-1000/10/0,4", "ТМГ-630/10/0,4"]);
    const [tmg1000, tmg630] = products;
    expect(tmg630).toMatchObject({
      title: "Трансформатор ТМГ-630/10/0,4 У1",
      categoryId: category.id,
      manufacturer: "Невский трансформаторный завод",
      unit: "pcs",
      vatRate: "VAT22",
      priceKopecks: 95_000_000n, // «Оптовая» (configured), net
      stockStatus: "IN_STOCK",
      status: "PUBLISHED",
    });
    expect(tmg630.specs).toMatchObject({ power_kva: 630, winding: "Д/Yн-11" });
    expect(tmg630.media).toHaveLength(1);
    expect(tmg1000).toMatchObject({ vatRate: "VAT10", priceKopecks: 138_000_050n, stockStatus: "TO_ORDER" });
    expect(tmg1000.specs).toMatchObject({ power_kva: 1000, winding: "Y/Yн-0" });

    const log = await listExchangeLog(supplier.actor);
    expect(log[0]).toMatchObject({ type: "catalog", status: "DONE" });
    expect(log[0].report.imports["import.xml"]).toMatchObject({ total: 3, created: 2, drafts: 1 });
    expect(log[0].report.imports["offers.xml"]).toMatchObject({ total: 3, updated: 2 });
    expect(log[0].report.chosenPriceType).toBe("Оптовая");

    // the supplier maps «Кабельная продукция» → the cable becomes a product with the price the offers gave it
    const cableGroup = await getPrisma().exchangeGroupMapping.findFirstOrThrow({
      where: { organizationId: supplier.organization.id, groupName: "Кабельная продукция" },
    });
    const made = await mapGroups(supplier.actor, [{ groupId: cableGroup.groupId, categoryId: cable.id }]);
    expect(made.created).toBe(1);
    const cableProduct = await getPrisma().product.findFirstOrThrow({
      where: { supplierId: supplier.organization.id, sku: "ВВГнг(А)-LS 3х2,5" },
    });
    expect(cableProduct).toMatchObject({ unit: "m", vatRate: "NO_VAT", priceKopecks: 9_840n, stockStatus: "IN_STOCK" });

    // second exchange: changes only — one wholesale price
    const again = oneC(creds.login, creds.password);
    await again.checkauth("catalog");
    await again.call("type=catalog&mode=init");
    await again.call("type=catalog&mode=file&filename=offers.xml", fixture("offers-changes.xml"));
    expect((await again.importAll("offers.xml")).at(-1)).toBe("success");
    products = await productsOf(supplier.organization.id);
    const after630 = products.find((p) => p.id === tmg630.id);
    const after1000 = products.find((p) => p.id === tmg1000.id);
    expect(after630?.priceKopecks).toBe(91_250_000n);
    expect(after630?.stockStatus).toBe("IN_STOCK");
    expect(after1000?.priceKopecks).toBe(138_000_050n);
    expect(after1000?.updatedAt.getTime()).toBe(tmg1000.updatedAt.getTime()); // not in the changes: untouched

    // re-importing the same catalog updates the same products (keyed by 1C Ид), creating none
    const third = oneC(creds.login, creds.password);
    await third.checkauth("catalog");
    await third.call("type=catalog&mode=file&filename=import.xml", fixture("import.xml"));
    expect((await third.importAll("import.xml")).at(-1)).toBe("success");
    expect(await getPrisma().product.count({ where: { supplierId: supplier.organization.id } })).toBe(3);
  });

  it("takes a retail price with VAT included out to net when that price type is chosen", async () => {
    const { supplier } = await setupSupplier();
    await setPriceType(supplier.actor, "Розничная");
    const result = await importUploadedCommerceMl(supplier.actor, [
      { name: "import.xml", bytes: fixture("import.xml") },
      { name: "offers.xml", bytes: fixture("offers.xml") },
    ]);
    expect(result.status).toBe("DONE");
    const p = await getPrisma().product.findFirstOrThrow({
      where: { supplierId: supplier.organization.id, sku: "ТМГ-630/10/0,4" },
    });
    expect(p.priceKopecks).toBe(100_000_000n); // 1 220 000 incl. 22 % → 1 000 000 net
  });

  it("reports a broken file as failure with the reason, in the log", async () => {
    const { supplier } = await setupSupplier();
    const creds = await issueExchangeCredential(supplier.actor);
    const c = oneC(creds.login, creds.password);
    await c.checkauth("catalog");
    await c.call(
      "type=catalog&mode=file&filename=import.xml",
      new TextEncoder().encode("<КоммерческаяИнформация><Каталог>"),
    );
    const r = await c.call("type=catalog&mode=import&filename=import.xml");
    expect(r.text).toMatch(/^failure\n/);
    const log = await listExchangeLog(supplier.actor);
    expect(log[0].status).toBe("FAILED");
    expect(log[0].report.failure).toBeTruthy();
  });

  it("a revoked credential stops working, also for an open session", async () => {
    const { supplier } = await setupSupplier();
    const creds = await issueExchangeCredential(supplier.actor);
    const c = oneC(creds.login, creds.password);
    await c.checkauth("catalog");
    await revokeExchangeCredential(supplier.actor, creds.id);
    expect((await c.call("type=catalog&mode=init")).text).toMatch(/^failure\n/);
    expect((await oneC(creds.login, creds.password).checkauth("catalog")).text).toMatch(/^failure\n/);
  });

  it("sale: orders come out as CommerceML, success acknowledges, orders.xml from 1C confirms the order", async () => {
    const { supplier } = await setupSupplier();
    await giveRequisites(supplier.organization.id);
    const password = "Обмен-с-1С-2026";
    await getPrisma().user.update({
      where: { id: supplier.user.id },
      data: { passwordHash: await hashPassword(password) },
    });
    const buyer = await createActor({ kind: "BUYER", name: "Севастопольэнерго" });
    const order = await createAwardedOrder({ buyer: buyer.actor, supplierOrgId: supplier.organization.id });

    // the supplier's user logs in with e-mail + password
    const c = oneC(supplier.user.email, password);
    expect((await c.checkauth("sale")).text).toMatch(/^success\n/);
    await c.call("type=sale&mode=init");
    const q = await c.call("type=sale&mode=query");
    expect(q.type).toContain("xml");
    const docs = parseOrders(new TextEncoder().encode(q.text));
    expect(docs.map((d) => d.id)).toEqual([order.orderId]);
    expect(q.text).toContain(`<ИНН>${buyer.organization.inn}</ИНН>`);
    expect(q.text).toContain("<Роль>Покупатель</Роль>");
    expect(q.text).toContain("Кабель ВВГнг(А)-LS 3×2,5");
    expect(q.text).toMatch(/<БазоваяЕдиница Код="006">м<\/БазоваяЕдиница>/);
    expect(q.text).toContain("<ЦенаЗаЕдиницу>100.00</ЦенаЗаЕдиницу>");
    expect(q.text).toContain("<Ставка>10</Ставка>");
    expect(q.text).toContain("Ожидает подтверждения");
    expect((await c.call("type=sale&mode=success")).text).toBe("success\n");

    // acknowledged: nothing new next time
    const again = await c.call("type=sale&mode=query");
    expect(parseOrders(new TextEncoder().encode(again.text))).toEqual([]);

    // 1C posts the order back confirmed
    const xml = fs
      .readFileSync(path.join(FIXTURES, "orders-from-1c.xml"), "utf8")
      .replaceAll("{{ORDER_ID}}", order.orderId)
      .replaceAll("{{ORDER_NUMBER}}", String(order.number));
    expect((await c.call("type=sale&mode=file&filename=orders.xml", new TextEncoder().encode(xml))).text).toBe(
      "success\n",
    );
    const updated = await getPrisma().order.findUniqueOrThrow({ where: { id: order.orderId } });
    expect(updated.status).toBe("CONFIRMED");
    // the change goes out on the next query
    const third = await c.call("type=sale&mode=query");
    expect(third.text).toContain("Подтверждён");
  });
});
