import { type InputHTMLAttributes, lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
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

/** The calendar pop-up, loaded on first open so no page's first-load JS carries it. */
const DateCalendar = lazy(() => import("./date-calendar"));

type Props = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "defaultValue" | "value" | "onChange" | "min" | "max"
> & {
  name: string;
  id: string;
  defaultValue?: string | null;
  /** Called with the ISO date (or the raw text when it is not a date). */
  onValueChange?: (value: string) => void;
  /** The earliest and latest ISO dates the calendar lets one pick (days outside are disabled). */
  min?: string;
  max?: string;
};

export function DateInput({ name, id, defaultValue, onValueChange, className, form, min, max, ...rest }: Props) {
  const { t } = useTranslation("layout");
  const lang = useLang();
  const [text, setText] = useState(() => formatDateText(defaultValue));
  const [hydrated, setHydrated] = useState(false);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setHydrated(true), []);
  const value = text.trim() === "" ? "" : (parseDateText(text) ?? text);
  const change = (next: string) => {
    setText(next);
    onValueChange?.(next.trim() === "" ? "" : (parseDateText(next) ?? next));
  };
  const close = useCallback((refocus = true) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);
  return (
    <div className="relative flex items-end gap-2">
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
        onChange={(e) => change(e.target.value)}
        className={`${className ?? ""} min-w-0 flex-1`}
        data-date-input={name}
      />
      {/* The calendar needs JavaScript: the button appears once the page is hydrated; typing works without it. */}
      <button
        ref={button}
        type="button"
        hidden={!hydrated}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={t("field.chooseDate")}
        title={t("field.chooseDate")}
        onClick={() => setOpen((o) => !o)}
        className="mt-1 shrink-0 rounded border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
        data-date-button={name}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        >
          <rect x="3" y="4.5" width="14" height="12.5" rx="1.5" />
          <path d="M3 8.5h14M7 3v3M13 3v3" strokeLinecap="round" />
        </svg>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <DateCalendar
            lang={lang}
            value={parseDateText(text)}
            min={min}
            max={max}
            onClose={close}
            onPick={(iso) => {
              change(formatDateText(iso));
              close();
            }}
          />
        </Suspense>
      ) : null}
      <input type="hidden" name={name} value={value} form={form} />
    </div>
  );
}
