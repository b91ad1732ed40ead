import { Form, useNavigate } from "@remix-run/react";
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLang, useLocalizePath } from "~/modules/i18n/use-lang";
import type { Suggestions } from "../search.server";
import { Highlighted } from "./highlighted";

interface Option {
  id: string;
  href: string;
  group: "search" | "products" | "categories" | "suppliers";
  label: React.ReactNode;
  detail?: string;
}

/**
 * The search box in the site header: a plain GET form to /catalog (works without JavaScript) and, with JavaScript,
 * an autocomplete combobox (WAI-ARIA 1.2 pattern): ↓/↑ move through products, categories and suppliers, Enter opens
 * the active one (or searches), Esc closes the list.
 *
 * Suggestions are read with a plain `fetch` of the JSON API, not a Remix fetcher: a fetcher takes part in every
 * navigation (it is revalidated), and one still waiting for its route to be discovered when the search is submitted
 * turned the whole page into «Страница не найдена» (issue #25; the router "revalidates" it against a route it does not
 * know yet and reports 404 to the root). Text typed before the page finished hydrating is picked up on mount, so a fast
 * typist's query is not wiped by the first render.
 */
export function HeaderSearch({ defaultValue }: { defaultValue?: string }) {
  const { t } = useTranslation();
  const { t: ts } = useTranslation("search");
  const lang = useLang();
  const localize = useLocalizePath();
  const navigate = useNavigate();
  const [data, setData] = useState<Suggestions | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const request = useRef<AbortController>();
  const uid = useId().replace(/:/g, "");
  const inputId = `header-search-${uid}`;
  const listId = `header-suggest-${uid}`;
  const [value, setValue] = useState(defaultValue ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );
  // typed before hydration: the DOM holds text React's state does not know about yet
  useEffect(() => {
    const typed = inputRef.current?.value ?? "";
    if (typed !== value) setValue(typed);
  }, []);

  const loadSuggestions = async (query: string) => {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    try {
      const response = await fetch(`/api/v1/suggest?q=${encodeURIComponent(query)}`, {
        signal: controller.signal,
        headers: { Accept: "application/json" },
      });
      if (!controller.signal.aborted) setData(response.ok ? ((await response.json()) as Suggestions) : null);
    } catch {
      // aborted by a newer query, or offline: keep the list as it is
    }
  };
  const q = value.trim();
  const options = useMemo<Option[]>(() => {
    if (q.length < 2) return [];
    const list: Option[] = [
      {
        id: `${listId}-search`,
        href: `${localize("/catalog")}?q=${encodeURIComponent(q)}`,
        group: "search",
        label: ts("suggest.searchFor", { q }),
      },
    ];
    for (const p of data?.products ?? []) {
      list.push({
        id: `${listId}-p-${p.id}`,
        href: localize(`/products/${p.card.slug}`),
        group: "products",
        label: <Highlighted segments={p.highlight.title} fallback={p.card.title} />,
        detail: `${p.card.sku} · ${p.card.supplierName}`,
      });
    }
    for (const c of data?.categories ?? []) {
      list.push({
        id: `${listId}-c-${c.id}`,
        href: localize(`/catalog/${c.slug}`),
        group: "categories",
        label: lang === "ru" ? c.nameRu : c.nameEn,
        detail: ts("suggest.count", { count: c.count }),
      });
    }
    for (const s of data?.suppliers ?? []) {
      list.push({
        id: `${listId}-s-${s.slug}`,
        href: `${localize("/catalog")}?supplier=${encodeURIComponent(s.slug)}`,
        group: "suppliers",
        label: `${s.name}${s.verified ? " ✓" : ""}`,
        detail: ts("suggest.count", { count: s.count }),
      });
    }
    return list;
  }, [data, q, listId, localize, lang, ts]);

  const expanded = open && options.length > 0;

  const onInput = (next: string) => {
    setValue(next);
    setActive(-1);
    setOpen(true);
    clearTimeout(timer.current);
    if (next.trim().length >= 2) {
      timer.current = setTimeout(() => void loadSuggestions(next.trim()), 150);
    }
  };
  const pick = (option: Option) => {
    setOpen(false);
    setActive(-1);
    navigate(option.href);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === "Escape") {
      if (expanded) event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const groups: Option["group"][] = ["search", "products", "categories", "suppliers"];
  return (
    <Form
      method="get"
      action={localize("/catalog")}
      role="search"
      className="relative flex w-full max-w-xl"
      onSubmit={() => {
        clearTimeout(timer.current);
        request.current?.abort();
        setOpen(false);
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        {t("search.label")}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        name="q"
        type="search"
        value={value}
        onChange={(e) => onInput(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        placeholder={t("search.placeholder")}
        className="w-full rounded-l-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-brand-600"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? options[active]?.id : undefined}
      />
      <button
        type="submit"
        className="rounded-r-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t("search.submit")}
      </button>
      <div
        id={listId}
        role="listbox"
        aria-label={ts("suggest.label")}
        hidden={!expanded}
        className="absolute left-0 right-0 top-full z-30 mt-1 max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm text-slate-900 shadow-lg"
      >
        {groups.map((group) => {
          const items = options.filter((o) => o.group === group);
          if (items.length === 0) return null;
          return (
            // biome-ignore lint/a11y/useSemanticElements: a listbox groups its options with role="group" (no fieldset)
            <div key={group} role="group" aria-label={group === "search" ? undefined : ts(`suggest.${group}`)}>
              {group !== "search" ? (
                <div aria-hidden="true" className="px-3 pt-2 pb-1 text-xs font-semibold uppercase text-slate-500">
                  {ts(`suggest.${group}`)}
                </div>
              ) : null}
              {items.map((o) => {
                const index = options.indexOf(o);
                return (
                  <div
                    key={o.id}
                    id={o.id}
                    role="option"
                    aria-selected={index === active}
                    tabIndex={-1}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => pick(o)}
                    onKeyDown={() => undefined}
                    onMouseEnter={() => setActive(index)}
                    className={`flex cursor-pointer flex-col px-3 py-1.5 ${index === active ? "bg-brand-50" : ""}`}
                  >
                    <span>{o.label}</span>
                    {o.detail ? <span className="text-xs text-slate-500">{o.detail}</span> : null}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </Form>
  );
}
