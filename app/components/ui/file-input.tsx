import { forwardRef, type InputHTMLAttributes, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * THE file input (ADR 0028): the native control is visually hidden (still focusable and labelled by the field's
 * label), and a button in the page's language («Выбрать файл» / «Choose file») plus the chosen names stand in for the
 * browser's own «Choose Files» text. Playwright's `setInputFiles` and screen readers reach the native input.
 */
type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> & { id: string; className?: string };

export const FileInput = forwardRef<HTMLInputElement, Props>(function FileInput(
  { id, multiple, className, onChange, ...rest },
  ref,
) {
  const { t } = useTranslation("layout");
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className={`mt-1 flex flex-wrap items-center gap-2 ${className ?? ""}`}>
      <input
        {...rest}
        ref={ref}
        id={id}
        type="file"
        multiple={multiple}
        className="peer sr-only"
        onChange={(e) => {
          setNames(Array.from(e.target.files ?? [], (f) => f.name));
          onChange?.(e);
        }}
      />
      <label
        htmlFor={id}
        className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700 peer-aria-[invalid=true]:border-red-600"
        data-file-button
      >
        {multiple ? t("field.chooseFiles") : t("field.chooseFile")}
      </label>
      <span className="min-w-0 break-all text-sm text-slate-600" aria-live="polite" data-file-names>
        {names.length === 0
          ? multiple
            ? t("field.noFiles")
            : t("field.noFile")
          : names.length > 3
            ? t("field.filesChosen", { count: names.length })
            : names.join(", ")}
      </span>
    </div>
  );
});
