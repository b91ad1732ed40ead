import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { Pagination } from "~/components/ui/pagination";
import { Panel } from "~/components/ui/panel";
import { VerifiedBadge } from "~/modules/accounts/ui/verified-badge";
import { getSupplierProfile } from "~/modules/catalog/catalog.server";
import { CategoryIllustration } from "~/modules/catalog/ui/category-illustration";
import { PriceBlock } from "~/modules/catalog/ui/price-block";
import { ProductPhoto } from "~/modules/catalog/ui/product-photo";
import { SupplierRatingText } from "~/modules/catalog/ui/supplier-rating";
import { formatDate } from "~/modules/i18n/format";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";
import { getSupplierScorecard } from "~/modules/orders/index.server";
import { ScorecardBlock } from "~/modules/orders/ui/scorecard";
import { publicOrigin } from "~/utils/origin.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1") || 1;
  const profile = await getSupplierProfile(params.slug ?? "", { page: Math.min(Math.max(1, page), 10_000) });
  if (!profile) throw new Response("Not Found", { status: 404 });
  const lang = getLang(request);
  const t = await getT(request, "catalog");
  const tc = await getT(request);
  const s = profile.supplier;
  const origin = publicOrigin();
  return {
    ...profile,
    scorecard: await getSupplierScorecard(s.id),
    products: profile.products.map((p) => ({ ...p, priceKopecks: p.priceKopecks?.toString() ?? null })),
    meta: {
      title: t("supplier.metaTitle", { name: s.shortName }),
      description: t("supplier.metaDescription", {
        legalName: s.legalName,
        inn: s.inn,
        sectors: s.sectors.map((x) => tc(`sectors.${x}`)).join(", "),
      }),
      canonical: `${origin}${localizePath(lang, `/suppliers/${s.slug}`)}`,
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: data.meta.title },
        { name: "description", content: data.meta.description },
        { tagName: "link", rel: "canonical", href: data.meta.canonical },
        { property: "og:type", content: "profile" },
        { property: "og:title", content: data.meta.title },
        { property: "og:description", content: data.meta.description },
        { property: "og:url", content: data.meta.canonical },
      ]
    : [{ title: "404" }];

export default function SupplierProfilePage() {
  const { supplier, products, total, page, pageCount, categories, scorecard } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalog");
  const { t: tc } = useTranslation();
  const lang = useLang();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{supplier.shortName}</h1>
        {supplier.verifiedAt ? <VerifiedBadge /> : null}
        <p className="text-slate-700">{supplier.legalName}</p>
        {supplier.description ? <p className="max-w-3xl text-slate-700">{supplier.description}</p> : null}
      </header>
      <div className="grid gap-6 md:grid-cols-3">
        <Panel id="legal-heading" title={t("supplier.legal")} className="space-y-2">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">{t("supplier.inn")}</dt>
            <dd className="font-mono" data-testid="supplier-inn">
              {supplier.inn}
            </dd>
            {supplier.kpp ? (
              <>
                <dt className="text-slate-600">{t("supplier.kpp")}</dt>
                <dd className="font-mono">{supplier.kpp}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">{t("supplier.ogrn")}</dt>
            <dd className="font-mono">{supplier.ogrn}</dd>
            <dt className="text-slate-600">{t("supplier.address")}</dt>
            <dd>{supplier.legalAddress}</dd>
          </dl>
          <p className="mt-3 text-xs text-slate-500">
            {t("supplier.onPlatformSince", { date: formatDate(supplier.createdAt, lang) })}
          </p>
        </Panel>
        <Panel id="delivery-heading" title={t("supplier.delivery")} className="space-y-2">
          <p className="whitespace-pre-line text-sm">{supplier.deliveryTerms ?? t("supplier.noDelivery")}</p>
          <h3 className="mt-4 font-semibold">{t("supplier.sectors")}</h3>
          <ul className="mt-1 flex flex-wrap gap-2 text-sm">
            {supplier.sectors.map((s) => (
              <li key={s}>
                <LocalizedLink
                  to={`/catalog?sector=${s}`}
                  className="rounded-full bg-slate-100 px-2 py-0.5 hover:bg-slate-200"
                >
                  {tc(`sectors.${s}`)}
                </LocalizedLink>
              </li>
            ))}
          </ul>
        </Panel>
        <Panel id="contacts-heading" title={t("supplier.contacts")} className="space-y-2">
          <p className="text-sm">{supplier.city}</p>
          <p className="text-sm">{supplier.phone}</p>
          {supplier.email ? <p className="text-sm">{supplier.email}</p> : null}
          {supplier.website ? (
            <p className="text-sm">
              <a href={supplier.website} rel="nofollow noopener" className="text-brand-700 underline">
                {supplier.website}
              </a>
            </p>
          ) : null}
          <h3 className="mt-4 font-semibold">{t("supplier.rating")}</h3>
          <p className="text-sm" data-testid="supplier-rating">
            <SupplierRatingText rating={supplier.rating} count={supplier.ratingCount} />
          </p>
          <ScorecardBlock card={scorecard} />
        </Panel>
      </div>
      <section aria-labelledby="products-heading">
        <h2 id="products-heading" className="mb-1 text-xl font-semibold">
          {t("supplier.products")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("supplier.productCount", { count: total })}</p>
        {categories.length > 0 ? (
          <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label={t("supplier.categories")}>
            {categories.map((c) => (
              <li key={c.id}>
                <LocalizedLink
                  to={`/catalog/${c.slug}?supplier=${supplier.slug}`}
                  className="rounded-full border border-slate-300 px-2 py-0.5 hover:border-brand-600"
                >
                  {lang === "en" ? c.nameEn : c.nameRu} ({c.count})
                </LocalizedLink>
              </li>
            ))}
          </ul>
        ) : null}
        {products.length === 0 ? (
          <p className="text-slate-600">{t("supplier.noProducts")}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {products.map((p) => (
              <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4">
                {p.photo ? (
                  <ProductPhoto
                    photo={p.photo}
                    alt=""
                    sizes="(min-width: 1024px) 300px, (min-width: 640px) 45vw, 90vw"
                    className="mb-2 h-32 w-full object-contain"
                  />
                ) : (
                  <CategoryIllustration category={p.category} labelled={false} className="mb-2 h-32 w-full" />
                )}
                <LocalizedLink to={`/products/${p.slug}`} className="font-medium text-brand-700 underline">
                  {p.title}
                </LocalizedLink>
                <p className="mb-2 font-mono text-xs text-slate-500">{p.sku}</p>
                <PriceBlock priceKopecks={p.priceKopecks} vatRate={p.vatRate} unit={p.unit} size="sm" />
                <p className="mt-1 text-xs text-slate-600">{t(`stock.${p.stockStatus}`)}</p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pageCount={pageCount} />
      </section>
    </div>
  );
}
