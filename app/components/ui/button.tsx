import { type ButtonHTMLAttributes, forwardRef } from "react";

const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 focus-visible:outline-brand-700",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 focus-visible:outline-brand-700",
  danger: "bg-red-600 text-white hover:bg-red-700 focus-visible:outline-red-700",
  link: "text-brand-700 underline hover:text-brand-800",
} as const;

/** A button in one of the app's variants; keyboard focus is always visible. */
export const Button = forwardRef<
  HTMLButtonElement,
  ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants; size?: "sm" | "md" }
>(function Button({ variant = "primary", size = "md", className = "", type = "button", ...props }, ref) {
  const pad = variant === "link" ? "" : size === "sm" ? "px-2.5 py-1 text-sm" : "px-4 py-2 text-sm";
  return (
    <button
      ref={ref}
      type={type}
      className={`inline-flex items-center justify-center gap-2 rounded-md font-medium focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-50 ${pad} ${variants[variant]} ${className}`}
      {...props}
    />
  );
});

/**
 * The classes of a plain page-form button or link styled as one (where `<Button>` does not fit: a `<Link>`, an
 * intent button): primary, secondary, and a quiet danger (outlined red) variant.
 */
export const buttonClass =
  "inline-flex items-center rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50";
export const secondaryButtonClass =
  "inline-flex items-center rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50";
export const dangerButtonClass =
  "inline-flex items-center rounded border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50";
