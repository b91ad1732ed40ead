import { Form, useLocation, useNavigate, useNavigation } from "@remix-run/react";
import { type FormEvent, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { formatNumber } from "~/modules/i18n/format";
import { localizeUnit } from "~/modules/i18n/units";
import { useLang, useLocalizePath } from "~/modules/i18n/use-lang";
import { SORT_VALUES, searchParamsToQuery } from "../search.params";
import type { CatalogPageSearch } from "../search.server";
import { ResultCard } from "./result-card";

/**
 * The catalog page: one GET form holds every filter, so the page works without JavaScript (the «Применить» button).
 * With JavaScript the form navigates on every change — as you type after a pause (replacing the history entry), at
 * once for a facet (a new entry, so Back undoes it). Old results stay visible while new ones load (no flicker).
 */
export function CatalogView({ data }: { data: CatalogPageSearch }) {
  const { t } = useTranslation("search");
  const { t: tc } = useTranslation();
  const lang = useLang();
  const localize = useLocalizePath();
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const queryRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const { params, result, facets, category } = data;
  const basePath = category ? `/catalog/${category.slug}` : "/catalog";
  const action = localize(basePath);
  const loading = navigation.state === "loading" && navigation.location?.pathname === location.pathname;

  // keep the box in step with the URL (Back/Forward, a suggestion) unless the user is typing in it
  useEffect(() => {
    const input = queryRef.current;
    if (input && document.activeElement !== input) input.value = params.q;
  }, [params.q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const go = (replace: boolean) => {
    const form = formRef.current;
    if (!form) return;
    const query = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v.trim() !== "") query.append(k, v);
    const qs = query.toString();
    navigate(`${action}${qs ? `?${qs}` : ""}`, { replace, preventScrollReset: true });
  };
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    clearTimeout(timer.current);
    if (target.name === "q") timer.current = setTimeout(() => go(true), 250);
    else if (target.dataset.range !== undefined) timer.current = setTimeout(() => go(false), 600);
    else go(false);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clearTimeout(timer.current);
    go(false);
  };

  const pageHref = (page: number) => {
    const qs = searchParamsToQuery({ ...params, page }).toString();
    return `${basePath}${qs ? `?${qs}` : ""}`;
  };
  const categoryName = category ? (lang === "ru" ? category.nameRu : category.nameEn) : null;
  const shownQuery = data.layoutQuery ?? params.q.trim();
  const title = shownQuery ? t("resultsFor", { q: shownQuery }) : (categoryName ?? t("heading"));

  // «В запрос»: the cart action adds and redirects back here with ?added=<slug>&addedToRfq=1 (PRG, works without JS)
  const current = new URLSearchParams(location.search);
  const addedSlug = current.get("addedToRfq") === "1" ? current.get("added") : null;
  current.delete("added");
  current.delete("addedToRfq");
  const rest = current.toString();
  const backTo = `${location.pathname}${rest ? `?${rest}` : ""}`;
  const cards = [...result.hits, ...data.substitutes];
  const addedHit = addedSlug ? cards.find((h) => h.slug === addedSlug) : undefined;
  const addForm = "rfq-add";
  const addingId =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "add"
      ? navigation.formData.get("productId")
      : null;
  const chips = activeFilters(data, lang, t, tc);
  const withoutAll = `${basePath}${params.q ? `?q=${encodeURIComponent(params.q)}` : ""}`;
  const hasFilters =
    params.sector.length +
      params.category.length +
      params.supplier.length +
      Object.keys(params.specs).length +
      Object.keys(params.specRanges).length >
      0 ||
    params.verified ||
    params.stock ||
    params.price_min !== undefined ||
    params.price_max !== undefined ||
    params.lead_max !== undefined;

  return (
    <div className="space-y-4">
      {category ? (
        <nav aria-label={t("breadcrumbs")} className="text-sm text-slate-600">
          <ol className="flex flex-wrap gap-1">
            <li>
              <LocalizedLink to="/catalog" className="hover:underline">
                {t("heading")}
              </LocalizedLink>
            </li>
            {category.path.map((c) => (
              <li key={c.id}>
                <span aria-hidden="true">› </span>
                <LocalizedLink to={`/catalog/${c.slug}`} className="hover:underline">
                  {lang === "ru" ? c.nameRu : c.nameEn}
                </LocalizedLink>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <h1 className="text-2xl font-bold">{title}</h1>
      {categoryName && shownQuery ? <p className="text-sm text-slate-600">{categoryName}</p> : null}
      {data.layoutQuery ? (
        <p className="text-sm text-slate-700" data-testid="layout-corrected">
          {t("layoutCorrected", { q: data.layoutQuery, typed: params.q })}
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="empty:hidden">
        {addedHit ? (
          <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {t("addToRfq.done", { title: addedHit.title })}{" "}
            <LocalizedLink to="/rfq/cart" className="font-medium underline">
              {t("addToRfq.toCart")}
            </LocalizedLink>
          </p>
        ) : null}
      </div>

      <Form
        ref={formRef}
        method="get"
        action={action}
        onChange={onChange}
        onSubmit={onSubmit}
        role="search"
        aria-label={t("heading")}
        className="grid gap-6 lg:grid-cols-[17rem_1fr]"
      >
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end lg:col-span-2">
          <div className="flex-1">
            <label htmlFor="catalog-q" className="mb-1 block text-sm font-medium">
              {t("queryLabel")}
            </label>
            <input
              ref={queryRef}
              id="catalog-q"
              name="q"
              type="search"
              defaultValue={params.q}
              placeholder={t("queryPlaceholder")}
              autoComplete="off"
              className="w-full rounded-md border border-slate-300 bg-white px-3 py-2"
            />
          </div>
          <div>
            <label htmlFor="catalog-sort" className="mb-1 block text-sm font-medium">
              {t("sortLabel")}
            </label>
            <select
              id="catalog-sort"
              name="sort"
              defaultValue={data.sort}
              key={data.sort}
              className="rounded-md border border-slate-300 bg-white px-3 py-2"
            >
              {SORT_VALUES.map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t("submit")}
          </button>
        </div>

        <aside aria-label={t("filters")} className="space-y-5">
          {facets ? (
            <>
              {result.facetsFromSample ? (
                <p className="text-xs text-slate-600">{t("facetsFromSample", { count: result.total })}</p>
              ) : null}
              <FacetGroup legend={t("facet.options")}>
                <Check
                  name="verified"
                  value="1"
                  checked={Boolean(params.verified)}
                  label={t("facet.verified")}
                  count={facets.verified}
                />
                <Check
                  name="stock"
                  value="1"
                  checked={Boolean(params.stock)}
                  label={t("facet.inStock")}
                  count={facets.inStock}
                />
              </FacetGroup>
              {!category && facets.sectors.length > 0 ? (
                <FacetGroup legend={t("facet.sector")}>
                  {facets.sectors.map((s) => (
                    <Check
                      key={s.value}
                      name="sector"
                      value={s.value}
                      checked={s.selected}
                      label={tc(`sectors.${s.value}`)}
                      count={s.count}
                    />
                  ))}
                </FacetGroup>
              ) : null}
              {facets.categories.length > 0 ? (
                <FacetGroup legend={t("facet.category")}>
                  {facets.categories.map((c) => (
                    <Check
                      key={c.id}
                      name="category"
                      value={c.slug}
                      checked={c.selected}
                      label={lang === "ru" ? c.nameRu : c.nameEn}
                      count={c.count}
                    />
                  ))}
                </FacetGroup>
              ) : null}
              {facets.specs
                .filter((s) => s.values.length > 0)
                .map((s) => (
                  <FacetGroup
                    key={s.code}
                    legend={`${lang === "ru" ? s.nameRu : s.nameEn}${s.unit ? `, ${localizeUnit(s.unit, lang)}` : ""}`}
                  >
                    {/* a numeric spec with many values is a range; its chosen values stay (they are in the URL) */}
                    {(s.numeric && s.values.length > NUMERIC_CHECKBOXES_MAX
                      ? s.values.filter((v) => v.selected)
                      : s.values.slice(0, 15)
                    ).map((v) => (
                      <Check
                        key={v.value}
                        name={`spec.${s.code}`}
                        value={v.value}
                        checked={v.selected}
                        label={lang === "ru" ? v.labelRu : v.labelEn}
                        count={v.count}
                      />
                    ))}
                    {s.numeric ? (
                      <div className="flex gap-2">
                        <RangeInput
                          name={`spec.${s.code}.min`}
                          label={t("facet.rangeMin")}
                          value={s.selectedRange.min}
                          placeholder={s.range?.min}
                          lang={lang}
                          decimal
                        />
                        <RangeInput
                          name={`spec.${s.code}.max`}
                          label={t("facet.rangeMax")}
                          value={s.selectedRange.max}
                          placeholder={s.range?.max}
                          lang={lang}
                          decimal
                        />
                      </div>
                    ) : null}
                  </FacetGroup>
                ))}
              {facets.suppliers.length > 0 ? (
                <FacetGroup legend={t("facet.supplier")}>
                  {facets.suppliers.slice(0, 12).map((s) => (
                    <Check
                      key={s.id}
                      name="supplier"
                      value={s.slug}
                      checked={s.selected}
                      label={`${s.name}${s.verified ? " ✓" : ""}`}
                      count={s.count}
                    />
                  ))}
                </FacetGroup>
              ) : null}
              <FacetGroup legend={t("facet.price")}>
                <div className="flex gap-2">
                  <RangeInput
                    name="price_min"
                    label={t("facet.priceMin")}
                    value={params.price_min}
                    placeholder={facets.price ? Math.floor(facets.price.min / 100) : undefined}
                    lang={lang}
                    money
                  />
                  <RangeInput
                    name="price_max"
                    label={t("facet.priceMax")}
                    value={params.price_max}
                    placeholder={facets.price ? Math.ceil(facets.price.max / 100) : undefined}
                    lang={lang}
                    money
                  />
                </div>
              </FacetGroup>
              <FacetGroup legend={t("facet.leadMax")}>
                <RangeInput
                  name="lead_max"
                  label={t("facet.leadMaxLabel")}
                  value={params.lead_max}
                  placeholder={facets.leadTime?.max}
                  lang={lang}
                />
              </FacetGroup>
            </>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="submit"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
            >
              {t("apply")}
            </button>
            {hasFilters ? (
              <LocalizedLink
                to={`${basePath}${params.q ? `?q=${encodeURIComponent(params.q)}` : ""}`}
                className="text-sm text-brand-700 underline"
              >
                {t("reset")}
              </LocalizedLink>
            ) : null}
          </div>
        </aside>

        <section
          aria-labelledby="results-count"
          aria-busy={loading}
          className={`space-y-3 transition-opacity ${loading ? "opacity-60" : ""}`}
        >
          {chips.length > 0 ? (
            <div className="flex flex-wrap items-center gap-2" data-testid="filter-chips">
              <span className="sr-only">{t("chips.label")}:</span>
              <ul className="flex flex-wrap gap-2">
                {chips.map((chip) => (
                  <li key={chip.key}>
                    <LocalizedLink
                      to={chip.href}
                      preventScrollReset
                      aria-label={t("chips.remove", { label: chip.label })}
                      className="inline-flex items-center gap-1 rounded-full border border-brand-200 bg-brand-50 px-3 py-1 text-sm text-brand-800 hover:bg-brand-100"
                    >
                      {chip.label}
                      <span aria-hidden="true">×</span>
                    </LocalizedLink>
                  </li>
                ))}
              </ul>
              <LocalizedLink to={withoutAll} className="text-sm text-brand-700 underline">
                {t("chips.resetAll")}
              </LocalizedLink>
            </div>
          ) : null}
          {/* the heading of the results (cards are h3): keeps the heading order h1 → h2 → h3 */}
          <h2 id="results-count" className="text-sm font-normal text-slate-600" aria-live="polite">
            {loading
              ? t("loading")
              : result.totalIsEstimate
                ? t("foundMore", { count: result.total })
                : t("found", { count: result.total })}
          </h2>
          {result.totalIsEstimate && !loading ? <p className="text-xs text-slate-600">{t("estimateHint")}</p> : null}
          {result.hits.length === 0 ? (
            <EmptyResult q={params.q} correction={result.correction} basePath={basePath} />
          ) : (
            <ol className="space-y-3" data-testid="results">
              {result.hits.map((hit) => (
                <li key={hit.id}>
                  <ResultCard hit={hit} addForm={addForm} added={hit.slug === addedSlug} adding={addingId === hit.id} />
                </li>
              ))}
            </ol>
          )}
          {data.substitutes.length > 0 ? (
            <section aria-labelledby="substitutes-heading" className="space-y-3 pt-2">
              <h3 id="substitutes-heading" className="text-base font-semibold">
                {t("substitutes")}
              </h3>
              <ol className="space-y-3" data-testid="substitutes">
                {data.substitutes.map((hit) => (
                  <li key={hit.id}>
                    <ResultCard
                      hit={hit}
                      addForm={addForm}
                      added={hit.slug === addedSlug}
                      adding={addingId === hit.id}
                    />
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          {data.pages > 1 ? <Pagination page={params.page} pages={data.pages} href={pageHref} /> : null}
        </section>
      </Form>
      {/* the cards' «В запрос» form: each card's button names it and sends its product (forms cannot nest) */}
      {cards.length > 0 ? (
        <Form id={addForm} method="post" action={localize("/rfq/cart")} preventScrollReset hidden>
          <input type="hidden" name="intent" value="add" />
          <input type="hidden" name="redirectTo" value={backTo} />
        </Form>
      ) : null}
    </div>
  );
}

interface Chip {
  key: string;
  label: string;
  href: string;
}

/** One removable chip per active filter value; each links to the same search without that value (page 1). */
function activeFilters(
  data: CatalogPageSearch,
  lang: "ru" | "en",
  t: (key: string, options?: Record<string, unknown>) => string,
  tc: (key: string) => string,
): Chip[] {
  const { params, facets, category } = data;
  const basePath = category ? `/catalog/${category.slug}` : "/catalog";
  const href = (p: typeof params) => {
    const qs = searchParamsToQuery({ ...p, page: 1 }).toString();
    return `${basePath}${qs ? `?${qs}` : ""}`;
  };
  const chips: Chip[] = [];
  for (const s of params.sector) {
    chips.push({
      key: `sector-${s}`,
      label: tc(`sectors.${s}`),
      href: href({ ...params, sector: params.sector.filter((x) => x !== s) }),
    });
  }
  for (const slug of params.category) {
    const c = facets?.categories.find((x) => x.slug === slug);
    const label = c ? (lang === "ru" ? c.nameRu : c.nameEn) : slug;
    chips.push({
      key: `category-${slug}`,
      label,
      href: href({ ...params, category: params.category.filter((x) => x !== slug) }),
    });
  }
  for (const slug of params.supplier) {
    const label = facets?.suppliers.find((x) => x.slug === slug)?.name ?? slug;
    chips.push({
      key: `supplier-${slug}`,
      label,
      href: href({ ...params, supplier: params.supplier.filter((x) => x !== slug) }),
    });
  }
  for (const [code, values] of Object.entries(params.specs)) {
    const spec = facets?.specs.find((x) => x.code === code);
    for (const v of values) {
      const option = spec?.values.find((x) => x.value === v);
      const value = option ? (lang === "ru" ? option.labelRu : option.labelEn) : v;
      const name = spec ? (lang === "ru" ? spec.nameRu : spec.nameEn) : code;
      const unit = spec?.unit ? ` ${localizeUnit(spec.unit, lang)}` : "";
      const rest = values.filter((x) => x !== v);
      const specs = { ...params.specs };
      if (rest.length) specs[code] = rest;
      else delete specs[code];
      chips.push({ key: `spec-${code}-${v}`, label: `${name}: ${value}${unit}`, href: href({ ...params, specs }) });
    }
  }
  for (const [code, range] of Object.entries(params.specRanges)) {
    const spec = facets?.specs.find((x) => x.code === code);
    if (!spec?.numeric) continue;
    const name = lang === "ru" ? spec.nameRu : spec.nameEn;
    const unit = spec.unit ? ` ${localizeUnit(spec.unit, lang)}` : "";
    for (const end of ["min", "max"] as const) {
      const n = range[end];
      if (n === undefined) continue;
      const specRanges = { ...params.specRanges, [code]: { ...range, [end]: undefined } };
      chips.push({
        key: `spec-${code}-${end}`,
        label: t(end === "min" ? "chips.specMin" : "chips.specMax", { name, value: formatNumber(n, lang), unit }),
        href: href({ ...params, specRanges }),
      });
    }
  }
  if (params.verified)
    chips.push({ key: "verified", label: t("chips.verified"), href: href({ ...params, verified: undefined }) });
  if (params.stock)
    chips.push({ key: "stock", label: t("chips.inStock"), href: href({ ...params, stock: undefined }) });
  if (params.price_min !== undefined) {
    const value = formatNumber(params.price_min, lang, 2);
    chips.push({
      key: "price_min",
      label: t("chips.priceMin", { value }),
      href: href({ ...params, price_min: undefined }),
    });
  }
  if (params.price_max !== undefined) {
    const value = formatNumber(params.price_max, lang, 2);
    chips.push({
      key: "price_max",
      label: t("chips.priceMax", { value }),
      href: href({ ...params, price_max: undefined }),
    });
  }
  if (params.lead_max !== undefined) {
    chips.push({
      key: "lead_max",
      label: t("chips.leadMax", { value: params.lead_max }),
      href: href({ ...params, lead_max: undefined }),
    });
  }
  return chips;
}

/** A numeric spec with more values than this is chosen by its range only (no list of checkboxes). */
const NUMERIC_CHECKBOXES_MAX = 8;

function FacetGroup({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1 text-sm font-semibold text-slate-800">{legend}</legend>
      {children}
    </fieldset>
  );
}

function Check(props: { name: string; value: string; checked: boolean; label: string; count: number }) {
  const id = `f-${props.name}-${props.value}`.replace(/[^\w-]/g, "_");
  return (
    <div className="flex items-start gap-2 text-sm">
      <input
        id={id}
        type="checkbox"
        name={props.name}
        value={props.value}
        defaultChecked={props.checked}
        key={`${id}-${props.checked}`}
        className="mt-0.5 h-4 w-4 rounded border-slate-300"
      />
      <label htmlFor={id} className="flex-1 text-slate-800">
        {`${props.label} `}
        <span className="text-slate-500">{`(${props.count})`}</span>
      </label>
    </div>
  );
}

/** A number filter; money is typed and shown with Russian digit grouping («1 500 000», parsed by the money module). */
function RangeInput(props: {
  name: string;
  label: string;
  value?: number;
  placeholder?: number;
  lang: "ru" | "en";
  money?: boolean;
  /** a decimal typed and shown in the page's number format («0,4», «1 000») */
  decimal?: boolean;
}) {
  const id = `f-${props.name}`;
  const text = props.money || props.decimal;
  const show = (n: number | undefined) =>
    n === undefined
      ? undefined
      : props.money
        ? formatNumber(n, props.lang, 2)
        : props.decimal
          ? formatNumber(n, props.lang)
          : String(n);
  return (
    <div className="flex-1">
      <label htmlFor={id} className="block text-xs text-slate-600">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={text ? "text" : "number"}
        inputMode={text ? "decimal" : "numeric"}
        min={text ? undefined : 0}
        data-range=""
        defaultValue={show(props.value)}
        key={`${id}-${props.value ?? ""}`}
        placeholder={show(props.placeholder)}
        className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      />
    </div>
  );
}

function EmptyResult({ q, correction, basePath }: { q: string; correction: string | null; basePath: string }) {
  const { t } = useTranslation("search");
  return (
    <div className="space-y-3 rounded-lg border border-dashed border-slate-300 bg-white p-6" data-testid="empty-result">
      <h2 className="text-lg font-semibold">{q ? t("empty.titleQuery", { q }) : t("empty.title")}</h2>
      {correction ? (
        <p>
          {t("empty.didYouMean")}{" "}
          <LocalizedLink
            to={`${basePath}?q=${encodeURIComponent(correction)}`}
            className="font-semibold text-brand-700 underline"
          >
            {correction}
          </LocalizedLink>
          ?
        </p>
      ) : null}
      <p className="text-sm text-slate-600">{t("empty.hint")}</p>
      <p>
        <LocalizedLink
          to="/rfq/new"
          className="inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          {t("empty.rfq")}
        </LocalizedLink>
      </p>
    </div>
  );
}

function Pagination({ page, pages, href }: { page: number; pages: number; href: (p: number) => string }) {
  const { t } = useTranslation("search");
  const from = Math.max(1, page - 2);
  const to = Math.min(pages, page + 2);
  const numbers: number[] = [];
  for (let p = from; p <= to; p++) numbers.push(p);
  const cls = "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("pagination.label")} className="flex flex-wrap items-center gap-1 pt-2">
      {page > 1 ? (
        <LocalizedLink to={href(page - 1)} rel="prev" className={cls} preventScrollReset={false}>
          {t("pagination.prev")}
        </LocalizedLink>
      ) : null}
      {numbers.map((p) =>
        p === page ? (
          <span key={p} aria-current="page" className="rounded bg-brand-600 px-3 py-1 text-sm font-semibold text-white">
            <span className="sr-only">{t("pagination.page", { page: p })}</span>
            <span aria-hidden="true">{p}</span>
          </span>
        ) : (
          <LocalizedLink key={p} to={href(p)} className={cls} aria-label={t("pagination.page", { page: p })}>
            {p}
          </LocalizedLink>
        ),
      )}
      {page < pages ? (
        <LocalizedLink to={href(page + 1)} rel="next" className={cls}>
          {t("pagination.next")}
        </LocalizedLink>
      ) : null}
    </nav>
  );
}
