import type { ReactNode } from "react";

const tones = {
  card: "rounded-lg border border-slate-200 bg-white p-4",
  muted: "rounded-md border border-slate-200 bg-slate-50 p-3 text-sm",
  plain: "space-y-3",
} as const;

/**
 * A titled section of a page: `<section aria-labelledby>` with its heading (h2 by default) and an optional hint line
 * under it. Pages and module panels use it instead of writing the heading/id pairing by hand.
 */
export function Panel({
  id,
  title,
  hint,
  level = 2,
  tone = "card",
  className = "",
  testId,
  actions,
  children,
}: {
  /** The heading's id (the section is labelled by it); unique on the page. */
  id: string;
  title: ReactNode;
  hint?: ReactNode;
  level?: 2 | 3;
  tone?: keyof typeof tones;
  className?: string;
  testId?: string;
  /** Controls shown at the right of the heading (a link, a button). */
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  const headingClass = level === 2 ? "text-lg font-semibold" : "font-medium";
  const heading = (
    <Heading id={id} className={headingClass}>
      {title}
    </Heading>
  );
  return (
    <section aria-labelledby={id} data-testid={testId} className={`${tones[tone]} ${className}`.trim()}>
      {actions ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {hint ? <p className="mt-1 text-sm text-slate-600">{hint}</p> : null}
      {children}
    </section>
  );
}
