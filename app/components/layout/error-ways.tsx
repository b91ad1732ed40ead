import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { useRootData } from "./root-data";

/** Where a signed-in person's own work starts (mirrors workspacePath on the server). */
function workspaceOf(viewer: NonNullable<ReturnType<typeof useRootData>>["viewer"]): string | null {
  if (!viewer) return null;
  if (viewer.organization?.kind === "SUPPLIER") return "/supplier/inbox";
  if (viewer.organization?.kind === "BUYER") return "/buyer/rfqs";
  if (viewer.isOperator) return "/admin";
  return "/account";
}

/**
 * The ways out of an error or missing page: back (the previous page with JavaScript, the home page without), home,
 * the catalog and, for a signed-in person, their workspace.
 */
export function ErrorWays() {
  const { t } = useTranslation("layout");
  const root = useRootData();
  const workspace = workspaceOf(root?.viewer ?? null);
  const linkClass =
    "inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";
  return (
    <nav aria-label={t("notFound.ways")} className="mt-8" data-testid="error-ways">
      <ul className="flex flex-wrap justify-center gap-2">
        <li>
          <LocalizedLink
            to="/"
            className={linkClass}
            onClick={(e) => {
              if (window.history.length > 1) {
                e.preventDefault();
                window.history.back();
              }
            }}
          >
            ← {t("notFound.back")}
          </LocalizedLink>
        </li>
        <li>
          <LocalizedLink to="/" className={linkClass}>
            {t("notFound.home")}
          </LocalizedLink>
        </li>
        <li>
          <LocalizedLink to="/catalog" className={linkClass}>
            {t("notFound.catalog")}
          </LocalizedLink>
        </li>
        {workspace ? (
          <li>
            <LocalizedLink
              to={workspace}
              className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t("notFound.workspace")}
            </LocalizedLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
