import { defaultLanguage, isLang, type Lang } from "./i18n";

/** The language a pathname is in: `/en/...` is English, everything else Russian. */
export function langFromPath(pathname: string): Lang {
  const first = pathname.split("/")[1];
  return first === "en" ? "en" : defaultLanguage;
}

/** The pathname without its language prefix: `/en/catalog` → `/catalog`. */
export function stripLang(pathname: string): string {
  const first = pathname.split("/")[1];
  if (isLang(first) && first !== defaultLanguage) {
    const rest = pathname.slice(first.length + 1);
    return rest === "" ? "/" : rest;
  }
  return pathname;
}

/** Prefix an app path with the language segment: ("en", "/catalog?q=1") → "/en/catalog?q=1". */
export function localizePath(lang: Lang, path: string): string {
  if (!path.startsWith("/")) return path;
  if (lang === defaultLanguage) return path;
  if (path === "/") return `/${lang}`;
  if (path.startsWith("/?") || path.startsWith("/#")) return `/${lang}${path.slice(1)}`;
  return `/${lang}${path}`;
}
