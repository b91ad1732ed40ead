import type { InitOptions, Resource } from "i18next";

export const supportedLanguages = ["ru", "en"] as const;
export type Lang = (typeof supportedLanguages)[number];
export const defaultLanguage: Lang = "ru";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

/**
 * Translations live in `app/locales/<lang>/<module>.json` (same keys in both languages; a module adds its own file).
 * The server bundles all of them (`i18n-resources.server.ts`); the browser loads only the page's language, one small
 * chunk per namespace, before hydration — so a page never ships the other language.
 */
const lazyFiles = import.meta.glob<{ default: Record<string, unknown> }>("../../locales/*/*.json");

export async function loadResources(lang: Lang): Promise<Resource> {
  const entries = await Promise.all(
    Object.entries(lazyFiles)
      .map(([path, load]) => ({ match: /locales\/([^/]+)\/([^/]+)\.json$/.exec(path), load }))
      .filter(({ match }) => match?.[1] === lang)
      .map(async ({ match, load }) => [match![2], (await load()).default] as const),
  );
  return { [lang]: Object.fromEntries(entries) };
}

export const baseI18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions;
