import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import type { Viewer } from "../viewer";

/** Sign-in links for visitors; the user's menu once signed in. */
export function AccountMenu({ viewer }: { viewer: Viewer | null }) {
  const { t } = useTranslation();
  if (!viewer) {
    return (
      <div className="flex items-center gap-2 text-sm">
        <LocalizedLink to="/login" className="rounded px-2 py-1 font-medium text-slate-700 hover:bg-slate-100">
          {t("account.login")}
        </LocalizedLink>
        <LocalizedLink
          to="/signup"
          className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
        >
          {t("account.signup")}
        </LocalizedLink>
      </div>
    );
  }
  return <span className="text-sm text-slate-700">{viewer.name}</span>;
}
