import type { ReactNode } from "react";
import { FieldErrors, inputClass } from "./bits";

/**
 * A labelled textarea of a plain (non-conform) RFQ page form with its errors next to it: `aria-invalid` and
 * `aria-describedby` point at `<id>-error` when there are errors, else at the `<id>-hint` when there is a hint.
 */
export function TextareaField({
  id,
  name,
  label,
  rows,
  errors,
  hint,
  labelClassName = "text-sm",
}: {
  id: string;
  name: string;
  label: ReactNode;
  rows: number;
  errors: string[] | null | undefined;
  hint?: ReactNode;
  labelClassName?: string;
}) {
  return (
    <>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={inputClass}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : hint ? `${id}-hint` : undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </>
  );
}
