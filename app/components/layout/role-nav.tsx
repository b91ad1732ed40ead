import { Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Viewer } from "~/modules/accounts/viewer";
import { stripLang } from "~/modules/i18n/paths";
import { useLocalizePath } from "~/modules/i18n/use-lang";

export interface RoleNavItem {
  /** the app path (without the language prefix) */
  to: string;
  /** key in the layout namespace, under roleNav */
  label: string;
  /** a number shown as a badge (new/unread), when known and > 0 */
  badge?: number;
  /** match the whole path only (for /admin, so /admin/categories does not light it up) */
  end?: boolean;
}

/**
 * The sections a person works in, by who they are: a visitor and a buyer shop and ask for prices, a supplier answers
 * and keeps a catalog, the operator checks organisations. One list, shown as a bar on wide screens and in the phone
 * menu.
 */
export function roleNavItems(viewer: Viewer | null, counts: { cart?: number; unread?: number } = {}): RoleNavItem[] {
  if (viewer?.isOperator && !viewer.organization) {
    return [
      { to: "/admin/verification", label: "adminQueue" },
      { to: "/admin/organizations", label: "adminOrganizations" },
      { to: "/admin/categories", label: "adminCategories" },
    ];
  }
  const kind = viewer?.organization?.kind;
  if (kind === "SUPPLIER") {
    return [
      { to: "/supplier/inbox", label: "supplierInbox" },
      { to: "/supplier/products", label: "supplierProducts" },
      { to: "/orders", label: "orders" },
      { to: "/supplier/import", label: "supplierImport" },
    ];
  }
  if (kind === "BUYER") {
    return [
      { to: "/catalog", label: "catalog" },
      { to: "/buyer/rfqs", label: "buyerRfqs" },
      { to: "/orders", label: "orders" },
      { to: "/rfq/cart", label: "cart", badge: counts.cart },
    ];
  }
  return [
    { to: "/catalog", label: "catalog" },
    { to: "/rfq/new", label: "newRfq" },
  ];
}

function Badge({ count }: { count: number }) {
  const { t } = useTranslation("layout");
  return (
    <span className="ml-1 inline-flex min-w-5 justify-center rounded-full bg-brand-600 px-1.5 text-xs font-semibold leading-5 text-white">
      <span aria-hidden="true">{count > 99 ? "99+" : count}</span>
      <span className="sr-only">{t("roleNav.badge", { count })}</span>
    </span>
  );
}

/** Whether the item is the current section: its path (and query, when it has one) matches the page's. */
function useIsActive(): (item: RoleNavItem) => boolean {
  const location = useLocation();
  const path = stripLang(location.pathname);
  const search = new URLSearchParams(location.search);
  return (item) => {
    const [itemPath, itemQuery] = item.to.split("?");
    const pathMatches =
      item.end || itemQuery ? path === itemPath : path === itemPath || path.startsWith(`${itemPath}/`);
    if (!pathMatches) return false;
    if (itemQuery) {
      return [...new URLSearchParams(itemQuery)].every(([k, v]) => search.get(k) === v);
    }
    return true;
  };
}

const barClass = (active: boolean) =>
  `inline-flex items-center rounded px-2 py-1 ${
    active ? "bg-brand-50 font-medium text-brand-800" : "text-slate-700 hover:bg-slate-100"
  }`;

/** The section bar on wide screens (lg and up). */
export function RoleNavBar({ items }: { items: RoleNavItem[] }) {
  const { t } = useTranslation("layout");
  const localize = useLocalizePath();
  const isActive = useIsActive();
  return (
    <nav aria-label={t("roleNav.label")} className="hidden items-center gap-1 text-sm lg:flex" data-testid="role-nav">
      {items.map((item) => (
        <Link
          key={item.to}
          to={localize(item.to)}
          className={barClass(isActive(item))}
          aria-current={isActive(item) ? "page" : undefined}
        >
          {t(`roleNav.${item.label}`)}
          {item.badge ? <Badge count={item.badge} /> : null}
        </Link>
      ))}
    </nav>
  );
}

/**
 * The phone menu: a disclosure (<details>, so it opens without JavaScript too) with the same sections as the bar.
 * It closes when the page changes.
 */
export function RoleNavMenu({ items, unread }: { items: RoleNavItem[]; unread?: number }) {
  const { t } = useTranslation("layout");
  const localize = useLocalizePath();
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  const isActive = useIsActive();
  // closes on every navigation (a new location key)
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [location.key]);
  return (
    <details ref={ref} className="group lg:hidden" data-testid="role-nav-menu">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-200 px-2 py-1.5 text-sm text-slate-800 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          width="18"
          height="18"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path className="group-open:hidden" d="M4 6h16M4 12h16M4 18h16" />
          <path className="hidden group-open:block" d="M6 6l12 12M18 6L6 18" />
        </svg>
        <span>{t("roleNav.menu")}</span>
        {unread ? <Badge count={unread} /> : null}
      </summary>
      <nav
        aria-label={t("roleNav.label")}
        className="absolute inset-x-0 top-full z-40 border-b border-slate-200 bg-white px-4 py-2 shadow-lg"
      >
        <ul className="mx-auto flex max-w-7xl flex-col text-base">
          {items.map((item) => (
            <li key={item.to}>
              <Link
                to={localize(item.to)}
                aria-current={isActive(item) ? "page" : undefined}
                className={`flex items-center rounded px-3 py-2.5 ${isActive(item) ? "bg-brand-50 font-medium text-brand-800" : "text-slate-800 hover:bg-slate-100"}`}
              >
                {t(`roleNav.${item.label}`)}
                {item.badge ? <Badge count={item.badge} /> : null}
              </Link>
            </li>
          ))}
          {unread !== undefined ? (
            <li>
              <Link
                to={localize("/notifications")}
                className="flex items-center rounded px-3 py-2.5 text-slate-800 hover:bg-slate-100"
              >
                {t("roleNav.notifications")}
                {unread ? <Badge count={unread} /> : null}
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </details>
  );
}
