import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { getT } from "~/modules/i18n/i18n.server";
import { HeaderSearch } from "~/modules/search/ui/header-search";

const sectors = ["HEAT_POWER", "HYDRO_POWER", "GRID", "MUNICIPAL"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getT(request);
  return { title: t("home.title"), description: t("home.description") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "description", content: data?.description },
];

export default function Home() {
  const { t } = useTranslation();
  useLoaderData<typeof loader>();
  return (
    <div className="space-y-10">
      <section className="rounded-xl bg-brand-800 px-6 py-10 text-white" aria-labelledby="home-heading">
        <h1 id="home-heading" className="max-w-3xl text-3xl font-bold leading-tight">
          {t("home.heading")}
        </h1>
        <p className="mt-3 max-w-2xl text-brand-100">{t("home.lead")}</p>
        <div className="mt-6 rounded-lg bg-white p-2 text-slate-900">
          <HeaderSearch />
        </div>
      </section>
      <section aria-labelledby="sectors-heading">
        <h2 id="sectors-heading" className="mb-4 text-xl font-semibold">
          {t("home.sectorsHeading")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {sectors.map((sector) => (
            <li key={sector}>
              <LocalizedLink
                to={`/catalog?sector=${sector}`}
                className="block rounded-lg border border-slate-200 bg-white p-5 font-medium hover:border-brand-600"
              >
                {t(`sectors.${sector}`)}
              </LocalizedLink>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="how-heading">
        <h2 id="how-heading" className="mb-4 text-xl font-semibold">
          {t("home.howHeading")}
        </h2>
        <ol className="grid gap-4 md:grid-cols-3">
          {(["how1", "how2", "how3"] as const).map((key, i) => (
            <li key={key} className="rounded-lg border border-slate-200 bg-white p-5">
              <span className="text-2xl font-bold text-brand-600">{i + 1}</span>
              <p className="mt-2 text-slate-700">{t(`home.${key}`)}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
