import type { ComponentPropsWithoutRef, Ref } from "react";
import { FileInput } from "./file-input";
import { PlainField, type PlainFieldProps } from "./plain-field";

type FileInputProps = Omit<ComponentPropsWithoutRef<typeof FileInput>, "id" | "aria-invalid" | "aria-describedby">;

/**
 * A labelled file upload of a page form: `PlainField` (label, hint, the errors the action returned) around THE file
 * input (`FileInput`), wired with `aria-invalid`/`aria-describedby`. `input` holds the input's own attributes.
 */
export function FileField({
  input,
  inputRef,
  ...field
}: Omit<PlainFieldProps, "children"> & {
  input: FileInputProps;
  /** The native input (to read its files from code). */
  inputRef?: Ref<HTMLInputElement>;
}) {
  return <PlainField {...field}>{(control) => <FileInput {...input} {...control} ref={inputRef} />}</PlainField>;
}
