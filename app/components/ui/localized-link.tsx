import { Link, type LinkProps, NavLink, type NavLinkProps } from "@remix-run/react";
import { forwardRef } from "react";
import { useLocalizePath } from "~/modules/i18n/use-lang";

/** A Link whose `to` is an app path ("/catalog"); the current language prefix is added. */
export const LocalizedLink = forwardRef<HTMLAnchorElement, LinkProps & { to: string }>(function LocalizedLink(
  { to, ...props },
  ref,
) {
  const localize = useLocalizePath();
  return <Link ref={ref} to={localize(to)} {...props} />;
});

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
export const TextLink = forwardRef<HTMLAnchorElement, LinkProps & { to: string }>(function TextLink(
  { className, ...props },
  ref,
) {
  return <LocalizedLink ref={ref} className={className ? `${linkClass} ${className}` : linkClass} {...props} />;
});
