import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizePath } from "~/modules/i18n/use-lang";

/** The search box in the site header: a plain GET form to /catalog, so it works without JavaScript. */
export function HeaderSearch({ defaultValue }: { defaultValue?: string }) {
  const { t } = useTranslation();
  const localize = useLocalizePath();
  return (
    <Form method="get" action={localize("/catalog")} role="search" className="flex w-full max-w-xl">
      <label htmlFor="header-search" className="sr-only">
        {t("search.label")}
      </label>
      <input
        id="header-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={t("search.placeholder")}
        className="w-full rounded-l-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600"
        autoComplete="off"
      />
      <button
        type="submit"
        className="rounded-r-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t("search.submit")}
      </button>
    </Form>
  );
}
