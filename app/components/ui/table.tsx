import type { ReactNode } from "react";

/** A column heading: its text, and whether the column holds numbers (right-aligned), or extra classes. */
export type Column = ReactNode | { label: ReactNode; numeric?: boolean; className?: string; srOnly?: boolean };

const densities = {
  compact: "p-1",
  normal: "py-1 pr-3",
  roomy: "py-2 pr-4",
} as const;

function isColumnObject(c: Column): c is Exclude<Column, ReactNode> & { label: ReactNode } {
  return typeof c === "object" && c !== null && !Array.isArray(c) && "label" in c;
}

/**
 * The header row of a data table: one `<th scope="col">` per column, numbers right-aligned. Every table of the app
 * uses it, so headings look and read (screen readers: scope) the same everywhere.
 */
export function TableHead({
  columns,
  density = "normal",
  className = density === "compact" ? "text-left text-xs text-slate-600" : "text-left text-slate-600",
  sectionClassName,
}: {
  columns: readonly Column[];
  density?: keyof typeof densities;
  /** Classes of the header row (default: left-aligned slate text, small in the compact density). */
  className?: string;
  /** Classes of the `<thead>` itself (e.g. hidden visually on phones where rows become cards). */
  sectionClassName?: string;
}) {
  return (
    <thead className={sectionClassName}>
      <tr className={className}>
        {columns.map((c, i) => {
          const col = isColumnObject(c) ? c : { label: c };
          const align = col.numeric ? "text-right" : "";
          return (
            <th key={i} scope="col" className={`${densities[density]} ${align} ${col.className ?? ""}`.trim()}>
              {col.srOnly ? <span className="sr-only">{col.label}</span> : col.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/**
 * A keyboard-reachable scroll box of its own around wide content (WCAG 2.1.1, axe scrollable-region-focusable), named
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

interface TableProps {
  columns: readonly Column[];
  density?: keyof typeof densities;
  headClassName?: string;
  /** Classes of the `<thead>` (see `TableHead`). */
  theadClassName?: string;
  className?: string;
  bodyClassName?: string;
  /** A caption for screen readers (the table's name where no heading names it). */
  caption?: string;
  testId?: string;
  children: ReactNode;
}

/** A data table with the kit's header row and an optional screen-reader caption, without a scroll box. */
export function Table({
  columns,
  density,
  headClassName,
  theadClassName,
  className = "min-w-full text-sm",
  bodyClassName,
  caption,
  testId,
  children,
}: TableProps) {
  return (
    <table className={className} data-testid={testId}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <TableHead columns={columns} density={density} className={headClassName} sectionClassName={theadClassName} />
      <tbody className={bodyClassName}>{children}</tbody>
    </table>
  );
}

/**
 * A data table that scrolls sideways inside its own box on a narrow screen (the page never does), with its header row.
 * `label` names the scroll region for keyboard and screen-reader users when the table can be wider than the screen.
 */
export function DataTable({ label, ...table }: TableProps & { label?: string }) {
  if (!label) return <div className="overflow-x-auto">{<Table {...table} />}</div>;
  return (
    <ScrollRegion label={label}>
      <Table {...table} />
    </ScrollRegion>
  );
}
