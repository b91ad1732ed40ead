import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { intlLocaleOf } from "~/modules/i18n/format";
import type { Lang } from "~/modules/i18n/i18n";
import { addMonths, clampDate, isOutOfRange, monthGrid, moveByKey, todayIso } from "./calendar-grid";

/**
 * The month grid `DateInput` opens (ADR 0028), loaded on first open so pages do not carry it. Month and weekday names
 * come from Intl in the page's language; weeks start on Monday. Keys follow the WAI-ARIA date picker dialog: arrows
 * move by day/week, PageUp/PageDown by month, Home/End to the week's ends, Enter/Space pick, Escape closes.
 */
export default function DateCalendar({
  lang,
  value,
  min,
  max,
  onPick,
  onClose,
}: {
  lang: Lang;
  value: string | null;
  min?: string;
  max?: string;
  onPick: (iso: string) => void;
  /** `refocus` false when the user clicked elsewhere (the focus goes where they clicked). */
  onClose: (refocus?: boolean) => void;
}) {
  const { t } = useTranslation("layout");
  const today = todayIso();
  const [focused, setFocused] = useState(() => clampDate(value ?? today, min, max));
  const root = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  const titleId = useId();
  const locale = intlLocaleOf(lang);
  const names = useMemo(() => {
    const utc = { timeZone: "UTC" } as const;
    return {
      month: new Intl.DateTimeFormat(locale, { ...utc, month: "long" }),
      year: new Intl.DateTimeFormat(locale, { ...utc, year: "numeric" }),
      weekdayShort: new Intl.DateTimeFormat(locale, { ...utc, weekday: "short" }),
      weekdayLong: new Intl.DateTimeFormat(locale, { ...utc, weekday: "long" }),
      day: new Intl.DateTimeFormat(locale, { ...utc, day: "numeric", month: "long", year: "numeric" }),
    };
  }, [locale]);
  const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const weeks = monthGrid(focused);
  const monthKey = focused.slice(0, 7);
  const title = `${names.month.format(at(focused))} ${names.year.format(at(focused))}`;

  useEffect(() => {
    // The focused day takes the keyboard focus on open and after every move (a roving tabindex).
    grid.current?.querySelector<HTMLElement>(`[data-day="${focused}"]`)?.focus();
  }, [focused]);

  useEffect(() => {
    const outside = (e: PointerEvent) => {
      // The field and its button (the dialog's parent) do not count as outside: the button toggles the calendar itself.
      const field = root.current?.parentElement;
      if (field && !field.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableCellElement>) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (!isOutOfRange(focused, min, max)) onPick(focused);
      return;
    }
    const next = moveByKey(focused, e.key, min, max);
    if (next) {
      e.preventDefault();
      setFocused(next);
    }
  };

  const navClass =
    "rounded px-2 py-1 text-lg leading-none text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600";
  return (
    <div
      ref={root}
      role="dialog"
      aria-modal="false"
      aria-label={t("field.calendar")}
      className="absolute left-0 top-full z-30 mt-1 w-[18.5rem] max-w-[calc(100vw-2rem)] rounded border border-slate-200 bg-white p-3 shadow-lg"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="mb-2 flex items-center justify-between">
        <button
          type="button"
          className={navClass}
          aria-label={t("field.prevMonth")}
          onClick={() => setFocused(clampDate(addMonths(focused, -1), min, max))}
        >
          ‹
        </button>
        <div id={titleId} className="text-sm font-semibold" aria-live="polite">
          {title}
        </div>
        <button
          type="button"
          className={navClass}
          aria-label={t("field.nextMonth")}
          onClick={() => setFocused(clampDate(addMonths(focused, 1), min, max))}
        >
          ›
        </button>
      </div>
      {/* The WAI-ARIA date picker grid: a table whose cells are the days, one of them focusable (roving tabindex). */}
      <table
        ref={grid}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA grid is a table
        role="grid"
        aria-labelledby={titleId}
        className="w-full table-fixed border-collapse text-center text-sm"
      >
        <thead>
          <tr>
            {weeks[0]?.map((iso) => (
              <th
                key={iso}
                scope="col"
                abbr={names.weekdayLong.format(at(iso))}
                className="pb-1 text-xs font-medium text-slate-600"
              >
                {names.weekdayShort.format(at(iso))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((iso) => {
                const disabled = isOutOfRange(iso, min, max);
                const selected = iso === value;
                const inMonth = iso.slice(0, 7) === monthKey;
                return (
                  <td
                    key={iso}
                    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a day of the grid takes the focus
                    role="gridcell"
                    data-day={iso}
                    tabIndex={iso === focused ? 0 : -1}
                    aria-selected={selected}
                    aria-disabled={disabled || undefined}
                    aria-current={iso === today ? "date" : undefined}
                    aria-label={names.day.format(at(iso))}
                    onKeyDown={onKeyDown}
                    onClick={() => {
                      if (!disabled) onPick(iso);
                    }}
                    className={[
                      "h-9 cursor-pointer rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600",
                      selected ? "bg-brand-600 font-semibold text-white" : "hover:bg-slate-100",
                      !selected && inMonth ? "text-slate-900" : "",
                      !selected && !inMonth ? "text-slate-500" : "",
                      iso === today && !selected ? "font-semibold underline decoration-2 underline-offset-4" : "",
                      disabled ? "cursor-not-allowed text-slate-400 line-through hover:bg-transparent" : "",
                    ].join(" ")}
                  >
                    {Number(iso.slice(8))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
