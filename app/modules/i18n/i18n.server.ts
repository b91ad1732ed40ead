import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { defaultLanguage, type Lang } from "./i18n";
import { i18nConfig } from "./i18n-resources.server";
import { langFromPath } from "./paths";

/** The language of a request comes from its URL alone: /en/... is English, everything else Russian. */
export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...i18nConfig.supportedLngs],
    fallbackLanguage: defaultLanguage,
    findLocale: async (request) => langFromPath(new URL(request.url).pathname),
    order: ["custom"],
  },
  i18next: { ...i18nConfig },
});

export function getLang(request: Request): Lang {
  return langFromPath(new URL(request.url).pathname);
}

/** A translation function for server code (meta, emails, action errors). */
export async function getT(request: Request, ns: string = "common"): Promise<TFunction> {
  return remixI18n.getFixedT(request, ns);
}

/** A translation function for a known language, e.g. for emails rendered by the worker. */
export async function getFixedT(lang: Lang, ns: string = "common"): Promise<TFunction> {
  const instance = await createI18n(lang);
  return instance.getFixedT(lang, ns);
}

export async function createI18n(lang: Lang): Promise<I18n> {
  const instance = createInstance();
  await instance.init({ ...i18nConfig, lng: lang });
  return instance;
}
