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

/** Per language instance: at most this many distinct calls are kept (then the memo starts afresh). */
const MEMO_LIMIT = 20_000;

/**
 * Server instances translate the same few hundred keys on every page; i18next resolves, interpolates and post-processes
 * each call afresh (≈ 2 ms of CPU a catalog page, docs/performance.md). The resources never change after init, so a
 * call's result depends on its key and options only: calls whose options are plain values (lng, ns, count, an
 * interpolated number or string…) are kept per key and options; calls with anything else (an object to format, a
 * function) go to i18next as before.
 */
export function memoizePlainLookups(instance: I18n): I18n {
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const memo = new Map<string, unknown>();
  const t = (...args: unknown[]) => {
    const [key, options] = args;
    const optionsKey = args.length <= 2 && typeof key === "string" ? plainOptionsKey(options) : null;
    if (optionsKey === null) return translate(...args);
    const memoKey = `${key}\u0000${optionsKey}`;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    const value = translate(key, options);
    if (typeof value === "string") {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(memoKey, value);
    }
    return value;
  };
  instance.t = t as unknown as I18n["t"];
  memoizeFixedT(instance);
  return instance;
}

type FixedT = ((key: unknown, ...rest: unknown[]) => unknown) & { lng?: unknown; lngs?: unknown; ns?: unknown };

/**
 * react-i18next's `useTranslation` asks for a fixed t on every render of every component (≈ 100 a catalog page), and
 * each of its calls copies the options and adds the language and namespace before reaching the memo above. Here a
 * fixed t is made once per language, namespace and key prefix, and its calls with a key only (most of a page's) are
 * answered from its own memo; every other call goes the usual way.
 */
function memoizeFixedT(instance: I18n): void {
  const original = instance.getFixedT.bind(instance) as unknown as (...args: unknown[]) => FixedT;
  const fixed = new Map<string, FixedT>();
  const plainKey = (v: unknown) => v === undefined || v === null || typeof v === "string";
  instance.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown) => {
    if (!plainKey(lng) || !plainKey(ns) || !plainKey(keyPrefix)) return original(lng, ns, keyPrefix);
    const id = `${lng ?? ""}\u0000${ns ?? ""}\u0000${keyPrefix ?? ""}`;
    let t = fixed.get(id);
    if (!t) {
      const inner = original(lng, ns, keyPrefix);
      const memo = new Map<string, string>();
      const withMemo: FixedT = (key: unknown, ...rest: unknown[]) => {
        if (rest.length > 0 || typeof key !== "string") return inner(key, ...rest);
        const known = memo.get(key);
        if (known !== undefined) return known;
        const value = inner(key);
        if (typeof value === "string") {
          if (memo.size >= MEMO_LIMIT) memo.clear();
          memo.set(key, value);
        }
        return value;
      };
      withMemo.lng = inner.lng;
      withMemo.lngs = inner.lngs;
      withMemo.ns = inner.ns;
      (withMemo as { keyPrefix?: unknown }).keyPrefix = (inner as { keyPrefix?: unknown }).keyPrefix;
      t = withMemo;
      fixed.set(id, t);
    }
    return t;
  }) as unknown as I18n["getFixedT"];
}

/**
 * A key of options made of plain values only (strings, numbers, booleans, lists of strings); else null. Keys are taken
 * in the object's own order: a call site always builds its options the same way, and another order only makes a second
 * entry for the same text.
 */
function plainOptionsKey(options: unknown): string | null {
  if (options === undefined) return "";
  if (typeof options !== "object" || options === null || Array.isArray(options)) return null;
  let key = "";
  for (const k in options) {
    const v = (options as Record<string, unknown>)[k];
    if (v === undefined) continue;
    // useTranslation's fixed t passes `lngs: null` when it has no language list of its own
    if (v === null) key += `\u0000${k}=null`;
    // strings carry their length: no value (a search query, say) can read as further options of another call
    else if (typeof v === "string") key += `\u0000${k}=s${v.length}:${v}`;
    else if (typeof v === "number") key += `\u0000${k}=n:${v}`;
    else if (typeof v === "boolean") key += `\u0000${k}=b:${v}`;
    else if (Array.isArray(v) && v.every((x) => typeof x === "string"))
      key += `\u0000${k}=a${v.length}:${v.map((x) => `${x.length}:${x}`).join("")}`;
    else return null;
  }
  return key;
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
