import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { AccountMenu } from "~/modules/accounts/ui/account-menu";
import { NotificationBell } from "~/modules/notifications/ui/notification-bell";
import { RfqCartLink } from "~/modules/rfq/ui/cart-link";
import { HeaderSearch } from "~/modules/search/ui/header-search";
import { LanguageSwitch } from "./language-switch";
import { useRootData } from "./root-data";

export function SiteHeader() {
  const { t } = useTranslation();
  const root = useRootData();
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
        <LocalizedLink to="/" className="flex items-center gap-2" aria-label={t("nav.home")}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span className="text-lg font-bold text-brand-800">{t("brand")}</span>
        </LocalizedLink>
        <nav aria-label={t("nav.main")} className="flex items-center gap-1 text-sm">
          <LocalizedLink to="/catalog" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
            {t("nav.catalog")}
          </LocalizedLink>
          <LocalizedLink to="/rfq/new" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
            {t("nav.newRfq")}
          </LocalizedLink>
        </nav>
        <div className="order-last w-full md:order-none md:w-auto md:flex-1">
          <HeaderSearch />
        </div>
        <div className="ml-auto flex items-center gap-2">
          <LanguageSwitch />
          {root?.viewer?.organization?.kind === "BUYER" ? <RfqCartLink count={root.cartCount} /> : null}
          {root?.viewer ? <NotificationBell count={root.unreadNotifications} /> : null}
          <AccountMenu viewer={root?.viewer ?? null} />
        </div>
      </div>
    </header>
  );
}
