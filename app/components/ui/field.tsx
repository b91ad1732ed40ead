import { type FieldMetadata, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "./error-text";
import { Icon } from "./icon";

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

/** zod's own English messages, for a schema that gave none: shown in the page's language instead. */
const ZOD_DEFAULTS: Record<string, string> = { Required: "field.requiredError", "Invalid input": "field.invalidError" };

/**
 * The label text with a required marker: a visible asterisk (hidden from screen readers, which announce the
 * control's own `required`/`aria-required`) and a legend-like title for sighted users who hover it.
 */
export function FieldLabel({
  htmlFor,
  required,
  children,
}: {
  htmlFor: string;
  required?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation("layout");
  // the marker sits beside the <label>, so the control's name stays the label text alone (getByLabel("Пароль"))
  return (
    <div className="flex items-baseline">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">
        {children}
      </label>
      {required ? (
        <span
          className="ml-0.5 text-sm text-red-700"
          aria-hidden="true"
          title={t("field.required")}
          data-required-marker
        >
          *
        </span>
      ) : null}
    </div>
  );
}

function FieldMessages({ meta, hint, translateError }: Pick<BaseProps, "meta" | "hint" | "translateError">) {
  const { t } = useTranslation("layout");
  const translate = (e: string) => (ZOD_DEFAULTS[e] ? t(ZOD_DEFAULTS[e]) : translateError ? translateError(e) : e);
  return (
    <>
      {hint ? (
        <p id={meta.descriptionId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {meta.errors?.length ? (
        <p id={meta.errorId} className="mt-1 text-sm text-red-700" data-field-error={meta.name}>
          {meta.errors.map(translate).join(". ")}
        </p>
      ) : null}
    </>
  );
}

/** The attributes every conform control gets: required as `aria-required` (the browser's own bubble stays off), invalid, described by. */
function controlProps(meta: BaseProps["meta"], hint: boolean, required: boolean | undefined) {
  return {
    required: undefined,
    "aria-required": required || undefined,
    "aria-invalid": meta.errors?.length ? true : undefined,
    "aria-describedby": describedBy(meta, hint),
  };
}

/** A conform control's frame: its label (with the required marker), the control, its hint and errors. */
function FieldFrame({
  meta,
  label,
  hint,
  translateError,
  className,
  required,
  children,
}: BaseProps & { required: boolean | undefined; children: ReactNode }) {
  return (
    <div className={className}>
      <FieldLabel htmlFor={meta.id} required={required}>
        {label}
      </FieldLabel>
      {children}
      <FieldMessages meta={meta} hint={hint} translateError={translateError} />
    </div>
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
  const [shown, setShown] = useState(false);
  const { t } = useTranslation("layout");
  const required = rest.required ?? meta.required;
  const input = (
    <input
      {...props}
      {...(type === "password" ? { defaultValue: undefined, type: shown ? "text" : "password" } : {})}
      {...rest}
      {...controlProps(meta, !!hint, required)}
      key={props.key}
      className={type === "password" ? `${inputClass} pr-11` : inputClass}
    />
  );
  return (
    <FieldFrame {...{ meta, label, hint, translateError, className }} required={required}>
      {type === "password" ? (
        <div className="relative">
          {input}
          {/* the name comes from the text (not aria-label), so getByLabel("Пароль") still finds the input alone */}
          <button
            type="button"
            aria-pressed={shown}
            aria-controls={meta.id}
            onClick={() => setShown((v) => !v)}
            className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-r-md text-slate-500 hover:text-slate-800"
            data-testid={`toggle-${meta.name}`}
          >
            <span className="sr-only">{t("password.show")}</span>
            <Icon>
              <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
              <circle cx="12" cy="12" r="3" />
              {shown ? <path d="M4 4l16 16" /> : null}
            </Icon>
          </button>
        </div>
      ) : (
        input
      )}
    </FieldFrame>
  );
}

/** A select or a textarea bound to a conform field, in its frame; the other attributes pass through to the control. */
function ConformControl({
  kind,
  meta,
  label,
  hint,
  translateError,
  className,
  children,
  ...rest
}: BaseProps & { kind: "select" | "textarea"; children?: ReactNode; required?: boolean; [attr: string]: unknown }) {
  const props =
    kind === "select"
      ? getSelectProps(meta, { ariaAttributes: false })
      : getTextareaProps(meta, { ariaAttributes: false });
  const required = rest.required ?? meta.required;
  const Control = kind;
  return (
    <FieldFrame {...{ meta, label, hint, translateError, className }} required={required}>
      <Control {...props} {...rest} {...controlProps(meta, !!hint, required)} key={props.key} className={inputClass}>
        {children}
      </Control>
    </FieldFrame>
  );
}

export function SelectField(
  props: BaseProps & { children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">,
) {
  return <ConformControl kind="select" {...props} />;
}

export function TextareaField(
  props: BaseProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "defaultValue">,
) {
  return <ConformControl kind="textarea" {...props} />;
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

/**
 * A message box: form-level errors, a saved/done notice, a warning (a secret shown once, a stale price). `role` is
 * alert for errors and status otherwise.
 */
export function FormMessage({
  id,
  tone = "error",
  className = "",
  testId,
  children,
}: {
  id?: string;
  tone?: "error" | "info" | "success" | "warning";
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const cls = {
    error: "border-red-200 bg-red-50 text-red-800",
    success: "border-green-300 bg-green-50 text-green-800",
    warning: "border-amber-300 bg-amber-50 text-amber-900",
    info: "border-sky-200 bg-sky-50 text-sky-900",
  }[tone];
  return (
    <div
      id={id}
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={`rounded-md border px-3 py-2 text-sm ${cls} ${className}`}
    >
      {children}
    </div>
  );
}

/**
 * The class of a plain (non-conform) control: a bare `<input>`, `<select>` or `<textarea>` of a page form whose errors
 * come from the action (`FieldErrors`), or a filter/inline control.
 */
export const plainInputClass =
  "mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600 focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";

/**
 * The errors of one plain control, next to it (`id` is what the control's `aria-describedby` names): error keys as
 * use cases and actions store them, turned into text of the namespace `ns` (`useErrorText`). Nothing when none.
 */
export function FieldErrors({ id, errors, ns }: { id: string; errors?: string[] | null; ns: string }) {
  const text = useErrorText(ns);
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700" role="alert">
      {errors.map(text).join(" ")}
    </p>
  );
}

/** `aria-invalid` and `aria-describedby` of a plain control: its `<id>-error` when there are errors, else its `<id>-hint`. */
function plainControlProps(id: string, errors: string[] | null | undefined, hint: boolean) {
  return {
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined,
  };
}

/** The hint and the errors under a plain control. */
function PlainMessages({
  id,
  errors,
  hint,
  ns,
}: {
  id: string;
  errors?: string[] | null;
  hint?: ReactNode;
  ns: string;
}) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-error`} errors={errors} ns={ns} />
    </>
  );
}

/**
 * A labelled plain (non-conform) textarea with its errors next to it: `aria-invalid` and `aria-describedby` point at
 * `<id>-error` when there are errors, else at the `<id>-hint` when there is a hint. Error keys are of namespace `ns`.
 */
export function PlainTextareaField({
  id,
  name,
  label,
  rows,
  errors,
  hint,
  ns,
  labelClassName = "text-sm",
}: {
  id: string;
  name: string;
  label: ReactNode;
  rows: number;
  errors?: string[] | null;
  hint?: ReactNode;
  ns: string;
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
        className={plainInputClass}
        {...plainControlProps(id, errors, !!hint)}
      />
      <PlainMessages id={id} errors={errors} hint={hint} ns={ns} />
    </>
  );
}

/**
 * A labelled plain (non-conform) input of a page form whose errors come from the action, the same way as
 * `PlainTextareaField`; the other input attributes (name, type, defaultValue, maxLength) pass through.
 */
export function PlainTextField({
  id,
  label,
  errors,
  hint,
  ns,
  className,
  ...rest
}: {
  id: string;
  label: ReactNode;
  errors?: string[] | null;
  hint?: ReactNode;
  ns: string;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className">) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} {...rest} className={plainInputClass} {...plainControlProps(id, errors, !!hint)} />
      <PlainMessages id={id} errors={errors} hint={hint} ns={ns} />
    </div>
  );
}
