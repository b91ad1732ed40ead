import { useTranslation } from "react-i18next";
import { LocalizedLink } from "./localized-link";

export interface Crumb {
  label: string;
  /** an app path (the language prefix is added); the last crumb, the current page, has none */
  to?: string;
}

/**
 * The trail to a deep page (WAI-ARIA breadcrumb pattern): a labelled nav with an ordered list, the current page last
 * with aria-current. On phones it stays on one line and the middle crumbs shrink with an ellipsis.
 */
export function Breadcrumbs({ items, className = "" }: { items: Crumb[]; className?: string }) {
  const { t } = useTranslation("layout");
  return (
    <nav
      aria-label={t("breadcrumbs.label")}
      className={`mb-3 text-sm text-slate-600 ${className}`}
      data-testid="breadcrumbs"
    >
      <ol className="flex min-w-0 flex-wrap items-center gap-x-1 gap-y-0.5">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${item.label}`} className="flex min-w-0 items-center gap-1">
              {i > 0 ? (
                <span aria-hidden="true" className="text-slate-400">
                  /
                </span>
              ) : null}
              {item.to && !last ? (
                <LocalizedLink to={item.to} className="max-w-[14rem] truncate text-brand-700 hover:underline">
                  {item.label}
                </LocalizedLink>
              ) : (
                <span aria-current={last ? "page" : undefined} className="max-w-[18rem] truncate text-slate-800">
                  {item.label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
