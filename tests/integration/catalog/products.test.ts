import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import {
  addCertificate,
  addProductMedia,
  CatalogValidationError,
  createProduct,
  duplicateProduct,
  getPublicProduct,
  getSupplierProduct,
  getSupplierProfile,
  listFeaturedSuppliers,
  listSupplierProducts,
  registerCatalogFilePolicy,
  setProductsStatus,
  updateProduct,
} from "~/modules/catalog/catalog.server";
import { canReadFile, FileError, readStoredFile, saveUpload } from "~/modules/files/files.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { createTransformerCategory, MINIMAL_PDF, productInput, withTempDataDir } from "./helpers";

withTempDataDir();
registerCatalogFilePolicy();

async function searchEvents(productId: string) {
  return getPrisma().outboxEvent.findMany({ where: { topic: "search.product", aggregateId: productId } });
}

describe("supplier products", () => {
  it("creates a draft with typed specs and an outbox event, publishes it, and the public sees it", async () => {
    const { actor, organization } = await createActor({ kind: "SUPPLIER", verified: true });
    const category = await createTransformerCategory();
    const { id, slug } = await createProduct(actor, productInput(category.id));
    const product = await getSupplierProduct(actor, id);
    expect(product.status).toBe("DRAFT");
    expect(product.specs).toEqual({ power_kva: 1000, cooling: "oil", hermetic: true });
    expect(product.priceKopecks).toBe(125000000n);
    expect(await searchEvents(id)).toHaveLength(1);

    expect(await getPublicProduct(slug)).toBeNull();
    expect(await setProductsStatus(actor, [id], "PUBLISHED")).toBe(1);
    expect(await searchEvents(id)).toHaveLength(2);
    const visible = await getPublicProduct(slug);
    expect(visible?.supplier.slug).toBe(organization.slug);
    expect(visible?.attributes.map((a) => a.code)).toEqual(["power_kva", "cooling", "hermetic"]);

    const profile = await getSupplierProfile(organization.slug);
    expect(profile?.products.map((p) => p.id)).toEqual([id]);
    expect((await listFeaturedSuppliers(50)).some((s) => s.id === organization.id)).toBe(true);

    await setProductsStatus(actor, [id], "ARCHIVED");
    expect(await getPublicProduct(slug)).toBeNull();
    expect(await searchEvents(id)).toHaveLength(3);
  });

  it("refuses bad specs, a taken SKU and a price that is not a number, with field errors", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const bad = createProduct(actor, productInput(category.id, { spec: { power_kva: "", cooling: "водяное" } }));
    await expect(bad).rejects.toBeInstanceOf(CatalogValidationError);
    await expect(bad).rejects.toMatchObject({
      fieldErrors: { "spec.power_kva": ["spec.required"], "spec.cooling": ["spec.notOption"] },
    });
    const input = productInput(category.id);
    await createProduct(actor, input);
    await expect(createProduct(actor, { ...input, title: "Другой" })).rejects.toMatchObject({
      fieldErrors: { sku: ["errors.skuTaken"] },
    });
    expect(await getPrisma().product.count({ where: { supplierId: actor.organizationId ?? "" } })).toBe(1);
  });

  it("updates, duplicates as a draft, and lists with filters and counts", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const { id } = await createProduct(actor, productInput(category.id, { sku: "КТП-630" }));
    await updateProduct(
      actor,
      id,
      productInput(category.id, { sku: "КТП-630", title: "КТП-630/10/0,4", priceOnRequest: true }),
    );
    const updated = await getSupplierProduct(actor, id);
    expect(updated.title).toBe("КТП-630/10/0,4");
    expect(updated.priceKopecks).toBeNull();
    await setProductsStatus(actor, [id], "PUBLISHED");
    const copy = await duplicateProduct(actor, id);
    const copied = await getSupplierProduct(actor, copy.id);
    expect(copied).toMatchObject({ sku: "КТП-630-копия", status: "DRAFT", title: "КТП-630/10/0,4" });

    const drafts = await listSupplierProducts(actor, { status: "DRAFT", page: 1 });
    expect(drafts.items.map((p) => p.id)).toEqual([copy.id]);
    expect(drafts.byStatus).toEqual({ DRAFT: 1, PUBLISHED: 1 });
    const found = await listSupplierProducts(actor, { q: "копия", page: 1 });
    expect(found.total).toBe(1);
  });

  it("keeps a supplier out of another supplier's drafts (read, edit, publish, media)", async () => {
    const owner = await createActor({ kind: "SUPPLIER" });
    const stranger = await createActor({ kind: "SUPPLIER" });
    const buyer = await createActor({ kind: "BUYER" });
    const category = await createTransformerCategory();
    const { id, slug } = await createProduct(owner.actor, productInput(category.id));

    await expect(getSupplierProduct(stranger.actor, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateProduct(stranger.actor, id, productInput(category.id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(duplicateProduct(stranger.actor, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await setProductsStatus(stranger.actor, [id], "PUBLISHED")).toBe(0);
    await expect(
      addProductMedia(stranger.actor, id, { kind: "DOCUMENT", file: { name: "a.pdf", bytes: MINIMAL_PDF } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await listSupplierProducts(stranger.actor, { page: 1 })).total).toBe(0);
    expect(await getPublicProduct(slug, stranger.actor)).toBeNull();
    expect(await getPublicProduct(slug, owner.actor)).not.toBeNull(); // owner's preview
    await expect(listSupplierProducts(buyer.actor, { page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getSupplierProduct(owner.actor, id)).status).toBe("DRAFT");
  });

  it("hides products of a suspended supplier from the public", async () => {
    const { actor, organization } = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const { id, slug } = await createProduct(actor, productInput(category.id));
    await setProductsStatus(actor, [id], "PUBLISHED");
    await getPrisma().organization.update({ where: { id: organization.id }, data: { suspendedAt: new Date() } });
    expect(await getPublicProduct(slug)).toBeNull();
    expect(await getSupplierProfile(organization.slug)).toBeNull();
  });
});

describe("files", () => {
  it("stores a PDF datasheet; it becomes public only when the product is published", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const other = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const { id } = await createProduct(actor, productInput(category.id));
    await addProductMedia(actor, id, { kind: "DOCUMENT", file: { name: "../../Паспорт.pdf", bytes: MINIMAL_PDF } });
    const media = (await getSupplierProduct(actor, id)).media[0];
    expect(media.file).toMatchObject({
      mimeType: "application/pdf",
      originalName: "Паспорт.pdf",
      size: MINIMAL_PDF.length,
    });
    expect(media.file.storageKey).toMatch(/^[a-f0-9]{32}$/);

    expect(await canReadFile(actor, media.fileId)).not.toBeNull();
    expect(await canReadFile(null, media.fileId)).toBeNull();
    expect(await canReadFile(other.actor, media.fileId)).toBeNull();
    await setProductsStatus(actor, [id], "PUBLISHED");
    expect(await canReadFile(null, media.fileId)).not.toBeNull();

    const { stream } = await readStoredFile(media.fileId);
    const text = await new Response(stream).text();
    expect(text.startsWith("%PDF-")).toBe(true);
  });

  it("converts photos to WebP and refuses files whose content is not allowed", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: "#2255aa" } })
      .png()
      .toBuffer();
    const file = await saveUpload({
      organizationId: actor.organizationId ?? "",
      uploadedById: actor.userId,
      file: { name: "фото.png", bytes: new Uint8Array(png) },
      allowed: ["png", "jpeg", "webp"],
    });
    expect(file).toMatchObject({ mimeType: "image/webp", originalName: "фото.webp" });
    const meta = await sharp(
      Buffer.from(await new Response((await readStoredFile(file.id)).stream).arrayBuffer()),
    ).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 1600, height: 800 });

    const upload = (bytes: Uint8Array, name: string) =>
      saveUpload({
        organizationId: actor.organizationId ?? "",
        uploadedById: actor.userId,
        file: { name, bytes },
        allowed: ["pdf"],
      });
    await expect(upload(new TextEncoder().encode("MZ\x90\0 not a pdf"), "datasheet.pdf")).rejects.toMatchObject({
      code: "bad_type",
    });
    await expect(upload(new Uint8Array(), "empty.pdf")).rejects.toMatchObject({ code: "empty" });
    await expect(upload(png, "photo.pdf")).rejects.toBeInstanceOf(FileError);
  });

  it("records certificates with expiry", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const { id } = await createProduct(actor, productInput(category.id));
    await addCertificate(actor, id, {
      kind: "TR_TS",
      number: "ЕАЭС RU С-RU.АЯ46.В.12345",
      issuedAt: new Date("2020-01-01"),
      expiresAt: new Date("2024-01-01"),
    });
    await expect(
      addCertificate(actor, id, {
        kind: "GOST_R",
        number: "X",
        issuedAt: new Date("2024-01-01"),
        expiresAt: new Date("2023-01-01"),
      }),
    ).rejects.toBeInstanceOf(CatalogValidationError);
    expect((await getSupplierProduct(actor, id)).certificates).toHaveLength(1);
  });
});
