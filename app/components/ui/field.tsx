import { type FieldMetadata, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/**
 * Labelled form controls bound to a conform field: label, optional hint, errors next to the control
 * (`aria-invalid`, `aria-describedby` pointing at the hint and the error). `translateError` turns error keys into text.
 */
interface BaseProps {
  // biome-ignore lint/suspicious/noExplicitAny: conform field metadata of any schema
  meta: FieldMetadata<any>;
  label: ReactNode;
  hint?: ReactNode;
  translateError?: (key: string) => string;
  className?: string;
}

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600";

function describedBy(meta: BaseProps["meta"], hint: boolean) {
  const ids = [hint ? meta.descriptionId : null, meta.errors?.length ? meta.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldMessages({ meta, hint, translateError }: Pick<BaseProps, "meta" | "hint" | "translateError">) {
  return (
    <>
      {hint ? (
        <p id={meta.descriptionId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {meta.errors?.length ? (
        <p id={meta.errorId} className="mt-1 text-sm text-red-700" data-field-error={meta.name}>
          {meta.errors.map((e) => (translateError ? translateError(e) : e)).join(". ")}
        </p>
      ) : null}
    </>
  );
}

export function TextField({
  meta,
  label,
  hint,
  translateError,
  className,
  type = "text",
  ...rest
}: BaseProps & { type?: "text" | "email" | "password" | "tel" | "url" } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    "type" | "name" | "id" | "defaultValue"
  >) {
  const props = getInputProps(meta, { type, ariaAttributes: false });
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        {...props}
        {...(type === "password" ? { defaultValue: undefined } : {})}
        {...rest}
        key={props.key}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, !!hint)}
        className={inputClass}
      />
      <FieldMessages meta={meta} hint={hint} translateError={translateError} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  translateError,
  className,
  children,
  ...rest
}: BaseProps & { children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  const props = getSelectProps(meta, { ariaAttributes: false });
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        {...props}
        {...rest}
        key={props.key}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, !!hint)}
        className={inputClass}
      >
        {children}
      </select>
      <FieldMessages meta={meta} hint={hint} translateError={translateError} />
    </div>
  );
}

export function TextareaField({
  meta,
  label,
  hint,
  translateError,
  className,
  ...rest
}: BaseProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "defaultValue">) {
  const props = getTextareaProps(meta, { ariaAttributes: false });
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        {...props}
        {...rest}
        key={props.key}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, !!hint)}
        className={inputClass}
      />
      <FieldMessages meta={meta} hint={hint} translateError={translateError} />
    </div>
  );
}

/** A checkbox with its label to the right; errors and hint below. */
export function CheckboxField({ meta, label, hint, translateError, className }: BaseProps) {
  const props = getInputProps(meta, { type: "checkbox", ariaAttributes: false });
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="inline-flex items-center gap-2 text-sm text-slate-800">
        <input
          {...props}
          key={props.key}
          aria-invalid={meta.errors?.length ? true : undefined}
          aria-describedby={describedBy(meta, !!hint)}
          className="h-4 w-4 rounded border-slate-300 text-brand-600 focus-visible:outline-2 focus-visible:outline-brand-700"
        />
        {label}
      </label>
      <FieldMessages meta={meta} hint={hint} translateError={translateError} />
    </div>
  );
}

/** Form-level messages (errors of the whole form, or a notice). */
export function FormMessage({
  id,
  tone = "error",
  children,
}: {
  id?: string;
  tone?: "error" | "info" | "success";
  children: ReactNode;
}) {
  const cls =
    tone === "error"
      ? "border-red-200 bg-red-50 text-red-800"
      : tone === "success"
        ? "border-green-200 bg-green-50 text-green-800"
        : "border-sky-200 bg-sky-50 text-sky-900";
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${cls}`}>
      {children}
    </div>
  );
}
