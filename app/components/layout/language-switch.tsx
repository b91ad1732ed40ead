import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localizePath, stripLang } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";

/** Links to the same page in the other language (a full page load, so every string is re-rendered on the server). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const other = lang === "ru" ? "en" : "ru";
  const href = localizePath(other, stripLang(location.pathname)) + location.search;
  return (
    <a
      href={href}
      hrefLang={other}
      lang={other}
      className="rounded px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100"
      data-testid="language-switch"
    >
      {t("language.switchTo")}
    </a>
  );
}
