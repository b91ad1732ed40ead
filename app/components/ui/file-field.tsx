import type { ComponentPropsWithoutRef, ReactNode, Ref } from "react";
import { FileInput } from "./file-input";
import { PlainField } from "./plain-field";

/**
 * A labelled file upload of a page form: label, THE file input (`FileInput`), an optional hint and the errors the
 * action returned (keys of namespace `ns`), wired with `aria-invalid`/`aria-describedby` (see `PlainField`).
 */
export function FileField({
  id,
  label,
  errors,
  ns,
  hint,
  className,
  labelClassName,
  inputRef,
  ...input
}: Omit<ComponentPropsWithoutRef<typeof FileInput>, "aria-invalid" | "aria-describedby" | "className"> & {
  label: ReactNode;
  errors?: string | readonly string[] | null;
  ns: string;
  hint?: ReactNode;
  className?: string;
  labelClassName?: string;
  /** The native input (to read its files from code). */
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <PlainField
      id={id}
      label={label}
      errors={errors}
      ns={ns}
      hint={hint}
      className={className}
      labelClassName={labelClassName}
    >
      {(control) => <FileInput {...input} {...control} ref={inputRef} />}
    </PlainField>
  );
}
