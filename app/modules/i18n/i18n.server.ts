import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { defaultLanguage, isLang, type Lang } from "./i18n";
import { i18nConfig } from "./i18n-resources.server";
import { langFromPath } from "./paths";

export function getLang(request: Request): Lang {
  return langFromPath(new URL(request.url).pathname);
}

/**
 * One i18next instance per language for the whole process (not one per request: creating and initialising an
 * instance cost ≈ 1 ms of CPU a page, see docs/performance.md "Fast pages"). The instances are read-only after init:
 * every namespace is bundled (i18n-resources.server.ts), and nobody calls changeLanguage on them — a request's
 * language is fixed by its URL, so each request gets its language's instance.
 */
const instances = new Map<Lang, Promise<I18n>>();

export function i18nFor(lang: Lang): Promise<I18n> {
  const key: Lang = isLang(lang) ? lang : defaultLanguage;
  let instance = instances.get(key);
  if (!instance) {
    const created = createInstance();
    instance = created.init({ ...i18nConfig, lng: key }).then(() => created);
    instances.set(key, instance);
  }
  return instance;
}

/** A translation function for server code (meta, emails, action errors); the language comes from the URL. */
export async function getT(request: Request, ns: string = "common"): Promise<TFunction> {
  return getFixedT(getLang(request), ns);
}

/** A translation function for a known language, e.g. for emails rendered by the worker. */
export async function getFixedT(lang: Lang, ns: string = "common"): Promise<TFunction> {
  return (await i18nFor(lang)).getFixedT(lang, ns);
}

/** The shared instance of a language (kept for callers that render with an I18nextProvider). */
export async function createI18n(lang: Lang): Promise<I18n> {
  return i18nFor(lang);
}
