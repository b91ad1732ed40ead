import type { InitOptions, Resource } from "i18next";
import { baseI18nConfig, defaultLanguage } from "./i18n";

/** Every translation file, bundled into the server (the browser loads only its page's language, see i18n.ts). */
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

export const i18nConfig = { ...baseI18nConfig, ns: namespaces, resources } satisfies InitOptions;
