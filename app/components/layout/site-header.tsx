import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { AccountMenu } from "~/modules/accounts/ui/account-menu";
import { NotificationBell } from "~/modules/notifications/ui/notification-bell";
import { RfqCartLink } from "~/modules/rfq/ui/cart-link";
import { HeaderSearch } from "~/modules/search/ui/header-search";
import { LanguageSwitch } from "./language-switch";
import { RoleNavBar, RoleNavMenu, roleNavItems } from "./role-nav";
import { useRootData } from "./root-data";

/**
 * The header: brand, the sections of the viewer's role (a bar on wide screens, a menu on phones), search, language,
 * the RFQ cart (buyers), notifications and the account menu. Fits a 390 px phone: the search takes its own row.
 */
export function SiteHeader() {
  const { t } = useTranslation();
  const root = useRootData();
  const viewer = root?.viewer ?? null;
  const items = roleNavItems(viewer, { cart: root?.cartCount });
  return (
    <header className="no-print relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
        <RoleNavMenu items={items} unread={viewer ? root?.unreadNotifications : undefined} />
        <LocalizedLink to="/" className="flex shrink-0 items-center gap-2" aria-label={t("nav.home")}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span className="hidden text-lg font-bold text-brand-800 sm:inline">{t("brand")}</span>
        </LocalizedLink>
        <RoleNavBar items={items} />
        <div className="order-last w-full lg:order-none lg:w-auto lg:flex-1">
          <HeaderSearch />
        </div>
        <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
          <LanguageSwitch />
          {viewer?.organization?.kind === "BUYER" ? (
            <span className="hidden sm:contents">
              <RfqCartLink count={root?.cartCount} />
            </span>
          ) : null}
          {viewer ? <NotificationBell count={root?.unreadNotifications} /> : null}
          <AccountMenu viewer={viewer} />
        </div>
      </div>
    </header>
  );
}
