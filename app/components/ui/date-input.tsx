import { type InputHTMLAttributes, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLang } from "~/modules/i18n/use-lang";

/**
 * A date typed in the page's language (ADR 0028): «дд.мм.гггг» on Russian pages, «dd.mm.yyyy» on English ones.
 * The visible text input has no name; a hidden input under `name` carries the ISO date (YYYY-MM-DD) the schemas
 * read. Text that is not a date is sent as typed, so the server's check answers «Проверьте дату» next to the field
 * and the text stays. `defaultValue` is an ISO date (or empty).
 */
export function parseDateText(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  const parts = iso
    ? [iso[3], iso[2], iso[1]]
    : dmy
      ? [dmy[1], dmy[2], dmy[3]]
      : compact
        ? [compact[1], compact[2], compact[3]]
        : null;
  if (!parts) return null;
  const [d, m, y] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** An ISO date (YYYY-MM-DD, or a full ISO timestamp) as the page shows it: 31.12.2026. */
export function formatDateText(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  return m ? `${m[3]}.${m[2]}.${m[1]}` : (iso ?? "");
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "defaultValue" | "value" | "onChange"> & {
  name: string;
  id: string;
  defaultValue?: string | null;
  /** Called with the ISO date (or the raw text when it is not a date). */
  onValueChange?: (value: string) => void;
};

export function DateInput({ name, id, defaultValue, onValueChange, className, form, ...rest }: Props) {
  const { t } = useTranslation("layout");
  const lang = useLang();
  const [text, setText] = useState(() => formatDateText(defaultValue));
  const value = text.trim() === "" ? "" : (parseDateText(text) ?? text);
  return (
    <>
      <input
        {...rest}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        lang={lang}
        placeholder={t("field.datePlaceholder")}
        title={t("field.dateTitle")}
        pattern="\s*(\d{1,2}[./\-]\d{1,2}[./\-]\d{4}|\d{8}|\d{4}-\d{2}-\d{2})\s*"
        maxLength={10}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value.trim() === "" ? "" : (parseDateText(e.target.value) ?? e.target.value);
          onValueChange?.(next);
        }}
        className={className}
        data-date-input={name}
      />
      <input type="hidden" name={name} value={value} form={form} />
    </>
  );
}
