import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { secondaryButtonClass } from "~/components/ui/button";
import { plainInputClass } from "~/components/ui/field";
import { useLocalizePath } from "~/modules/i18n/use-lang";

type Params = Record<string, string | null | undefined>;

/** Builds links to a filtered list page (`basePath?status=…&q=…&page=…`), keeping the current status and query. */
export function useListHref(basePath: string, status: string | null, q: string | null) {
  const localize = useLocalizePath();
  return (params: Params) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries({ status, q, ...params })) if (v) sp.set(k, v);
    const s = sp.toString();
    return localize(`${basePath}${s ? `?${s}` : ""}`);
  };
}

/** Status tabs with counts and a search box for the buyer's RFQ list and the supplier's inbox. */
export function ListFilters<S extends string>({
  href,
  status,
  q,
  statuses,
  statusLabel,
  counts,
  filterLabel,
  searchId,
  searchPlaceholder,
}: {
  href: (params: Params) => string;
  status: string | null;
  q: string | null;
  statuses: readonly S[];
  statusLabel: (s: S) => string;
  counts: Partial<Record<string, number>>;
  filterLabel: string;
  searchId: string;
  searchPlaceholder: string;
}) {
  const { t } = useTranslation("rfq");
  return (
    <>
      <nav aria-label={filterLabel} className="flex flex-wrap gap-2 text-sm">
        <a
          href={href({ status: null, page: null })}
          aria-current={!status ? "page" : undefined}
          className={`rounded px-3 py-1 ${!status ? "bg-brand-600 text-white" : "bg-slate-100"}`}
        >
          {t("filters.all")}
        </a>
        {statuses.map((s) => (
          <a
            key={s}
            href={href({ status: s, page: null })}
            aria-current={status === s ? "page" : undefined}
            className={`rounded px-3 py-1 ${status === s ? "bg-brand-600 text-white" : "bg-slate-100"}`}
          >
            {statusLabel(s)} ({counts[s] ?? 0})
          </a>
        ))}
      </nav>
      <Form method="get" className="flex gap-2" role="search">
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <label htmlFor={searchId} className="sr-only">
          {t("filters.search")}
        </label>
        <input
          id={searchId}
          name="q"
          defaultValue={q ?? ""}
          placeholder={searchPlaceholder}
          className={`${plainInputClass} mt-0 max-w-md`}
        />
        <button type="submit" className={secondaryButtonClass}>
          {t("filters.find")}
        </button>
      </Form>
    </>
  );
}
