import type { ReactNode } from "react";

/**
 * A line icon: a 24×24 stroked SVG drawn in the text colour, hidden from screen readers (the control it sits in
 * carries the name). `children` are its paths.
 */
export function Icon({ size = 20, children }: { size?: number; children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      {children}
    </svg>
  );
}
