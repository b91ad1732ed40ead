import { useTranslation } from "react-i18next";
import { LocalizedNavLink } from "~/components/ui/localized-link";

/** Section navigation of the account pages. */
export function AccountNav({ hasOrganization }: { hasOrganization: boolean }) {
  const { t } = useTranslation("accounts");
  const { t: ti } = useTranslation("integration");
  const cls = ({ isActive }: { isActive: boolean }) =>
    `block rounded px-3 py-2 text-sm ${isActive ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <nav aria-label={t("account.nav")} className="md:w-52 md:shrink-0">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        <li>
          <LocalizedNavLink to="/account" end className={cls}>
            {t("account.navProfile")}
          </LocalizedNavLink>
        </li>
        <li>
          <LocalizedNavLink to="/account/sessions" className={cls}>
            {t("account.navSessions")}
          </LocalizedNavLink>
        </li>
        {hasOrganization ? (
          <>
            <li>
              <LocalizedNavLink to="/account/members" className={cls}>
                {t("account.navMembers")}
              </LocalizedNavLink>
            </li>
            <li>
              <LocalizedNavLink to="/account/organization" className={cls}>
                {t("account.navOrganization")}
              </LocalizedNavLink>
            </li>
            <li>
              <LocalizedNavLink to="/account/api-keys" className={cls}>
                {ti("apiKeys.title")}
              </LocalizedNavLink>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}

/** Translates an accounts error key ("errors.innChecksum") in the page's language; passes other text through. */
export function useAccountsErrorT() {
  const { t } = useTranslation("accounts");
  return (key: string) => (key.startsWith("errors.") ? t(key) : key);
}
