import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { LEGAL_DOCS } from "~/modules/legal/ui/docs";

export function SiteFooter() {
  const { t } = useTranslation();
  const { t: tl } = useTranslation("legal");
  return (
    <footer className="no-print mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-6 text-sm text-slate-600 md:flex-row md:justify-between">
        <p>{t("footer.about")}</p>
        <nav aria-label={tl("nav")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {LEGAL_DOCS.map((doc) => (
              <li key={doc}>
                <LocalizedLink to={`/legal/${doc}`} className="text-slate-700 underline hover:text-brand-700">
                  {tl(`docs.${doc}.title`)}
                </LocalizedLink>
              </li>
            ))}
          </ul>
        </nav>
        <p>{t("footer.rights", { year: new Date().getFullYear() })}</p>
      </div>
    </footer>
  );
}
