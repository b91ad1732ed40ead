import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { VerifiedBadge } from "~/modules/accounts/ui/verified-badge";
import { getCategoryTree, listFeaturedSuppliers } from "~/modules/catalog/catalog.server";
import { getT } from "~/modules/i18n/i18n.server";
import { useLang } from "~/modules/i18n/use-lang";
import { HeaderSearch } from "~/modules/search/ui/header-search";

const sectors = ["HEAT_POWER", "HYDRO_POWER", "GRID", "MUNICIPAL"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getT(request);
  const [featured, tree] = await Promise.all([listFeaturedSuppliers(8), getCategoryTree()]);
  return {
    title: t("home.title"),
    description: t("home.description"),
    featured: featured.map((s) => ({
      id: s.id,
      slug: s.slug,
      shortName: s.shortName,
      city: s.city,
      sectors: s.sectors,
      productCount: s.productCount,
    })),
    sectorCategories: Object.fromEntries(
      tree.map((root) => [
        root.sector,
        {
          slug: root.slug,
          children: root.children.slice(0, 6).map((c) => ({ slug: c.slug, nameRu: c.nameRu, nameEn: c.nameEn })),
        },
      ]),
    ),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "description", content: data?.description },
];

export default function Home() {
  const { t } = useTranslation();
  const { t: tcat } = useTranslation("catalog");
  const lang = useLang();
  const { featured, sectorCategories } = useLoaderData<typeof loader>();
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
              {sectorCategories[sector]?.children.length ? (
                <ul className="mt-2 space-y-1 px-1 text-sm">
                  {sectorCategories[sector].children.map((c) => (
                    <li key={c.slug}>
                      <LocalizedLink to={`/catalog/${c.slug}`} className="text-brand-700 hover:underline">
                        {lang === "en" ? c.nameEn : c.nameRu}
                      </LocalizedLink>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading" className="mb-4 text-xl font-semibold">
          {tcat("home.featuredHeading")}
        </h2>
        {featured.length === 0 ? (
          <p className="text-slate-600">{tcat("home.noSuppliers")}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="featured-suppliers">
            {featured.map((s) => (
              <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <LocalizedLink to={`/suppliers/${s.slug}`} className="font-medium text-brand-700 hover:underline">
                  {s.shortName}
                </LocalizedLink>
                <VerifiedBadge className="ml-2" compact />
                <p className="mt-1 text-sm text-slate-600">{s.city}</p>
                <p className="text-sm text-slate-600">{s.sectors.map((x) => t(`sectors.${x}`)).join(", ")}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {tcat("supplier.productCount", { count: s.productCount })}
                </p>
              </li>
            ))}
          </ul>
        )}
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
