import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "~/modules/accounts/actor";
import {
  addProductMedia,
  addProductPhotos,
  CatalogValidationError,
  createProduct,
  getPublicProduct,
  getSupplierProfile,
  mainPhotoFileIds,
  moveProductPhoto,
  PRODUCT_PHOTOS_MAX,
  registerCatalogFilePolicy,
  setProductsStatus,
} from "~/modules/catalog/catalog.server";
import { canReadFile, FileError } from "~/modules/files/files.server";
import { documentsForProducts } from "~/modules/search/documents.server";
import { loader as imageLoader } from "~/routes/images.$id.$variant";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { createTransformerCategory, MINIMAL_PDF, productInput, withTempDataDir } from "./helpers";

const dataDir = withTempDataDir();
registerCatalogFilePolicy();

/** A real PNG of the given size (a gradient, so the encoders have something to do). */
async function png(width: number, height: number, name = "photo.png") {
  const bytes = await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .png()
    .toBuffer();
  return { name, bytes: new Uint8Array(bytes) };
}

async function variant(fileId: string, spec: string, headers: Record<string, string> = {}) {
  try {
    return (await imageLoader({
      request: new Request(`http://x/images/${fileId}/${spec}`, { headers }),
      params: { id: fileId, variant: spec },
      context: { requestId: "test", cspNonce: "nonce", clientIp: "127.0.0.1" },
    })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function productWithPhotos(count: number) {
  const owner = await createActor({ kind: "SUPPLIER", verified: true });
  const category = await createTransformerCategory();
  const { id, slug } = await createProduct(owner.actor, productInput(category.id));
  const files = await Promise.all(Array.from({ length: count }, (_, i) => png(2000 + i * 100, 1000, `p${i}.png`)));
  await addProductPhotos(owner.actor, id, files);
  return { owner, id, slug };
}

describe("product photos", () => {
  it("stores photos in order with their sizes; the supplier makes another one the main photo", async () => {
    const { owner, id, slug } = await productWithPhotos(3);
    await setProductsStatus(owner.actor, [id], "PUBLISHED");
    const before = await getPublicProduct(slug);
    // stored as WebP, at most 1600 px on the long side: 2000×1000 → 1600×800
    expect(before?.photos.map((p) => [p.width, p.height])).toEqual([
      [1600, 800],
      [1600, 762],
      [1600, 727],
    ]);
    const third = before?.photos[2];
    await moveProductPhoto(owner.actor, id, third?.id ?? "", "main");
    const after = await getPublicProduct(slug);
    expect(after?.photos.map((p) => p.id)).toEqual([third?.id, before?.photos[0].id, before?.photos[1].id]);
    await moveProductPhoto(owner.actor, id, before?.photos[0].id ?? "", "down");
    expect((await getPublicProduct(slug))?.photos.map((p) => p.id)).toEqual([
      third?.id,
      before?.photos[1].id,
      before?.photos[0].id,
    ]);
    // the storefront card shows the main photo
    const profile = await getSupplierProfile(owner.organization.slug);
    expect(profile?.products[0].photo?.fileId).toBe(third?.fileId);
  });

  it("refuses more than the maximum, a file that is not an image, and another supplier's product", async () => {
    const { owner, id } = await productWithPhotos(PRODUCT_PHOTOS_MAX - 1);
    await expect(addProductPhotos(owner.actor, id, [await png(100, 100), await png(100, 100)])).rejects.toBeInstanceOf(
      CatalogValidationError,
    );
    // one bad file among good ones stores none of them
    await expect(
      addProductPhotos(owner.actor, id, [{ name: "passport.png", bytes: MINIMAL_PDF }]),
    ).rejects.toBeInstanceOf(FileError);
    const photos = () => getPrisma().productMedia.count({ where: { productId: id, kind: "PHOTO" } });
    expect(await photos()).toBe(PRODUCT_PHOTOS_MAX - 1);
    await addProductPhotos(owner.actor, id, [await png(100, 100)]);
    expect(await photos()).toBe(PRODUCT_PHOTOS_MAX);

    const stranger = await createActor({ kind: "SUPPLIER" });
    const media = await getPrisma().productMedia.findFirstOrThrow({ where: { productId: id } });
    await expect(addProductPhotos(stranger.actor, id, [await png(100, 100)])).rejects.toBeInstanceOf(NotFoundError);
    await expect(moveProductPhoto(stranger.actor, id, media.id, "main")).rejects.toBeInstanceOf(NotFoundError);
    const buyer = await createActor({ kind: "BUYER" });
    await expect(addProductPhotos(buyer.actor, id, [await png(100, 100)])).rejects.toThrow();
    expect(await photos()).toBe(PRODUCT_PHOTOS_MAX);
  });
});

describe("responsive variants", () => {
  it("draws AVIF and WebP at the asked width, cached on disk, immutable; a visitor sees only published photos", async () => {
    const { owner, id } = await productWithPhotos(1);
    const media = await getPrisma().productMedia.findFirstOrThrow({
      where: { productId: id },
      include: { file: true },
    });
    // a draft's photo: the owner may read it, a visitor and another supplier may not
    expect(await canReadFile(owner.actor, media.fileId)).not.toBeNull();
    expect(await canReadFile((await createActor({ kind: "SUPPLIER" })).actor, media.fileId)).toBeNull();
    expect((await variant(media.fileId, "640.webp")).status).toBe(404);

    await setProductsStatus(owner.actor, [id], "PUBLISHED");
    const avif = await variant(media.fileId, "640.avif");
    expect(avif.status).toBe(200);
    expect(avif.headers.get("Content-Type")).toBe("image/avif");
    expect(avif.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const avifMeta = await sharp(Buffer.from(await avif.arrayBuffer())).metadata();
    expect([avifMeta.format, avifMeta.width, avifMeta.height]).toEqual(["heif", 640, 320]);

    const webp = await variant(media.fileId, "320.webp");
    const webpMeta = await sharp(Buffer.from(await webp.arrayBuffer())).metadata();
    expect([webpMeta.format, webpMeta.width]).toEqual(["webp", 320]);
    // 1280 of a 1600 px photo is 1280; the variant is kept on disk beside the original
    const big = await sharp(Buffer.from(await (await variant(media.fileId, "1280.webp")).arrayBuffer())).metadata();
    expect(big.width).toBe(1280);
    const kept = fs.readdirSync(path.join(dataDir, "files", "variants", media.file.storageKey.slice(0, 2)));
    expect(kept.sort()).toEqual(
      [
        `${media.file.storageKey}-1280.webp`,
        `${media.file.storageKey}-320.webp`,
        `${media.file.storageKey}-640.avif`,
      ].sort(),
    );
    // a revalidation with the ETag is a 304; a width or format not offered is a 404
    const etag = webp.headers.get("ETag") ?? "";
    expect((await variant(media.fileId, "320.webp", { "If-None-Match": etag })).status).toBe(304);
    expect((await variant(media.fileId, "500.webp")).status).toBe(404);
    expect((await variant(media.fileId, "640.png")).status).toBe(404);

    // a document is not drawn as an image
    await addProductMedia(owner.actor, id, { kind: "DOCUMENT", file: { name: "a.pdf", bytes: MINIMAL_PDF } });
    const doc = await getPrisma().productMedia.findFirstOrThrow({ where: { productId: id, kind: "DOCUMENT" } });
    expect((await variant(doc.fileId, "640.webp")).status).toBe(404);
  });
});

describe("result cards", () => {
  it("get each published product's main photo; a draft's photo and a product without photos stay out", async () => {
    const published = await productWithPhotos(2);
    await setProductsStatus(published.owner.actor, [published.id], "PUBLISHED");
    const draft = await productWithPhotos(1);
    const bare = await createProduct(published.owner.actor, productInput((await createTransformerCategory()).id));
    const main = (await getPublicProduct(published.slug))?.photos[0];
    const photos = await mainPhotoFileIds([published.id, draft.id, bare.id]);
    expect([...photos.entries()]).toEqual([[published.id, main?.fileId]]);
  });

  it("come with the main photo in the search document, which follows the supplier's reordering", async () => {
    const { owner, id, slug } = await productWithPhotos(2);
    const bare = await createProduct(owner.actor, productInput((await createTransformerCategory()).id));
    await setProductsStatus(owner.actor, [id, bare.id], "PUBLISHED");
    const cards = async () =>
      new Map((await documentsForProducts([id, bare.id])).docs.map((d) => [d.id, d.card.photoFileId]));
    const photos = (await getPublicProduct(slug))?.photos ?? [];
    expect(await cards()).toEqual(
      new Map([
        [id, photos[0].fileId],
        [bare.id, null],
      ]),
    );
    await moveProductPhoto(owner.actor, id, photos[1].id, "main");
    expect((await cards()).get(id)).toBe(photos[1].fileId);
    // and the page's loader agrees with the lookup it replaces
    expect((await mainPhotoFileIds([id])).get(id)).toBe(photos[1].fileId);
  });
});
