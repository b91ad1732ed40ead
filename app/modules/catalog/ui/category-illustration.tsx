import { useTranslation } from "react-i18next";
import { type IllustrationFamily, illustrationFamily } from "./illustration-family";

/**
 * Line drawings that stand in for a product photo, one per family of equipment (drawn for SnabMost: 120 × 90,
 * 2.5 px round strokes in the current colour, no fills but the pale ground). The accessible name says what is drawn.
 *
 * A drawing is a list of shapes: a path (its `d`), or a circle, ellipse or rounded rectangle by its numbers in the
 * order of their SVG attributes.
 */
type Shape =
  | string
  | readonly ["circle", cx: number, cy: number, r: number]
  | readonly ["ellipse", cx: number, cy: number, rx: number, ry: number]
  | readonly ["rect", x: number, y: number, width: number, height: number, rx: number];

const DRAWINGS: Record<IllustrationFamily, readonly Shape[]> = {
  transformer: [
    ["rect", 30, 34, 60, 40, 3],
    "M24 74h72M34 74v6M86 74v6",
    "M38 34v-8h44v8",
    "M44 26V14M60 26V10M76 26V14",
    "M40 14h8M56 10h8M72 14h8",
    "M30 42h-6v24h6M90 42h6v24h-6",
    "M24 48h-4M24 54h-4M24 60h-4M96 48h4M96 54h4M96 60h4",
    "M54 48l8 0-6 10h8",
  ],
  boiler: [
    ["rect", 28, 22, 52, 54, 4],
    "M28 32h52",
    "M80 40h10a6 6 0 0 1 6 6v30",
    "M44 10v12M64 10v12M40 10h8M60 10h8",
    "M46 66c-6-6 0-10 0-16 6 4 10 10 4 16",
    "M58 66c-4-4 0-8 2-12 4 4 4 8 2 12",
    ["circle", 70, 27, 2],
    "M22 76h64",
  ],
  pump: [
    ["circle", 50, 46, 20],
    ["circle", 50, 46, 6],
    "M50 26V12h14v8",
    "M30 46H14M14 40v12",
    "M70 40h14v12H70",
    ["rect", 84, 34, 22, 24, 3],
    "M90 34v24M96 34v24",
    "M34 66l-6 12h44l-6-12",
    "M22 78h76",
  ],
  cable: [
    ["circle", 50, 46, 30],
    ["circle", 50, 46, 20],
    ["circle", 50, 46, 5],
    "M36 32c8 6 20 6 28 0M34 46h32M36 60c8-6 20-6 28 0",
    "M80 46c10 0 12 10 22 10h8",
    "M110 52v8",
    "M30 78h40",
  ],
  switchgear: [
    ["rect", 24, 10, 34, 70, 2],
    ["rect", 62, 10, 34, 70, 2],
    "M24 30h34M62 30h34M24 56h34M62 56h34",
    ["circle", 34, 20, 3],
    ["circle", 72, 20, 3],
    "M44 20h8M82 20h8",
    "M38 40l6 8h-8l6 8M76 40l6 8h-8l6 8",
    "M52 66v6M90 66v6",
    "M18 80h84",
  ],
  valve: [
    "M12 52h20M88 52h20",
    "M32 40v24M88 40v24M28 40v24M92 40v24",
    "M32 44h12l8-8h16l8 8h12M32 60h12l8 8h16l8-8h12",
    "M60 36V20",
    "M54 36h12",
    "M42 16h36",
    ["circle", 60, 16, 3],
    "M52 52l8-6 8 6-8 6z",
  ],
  meter: [
    ["rect", 30, 10, 60, 72, 4],
    ["rect", 38, 20, 44, 16, 2],
    "M44 28h4M52 28h4M60 28h4M68 28h4",
    ["circle", 60, 52, 8],
    "M60 52l5-4",
    "M38 68h44M44 74h32",
    "M46 82v6M74 82v6",
  ],
  pipe: [
    ["ellipse", 22, 40, 8, 16],
    ["ellipse", 22, 40, 4, 9],
    "M22 24h70M22 56h70",
    "M92 24c10 0 16 6 16 16v40M92 56v24",
    "M86 80h28",
    "M40 24v32M70 24v32",
    "M14 70h60M20 76h48",
  ],
  hydro: [
    ["circle", 60, 56, 24],
    ["circle", 60, 56, 6],
    "M60 32c8 8 8 16 0 24M84 56c-8 8-16 8-24 0M60 80c-8-8-8-16 0-24M36 56c8-8 16-8 24 0",
    ["rect", 48, 6, 24, 16, 2],
    "M60 22v10",
    "M10 40c6-4 10 4 16 0s10 4 16 0",
    "M10 50c6-4 10 4 16 0",
    "M84 72l20 8M94 84h16",
  ],
  generic: [
    ["rect", 22, 26, 76, 50, 4],
    "M22 38h76",
    "M46 26V16h28v10",
    ["circle", 40, 57, 9],
    ["circle", 40, 57, 3],
    "M58 52h28M58 60h20M58 68h24",
    "M16 76h88",
  ],
};

function renderShape(shape: Shape, key: number) {
  if (typeof shape === "string") return <path key={key} d={shape} />;
  switch (shape[0]) {
    case "circle":
      return <circle key={key} cx={shape[1]} cy={shape[2]} r={shape[3]} />;
    case "ellipse":
      return <ellipse key={key} cx={shape[1]} cy={shape[2]} rx={shape[3]} ry={shape[4]} />;
    case "rect":
      return <rect key={key} x={shape[1]} y={shape[2]} width={shape[3]} height={shape[4]} rx={shape[5]} />;
  }
}

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
      {DRAWINGS[f].map(renderShape)}
    </svg>
  );
}
