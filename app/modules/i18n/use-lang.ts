import { useLocation } from "@remix-run/react";
import { useCallback } from "react";
import type { Lang } from "./i18n";
import { langFromPath, localizePath } from "./paths";

/** The language of the current page, from its URL. */
export function useLang(): Lang {
  return langFromPath(useLocation().pathname);
}

/** Returns a function that prefixes app paths with the current language (`/catalog` → `/en/catalog` on English pages). */
export function useLocalizePath(): (path: string) => string {
  const lang = useLang();
  return useCallback((path: string) => localizePath(lang, path), [lang]);
}
