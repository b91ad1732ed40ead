import { NavLink, type NavLinkProps, useNavigate } from "@remix-run/react";
import { type AnchorHTMLAttributes, createContext, forwardRef, type MouseEvent, useContext } from "react";
import { useLocalizePath } from "~/modules/i18n/use-lang";

/**
 * The router's navigate, taken once for the whole page (LinkNavigation in the root): every in-app link uses it.
 * Remix's `<Link>` resolves its target three times and runs half a dozen hooks per link; a catalog page has ≈ 50 links
 * and this was ≈ 7 % of its server render (docs/performance.md «Session 11»). The links behave the same: a plain left
 * click navigates in the app (replacing the history entry when the URL is the current one, as Remix does), anything
 * else (a new tab, a modified click, no JavaScript yet) is the browser's.
 */
const LinkNavigate = createContext<ReturnType<typeof useNavigate> | null>(null);

export function LinkNavigation({ children }: { children: React.ReactNode }) {
  const navigate = useNavigate();
  return <LinkNavigate.Provider value={navigate}>{children}</LinkNavigate.Provider>;
}

export type LocalizedLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  /** an app path ("/catalog?q=…"); the page's language prefix is added */
  to: string;
  replace?: boolean;
  /** keep the scroll position (a filter chip, a page of results) */
  preventScrollReset?: boolean;
};

/** A link to an app path in the current page's language, navigating in the app (no page reload) once hydrated. */
export const LocalizedLink = forwardRef<HTMLAnchorElement, LocalizedLinkProps>(function LocalizedLink(
  { to, replace, preventScrollReset, onClick, target, ...props },
  ref,
) {
  const href = useLocalizePath()(to);
  const navigate = useContext(LinkNavigate);
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || !navigate || !isPlainClick(event, target)) return;
    event.preventDefault();
    const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    navigate(href, { replace: replace ?? here === href, preventScrollReset });
  };
  // data-discover: Remix's route discovery fetches the route modules of links on the page (as its <Link> marks them)
  return <a ref={ref} href={href} target={target} data-discover="true" {...props} onClick={follow} />;
});

/** A left click with no modifier key on a link that opens in this tab: the router's (as react-router decides). */
function isPlainClick(event: MouseEvent<HTMLAnchorElement>, target: string | undefined): boolean {
  return (
    event.button === 0 &&
    (!target || target === "_self") &&
    !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey)
  );
}

export const LocalizedNavLink = forwardRef<HTMLAnchorElement, NavLinkProps & { to: string }>(function LocalizedNavLink(
  { to, ...props },
  ref,
) {
  const localize = useLocalizePath();
  return <NavLink ref={ref} to={localize(to)} {...props} />;
});

/** The look of an in-text link (underlined, brand colour). */
export const linkClass = "text-brand-700 underline";

/** An in-text link to an app path in the page language: the one look of links that read as text. */
export const TextLink = forwardRef<HTMLAnchorElement, LocalizedLinkProps>(function TextLink(
  { className, ...props },
  ref,
) {
  return <LocalizedLink ref={ref} className={className ? `${linkClass} ${className}` : linkClass} {...props} />;
});
