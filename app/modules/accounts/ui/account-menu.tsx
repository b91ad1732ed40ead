import { Form, useLocation } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { useLocalizePath } from "~/modules/i18n/use-lang";
import type { Viewer } from "../viewer";

/**
 * Sign-in links for visitors; for a signed-in user a disclosure menu: who and for which organisation, switching the
 * organisation, workspace links by organisation kind, settings and sign-out. Escape and clicks outside close it.
 */
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
  return <SignedInMenu viewer={viewer} />;
}

const itemClass = "block rounded px-3 py-2 text-sm text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100";

function SignedInMenu({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation("accounts");
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const location = useLocation();
  const localize = useLocalizePath();

  // close on navigation
  useEffect(() => setOpen(false), [location.key]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!panelRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) {
        setOpen(false);
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const org = viewer.organization;
  const others = viewer.organizations.filter((o) => o.id !== org?.id);

  return (
    <div className="relative flex items-center gap-2">
      {!viewer.emailVerified && !viewer.isOperator ? (
        <LocalizedLink
          to="/verify-email"
          title={t("menu.verifyBanner")}
          className="hidden rounded bg-amber-100 px-2 py-1 text-xs font-medium text-amber-900 hover:bg-amber-200 sm:inline-block"
        >
          {t("menu.verifyLink")}
        </LocalizedLink>
      ) : null}
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        className="flex max-w-64 items-center gap-1 rounded-md border border-slate-200 px-2 py-1.5 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-700 sm:gap-2 sm:px-3"
        data-testid="account-menu-button"
      >
        {/* on phones the button shows the initials; the name and organisation stay its accessible name */}
        <span
          aria-hidden="true"
          className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800 sm:hidden"
        >
          {initials(viewer.name)}
        </span>
        <span className="sr-only min-w-0 sm:not-sr-only">
          <span className="block truncate font-medium text-slate-900">{viewer.name}</span>
          <span className="block truncate text-xs text-slate-500" data-testid="active-organization">
            {org ? org.shortName : viewer.isOperator ? t("menu.operator") : ""}
          </span>
          {/* the accessible name starts with the visible text (WCAG 2.5.3 label in name) */}
          <span className="sr-only"> — {t("menu.label")}</span>
        </span>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={`h-4 w-4 shrink-0 fill-current ${open ? "rotate-180" : ""}`}
        >
          <path d="M5.5 7.5L10 12l4.5-4.5z" />
        </svg>
      </button>
      <div
        ref={panelRef}
        id={panelId}
        hidden={!open}
        className="absolute right-0 top-full z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
      >
        <div className="border-b border-slate-100 px-3 pb-2">
          {!viewer.emailVerified && !viewer.isOperator ? (
            <LocalizedLink
              to="/verify-email"
              className="mb-2 block rounded bg-amber-100 px-2 py-1 text-xs font-medium text-amber-900 hover:bg-amber-200 sm:hidden"
            >
              {t("menu.verifyLink")}
            </LocalizedLink>
          ) : null}
          <p className="truncate text-sm font-medium">{viewer.name}</p>
          <p className="truncate text-xs text-slate-500">{viewer.email}</p>
          {org ? (
            <p className="mt-1 text-xs text-slate-600">
              {t("menu.activeOrg")}: <span className="font-medium">{org.shortName}</span> · {t(`kinds.${org.kind}`)} ·{" "}
              {t(`roles.${org.role}`)}
            </p>
          ) : null}
        </div>
        {others.length > 0 ? (
          <div className="border-b border-slate-100 py-1">
            <p className="px-3 pt-1 text-xs font-medium uppercase tracking-wide text-slate-500">{t("menu.switch")}</p>
            {others.map((o) => (
              <Form key={o.id} method="post" action={localize("/account/switch-org")}>
                <input type="hidden" name="organizationId" value={o.id} />
                <button
                  type="submit"
                  className={`${itemClass} w-full text-left`}
                  aria-label={`${t("menu.switchTo")} ${o.shortName}`}
                >
                  {o.shortName} <span className="text-xs text-slate-500">· {t(`kinds.${o.kind}`)}</span>
                </button>
              </Form>
            ))}
          </div>
        ) : null}
        <nav aria-label={t("menu.label")} className="py-1">
          {org?.kind === "BUYER" ? (
            <LocalizedLink to="/buyer/rfqs" className={itemClass}>
              {t("menu.buyerRfqs")}
            </LocalizedLink>
          ) : null}
          {org?.kind === "SUPPLIER" ? (
            <>
              <LocalizedLink to="/supplier/inbox" className={itemClass}>
                {t("menu.supplierInbox")}
              </LocalizedLink>
              <LocalizedLink to="/supplier/products" className={itemClass}>
                {t("menu.supplierProducts")}
              </LocalizedLink>
              <LocalizedLink to="/supplier/requisites" className={itemClass}>
                {t("menu.supplierRequisites")}
              </LocalizedLink>
            </>
          ) : null}
          {org ? (
            <LocalizedLink to="/orders" className={itemClass}>
              {t("menu.orders")}
            </LocalizedLink>
          ) : null}
          {viewer.isOperator ? (
            <LocalizedLink to="/admin" className={itemClass}>
              {t("menu.admin")}
            </LocalizedLink>
          ) : null}
          {org ? (
            <>
              <LocalizedLink to="/account/members" className={itemClass}>
                {t("menu.members")}
              </LocalizedLink>
              <LocalizedLink to="/account/organization" className={itemClass}>
                {t("menu.organization")}
              </LocalizedLink>
            </>
          ) : null}
          <LocalizedLink to="/account" className={itemClass}>
            {t("menu.settings")}
          </LocalizedLink>
          <LocalizedLink to="/account/sessions" className={itemClass}>
            {t("menu.sessions")}
          </LocalizedLink>
        </nav>
        <Form method="post" action={localize("/logout")} className="border-t border-slate-100 pt-1">
          <button type="submit" className={`${itemClass} w-full text-left text-red-700`}>
            {t("logout.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}

/** «Анна Соколова» → «АС»; one word → its first letter. */
function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    parts
      .slice(0, 2)
      .map((p) => p[0]?.toUpperCase() ?? "")
      .join("") || "?"
  );
}
