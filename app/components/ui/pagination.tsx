import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Previous/next links that keep the other URL parameters. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation("layout");
  const location = useLocation();
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav aria-label={t("pagination.label")} className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link to={href(page - 1)} className="text-brand-700 underline" rel="prev">
          {t("pagination.prev")}
        </Link>
      ) : null}
      <span>{t("pagination.page", { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link to={href(page + 1)} className="text-brand-700 underline" rel="next">
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
