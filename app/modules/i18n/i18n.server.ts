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
    instance = created.init({ ...i18nConfig, lng: key }).then(() => memoizePlainLookups(created));
    instances.set(key, instance);
  }
  return instance;
}

/** Options of a lookup with nothing to interpolate: what `getFixedT`/`useTranslation` add to a bare `t("key")`. */
const LOOKUP_ONLY = new Set(["lng", "lngs", "ns", "keyPrefix"]);

/**
 * Server instances translate the same few hundred keys on every page; i18next resolves, interpolates and post-processes
 * each call afresh (≈ 2 ms of CPU a catalog page, docs/performance.md). The resources never change after init, so a
 * lookup with nothing to interpolate (no values, no count, no context, no default) is kept per language, namespace and
 * key; every other call goes to i18next as before.
 */
export function memoizePlainLookups(instance: I18n): I18n {
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const memo = new Map<string, unknown>();
  const t = (...args: unknown[]) => {
    const [key, options] = args;
    if (args.length > 2 || typeof key !== "string" || (options !== undefined && !isLookupOnly(options)))
      return translate(...args);
    const o = (options ?? {}) as { lng?: string; lngs?: string[]; ns?: string | string[]; keyPrefix?: string };
    const memoKey = [o.lng, o.lngs?.join(","), Array.isArray(o.ns) ? o.ns.join(",") : o.ns, o.keyPrefix, key].join(
      "\u0000",
    );
    if (memo.has(memoKey)) return memo.get(memoKey);
    const value = translate(key, options);
    if (typeof value === "string" && memo.size < 20_000) memo.set(memoKey, value);
    return value;
  };
  instance.t = t as unknown as I18n["t"];
  return instance;
}

function isLookupOnly(options: unknown): boolean {
  if (typeof options !== "object" || options === null || Array.isArray(options)) return false;
  for (const [k, v] of Object.entries(options)) {
    if (!LOOKUP_ONLY.has(k)) return false;
    if (v !== undefined && typeof v !== "string" && !(Array.isArray(v) && v.every((x) => typeof x === "string")))
      return false;
  }
  return true;
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
