import { useTranslation } from "react-i18next";
import { type IllustrationFamily, illustrationFamily } from "./illustration-family";
import spriteUrl from "./illustrations.svg?url";

/**
 * A line drawing that stands in for a product photo, one per family of equipment. The drawings are symbols of one
 * sprite file (./illustrations.svg, a hashed and immutable asset): a page carries one `<use>` per drawing, not a dozen
 * shapes — twenty result cards made ≈ 200 elements and 14 KB of markup before (docs/performance.md «Session 10»).
 * The accessible name says what is drawn.
 */
export function CategoryIllustration({
  family,
  category,
  className,
  labelled = true,
}: {
  family?: IllustrationFamily;
  category?: { slug: string; parent?: { slug: string } | null; parentSlug?: string | null };
  className?: string;
  /** false: the drawing is decoration next to a text that already names the product (card thumbnails). */
  labelled?: boolean;
}) {
  const f = family ?? (category ? illustrationFamily(category) : "generic");
  const cls = `text-slate-500 ${className ?? ""}`;
  // a decoration needs no translation: twenty card thumbnails skip twenty useTranslation calls
  return labelled ? (
    <LabelledDrawing family={f} className={cls} />
  ) : (
    <svg viewBox="0 0 120 90" className={cls} data-illustration={f} aria-hidden="true">
      <use href={`${spriteUrl}#${f}`} />
    </svg>
  );
}

function LabelledDrawing({ family: f, className }: { family: IllustrationFamily; className: string }) {
  const { t } = useTranslation("catalog");
  return (
    <svg
      viewBox="0 0 120 90"
      className={className}
      data-illustration={f}
      role="img"
      aria-label={t(`illustration.${f}`)}
    >
      <title>{t(`illustration.${f}`)}</title>
      <use href={`${spriteUrl}#${f}`} />
    </svg>
  );
}
