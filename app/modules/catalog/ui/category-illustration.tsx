import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type IllustrationFamily, illustrationFamily } from "./illustration-family";

/**
 * Line drawings that stand in for a product photo, one per family of equipment (drawn for SnabMost: 120 × 90,
 * 2.5 px round strokes in the current colour, no fills but the pale ground). The accessible name says what is drawn.
 */
const DRAWINGS: Record<IllustrationFamily, ReactNode> = {
  transformer: (
    <>
      <rect x="30" y="34" width="60" height="40" rx="3" />
      <path d="M24 74h72M34 74v6M86 74v6" />
      <path d="M38 34v-8h44v8" />
      <path d="M44 26V14M60 26V10M76 26V14" />
      <path d="M40 14h8M56 10h8M72 14h8" />
      <path d="M30 42h-6v24h6M90 42h6v24h-6" />
      <path d="M24 48h-4M24 54h-4M24 60h-4M96 48h4M96 54h4M96 60h4" />
      <path d="M54 48l8 0-6 10h8" />
    </>
  ),
  boiler: (
    <>
      <rect x="28" y="22" width="52" height="54" rx="4" />
      <path d="M28 32h52" />
      <path d="M80 40h10a6 6 0 0 1 6 6v30" />
      <path d="M44 10v12M64 10v12M40 10h8M60 10h8" />
      <path d="M46 66c-6-6 0-10 0-16 6 4 10 10 4 16" />
      <path d="M58 66c-4-4 0-8 2-12 4 4 4 8 2 12" />
      <circle cx="70" cy="27" r="2" />
      <path d="M22 76h64" />
    </>
  ),
  pump: (
    <>
      <circle cx="50" cy="46" r="20" />
      <circle cx="50" cy="46" r="6" />
      <path d="M50 26V12h14v8" />
      <path d="M30 46H14M14 40v12" />
      <path d="M70 40h14v12H70" />
      <rect x="84" y="34" width="22" height="24" rx="3" />
      <path d="M90 34v24M96 34v24" />
      <path d="M34 66l-6 12h44l-6-12" />
      <path d="M22 78h76" />
    </>
  ),
  cable: (
    <>
      <circle cx="50" cy="46" r="30" />
      <circle cx="50" cy="46" r="20" />
      <circle cx="50" cy="46" r="5" />
      <path d="M36 32c8 6 20 6 28 0M34 46h32M36 60c8-6 20-6 28 0" />
      <path d="M80 46c10 0 12 10 22 10h8" />
      <path d="M110 52v8" />
      <path d="M30 78h40" />
    </>
  ),
  switchgear: (
    <>
      <rect x="24" y="10" width="34" height="70" rx="2" />
      <rect x="62" y="10" width="34" height="70" rx="2" />
      <path d="M24 30h34M62 30h34M24 56h34M62 56h34" />
      <circle cx="34" cy="20" r="3" />
      <circle cx="72" cy="20" r="3" />
      <path d="M44 20h8M82 20h8" />
      <path d="M38 40l6 8h-8l6 8M76 40l6 8h-8l6 8" />
      <path d="M52 66v6M90 66v6" />
      <path d="M18 80h84" />
    </>
  ),
  valve: (
    <>
      <path d="M12 52h20M88 52h20" />
      <path d="M32 40v24M88 40v24M28 40v24M92 40v24" />
      <path d="M32 44h12l8-8h16l8 8h12M32 60h12l8 8h16l8-8h12" />
      <path d="M60 36V20" />
      <path d="M54 36h12" />
      <path d="M42 16h36" />
      <circle cx="60" cy="16" r="3" />
      <path d="M52 52l8-6 8 6-8 6z" />
    </>
  ),
  meter: (
    <>
      <rect x="30" y="10" width="60" height="72" rx="4" />
      <rect x="38" y="20" width="44" height="16" rx="2" />
      <path d="M44 28h4M52 28h4M60 28h4M68 28h4" />
      <circle cx="60" cy="52" r="8" />
      <path d="M60 52l5-4" />
      <path d="M38 68h44M44 74h32" />
      <path d="M46 82v6M74 82v6" />
    </>
  ),
  pipe: (
    <>
      <ellipse cx="22" cy="40" rx="8" ry="16" />
      <ellipse cx="22" cy="40" rx="4" ry="9" />
      <path d="M22 24h70M22 56h70" />
      <path d="M92 24c10 0 16 6 16 16v40M92 56v24" />
      <path d="M86 80h28" />
      <path d="M40 24v32M70 24v32" />
      <path d="M14 70h60M20 76h48" />
    </>
  ),
  hydro: (
    <>
      <circle cx="60" cy="56" r="24" />
      <circle cx="60" cy="56" r="6" />
      <path d="M60 32c8 8 8 16 0 24M84 56c-8 8-16 8-24 0M60 80c-8-8-8-16 0-24M36 56c8-8 16-8 24 0" />
      <rect x="48" y="6" width="24" height="16" rx="2" />
      <path d="M60 22v10" />
      <path d="M10 40c6-4 10 4 16 0s10 4 16 0" />
      <path d="M10 50c6-4 10 4 16 0" />
      <path d="M84 72l20 8M94 84h16" />
    </>
  ),
  generic: (
    <>
      <rect x="22" y="26" width="76" height="50" rx="4" />
      <path d="M22 38h76" />
      <path d="M46 26V16h28v10" />
      <circle cx="40" cy="57" r="9" />
      <circle cx="40" cy="57" r="3" />
      <path d="M58 52h28M58 60h20M58 68h24" />
      <path d="M16 76h88" />
    </>
  ),
};

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
  const { t } = useTranslation("catalog");
  const f = family ?? (category ? illustrationFamily(category) : "generic");
  return (
    <svg
      viewBox="0 0 120 90"
      className={`text-slate-500 ${className ?? ""}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      data-illustration={f}
      role={labelled ? "img" : undefined}
      aria-label={labelled ? t(`illustration.${f}`) : undefined}
      aria-hidden={labelled ? undefined : true}
    >
      {labelled ? <title>{t(`illustration.${f}`)}</title> : null}
      <rect x="1" y="1" width="118" height="88" rx="6" fill="#f8fafc" stroke="none" />
      {DRAWINGS[f]}
    </svg>
  );
}
