import type { InitOptions, Resource } from "i18next";

export const supportedLanguages = ["ru", "en"] as const;
export type Lang = (typeof supportedLanguages)[number];
export const defaultLanguage: Lang = "ru";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

/**
 * Every namespace file under app/locales/<lang>/<ns>.json is bundled. A module adds its strings by adding
 * `app/locales/ru/<module>.json` and `app/locales/en/<module>.json` with the same keys.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>("../../locales/*/*.json", { eager: true });

export const resources: Resource = {};
for (const [path, mod] of Object.entries(files)) {
  const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) continue;
  const [, lng, ns] = match;
  resources[lng] ??= {};
  resources[lng][ns] = mod.default;
}

export const namespaces = Object.keys(resources[defaultLanguage] ?? { common: {} });

export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  defaultNS: "common",
  ns: namespaces,
  resources,
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions;
