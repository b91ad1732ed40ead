import type { ReactNode } from "react";
import { FieldErrors } from "./field";

/** What a plain field hands its control: the id its label points at, and the error/hint wiring. */
export interface PlainControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

export interface PlainFieldProps {
  id: string;
  label: ReactNode;
  /** Error keys (or one key) of namespace `ns`; nothing shown when empty. */
  errors?: string | readonly string[] | null;
  ns: string;
  hint?: ReactNode;
  className?: string;
  labelClassName?: string;
  children: (props: PlainControlProps) => ReactNode;
}

/**
 * A labelled plain (non-conform) control of a page form whose errors come from the action: the label, the control
 * (rendered by `children` with the id and `aria-invalid`/`aria-describedby` to spread on it), an optional hint and the
 * errors (`FieldErrors`: keys of namespace `ns`). `aria-describedby` names `<id>-error` when there are errors, else
 * `<id>-hint` when there is a hint.
 */
export function PlainField({
  id,
  label,
  errors,
  ns,
  hint,
  className,
  labelClassName = "block text-sm font-medium",
  children,
}: PlainFieldProps) {
  const list = errors == null ? [] : typeof errors === "string" ? [errors] : [...errors];
  const invalid = list.length > 0;
  const describedBy = invalid ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {children({ id, "aria-invalid": invalid ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-error`} errors={list} ns={ns} />
    </div>
  );
}
