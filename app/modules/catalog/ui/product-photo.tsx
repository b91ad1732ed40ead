import { CategoryIllustration } from "./category-illustration";

/**
 * A product photo as a `<picture>`: AVIF and WebP variants at 320/640/1280 px (`/images/<fileId>/<w>.<fmt>`, drawn
 * once and cached as immutable), `sizes` from the layout, the intrinsic `width`/`height` so the page does not shift,
 * and `loading="lazy"` except for the main photo above the fold.
 */
export const PHOTO_WIDTHS = [320, 640, 1280] as const;

export interface PhotoData {
  fileId: string;
  width: number | null;
  height: number | null;
}

/** The widths worth offering: those below the original, and one at (or above) its own size. */
function widthsFor(width: number | null): number[] {
  if (!width) return [...PHOTO_WIDTHS];
  const below = PHOTO_WIDTHS.filter((w) => w < width);
  const atOrAbove = PHOTO_WIDTHS.find((w) => w >= width);
  return atOrAbove ? [...below, atOrAbove] : below;
}

export function photoSrcSet(photo: PhotoData, format: "avif" | "webp"): string {
  return widthsFor(photo.width)
    .map((w) => `/images/${photo.fileId}/${w}.${format} ${photo.width ? Math.min(w, photo.width) : w}w`)
    .join(", ");
}

export function ProductPhoto({
  photo,
  alt,
  sizes,
  main = false,
  className,
  itemProp,
}: {
  photo: PhotoData;
  alt: string;
  sizes: string;
  main?: boolean;
  className?: string;
  itemProp?: string;
}) {
  const fallback = widthsFor(photo.width).find((w) => w >= 640) ?? widthsFor(photo.width).at(-1) ?? 640;
  return (
    <picture>
      <source type="image/avif" srcSet={photoSrcSet(photo, "avif")} sizes={sizes} />
      <source type="image/webp" srcSet={photoSrcSet(photo, "webp")} sizes={sizes} />
      <img
        src={`/images/${photo.fileId}/${fallback}.webp`}
        srcSet={photoSrcSet(photo, "webp")}
        sizes={sizes}
        alt={alt}
        width={photo.width ?? undefined}
        height={photo.height ?? undefined}
        loading={main ? "eager" : "lazy"}
        decoding={main ? "auto" : "async"}
        {...(main ? { fetchpriority: "high" } : {})}
        className={className}
        itemProp={itemProp}
        data-testid="product-photo"
      />
    </picture>
  );
}

/**
 * A small square thumbnail (cart lines, comparison rows): the main photo's smallest variant, or the category's
 * drawing when the product has no photo. Decorative: the product's title stands beside it.
 */
export function ProductThumb({
  photoFileId,
  category,
  className = "h-12 w-12",
}: {
  photoFileId: string | null;
  category: { slug: string; parent?: { slug: string } | null };
  className?: string;
}) {
  return photoFileId ? (
    <img
      src={`/images/${photoFileId}/320.webp`}
      alt=""
      width={48}
      height={48}
      loading="lazy"
      decoding="async"
      className={`${className} shrink-0 rounded border border-slate-200 bg-white object-cover`}
    />
  ) : (
    <CategoryIllustration
      category={category}
      labelled={false}
      className={`${className} shrink-0 rounded border border-slate-100`}
    />
  );
}
