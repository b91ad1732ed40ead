import type { ReactNode } from "react";
import { type Column, TableHead } from "~/components/ui/table";

/**
 * A keyboard-reachable scroll box of its own around a wide table (WCAG 2.1.1, axe scrollable-region-focusable), named
 * for screen readers, so a wide table scrolls on a phone and never the page.
 */
export function ScrollRegion({
  label,
  className = "overflow-x-auto",
  testId,
  children,
}: {
  label: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className={className} data-testid={testId} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

/** A data table with a caption for screen readers and the kit's header row (`scope="col"`, numbers right-aligned). */
export function CaptionedTable({
  caption,
  columns,
  density = "compact",
  headClassName = "text-left text-xs text-slate-600",
  className = "min-w-full text-sm",
  bodyClassName,
  children,
}: {
  caption: string;
  columns: readonly Column[];
  density?: "compact" | "normal" | "roomy";
  headClassName?: string;
  className?: string;
  bodyClassName?: string;
  children: ReactNode;
}) {
  return (
    <table className={className}>
      <caption className="sr-only">{caption}</caption>
      <TableHead columns={columns} density={density} className={headClassName} />
      <tbody className={bodyClassName}>{children}</tbody>
    </table>
  );
}
