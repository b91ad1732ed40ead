import { createReadStream } from "node:fs";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import sharp from "sharp";
import type { StoredFile } from "~/generated/prisma/client";
import { IMAGE_KINDS, kindOfMime } from "./file-kinds";
import { filesRoot, pathOf } from "./storage.server";

/**
 * Responsive variants of a stored image: the widths and formats the pages ask for in `srcset`. A variant is drawn
 * with sharp the first time it is asked for and kept on disk beside the original (`<DATA_DIR>/files/variants/…`);
 * a stored file never changes (a new upload is a new id), so a variant never needs to be redrawn.
 */
export const IMAGE_VARIANT_WIDTHS = [320, 640, 1280] as const;
export const IMAGE_VARIANT_FORMATS = ["avif", "webp"] as const;
export type ImageVariantWidth = (typeof IMAGE_VARIANT_WIDTHS)[number];
export type ImageVariantFormat = (typeof IMAGE_VARIANT_FORMATS)[number];

export const VARIANT_MIME: Record<ImageVariantFormat, string> = { avif: "image/avif", webp: "image/webp" };

export function parseVariant(spec: string): { width: ImageVariantWidth; format: ImageVariantFormat } | null {
  const m = /^(\d{3,4})\.(avif|webp)$/.exec(spec);
  if (!m) return null;
  const width = Number(m[1]);
  if (!(IMAGE_VARIANT_WIDTHS as readonly number[]).includes(width)) return null;
  return { width: width as ImageVariantWidth, format: m[2] as ImageVariantFormat };
}

function variantPath(storageKey: string, width: number, format: ImageVariantFormat): string {
  pathOf(storageKey); // refuses anything but our own hex keys
  return path.join(filesRoot(), "variants", storageKey.slice(0, 2), `${storageKey}-${width}.${format}`);
}

export function isImageFile(file: Pick<StoredFile, "mimeType">): boolean {
  const kind = kindOfMime(file.mimeType);
  return kind !== undefined && IMAGE_KINDS.includes(kind);
}

/** Draws (once) and streams one variant; null when the file is not an image. */
export async function imageVariant(
  file: Pick<StoredFile, "storageKey" | "mimeType">,
  width: ImageVariantWidth,
  format: ImageVariantFormat,
): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | null> {
  if (!isImageFile(file)) return null;
  const target = variantPath(file.storageKey, width, format);
  let size = await stat(target).then(
    (s) => s.size,
    () => -1,
  );
  if (size < 0) {
    const pipeline = sharp(pathOf(file.storageKey), { animated: false, limitInputPixels: 100_000_000 }).resize({
      width,
      withoutEnlargement: true,
    });
    const bytes =
      format === "avif"
        ? await pipeline.avif({ quality: 55, effort: 2 }).toBuffer()
        : await pipeline.webp({ quality: 78 }).toBuffer();
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, target);
    size = bytes.byteLength;
  }
  return { stream: Readable.toWeb(createReadStream(target)) as ReadableStream<Uint8Array>, size };
}

const sizes = new Map<string, { width: number; height: number } | null>();

/**
 * The pixel size of a stored image (read from its header, remembered: stored files never change), for the
 * `width`/`height` attributes that keep the page from shifting while photos load.
 */
export async function imageSize(
  file: Pick<StoredFile, "storageKey" | "mimeType">,
): Promise<{ width: number; height: number } | null> {
  if (!isImageFile(file)) return null;
  const known = sizes.get(file.storageKey);
  if (known !== undefined) return known;
  const meta = await sharp(pathOf(file.storageKey))
    .metadata()
    .catch(() => null);
  const size = meta?.width && meta.height ? { width: meta.width, height: meta.height } : null;
  if (sizes.size > 5000) sizes.clear();
  sizes.set(file.storageKey, size);
  return size;
}
