import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { LocalizedLink, TextLink } from "~/components/ui/localized-link";
import { getActor } from "~/modules/accounts/accounts.server";
import { VerifiedBadge } from "~/modules/accounts/ui/verified-badge";
import { getPublicProduct } from "~/modules/catalog/catalog.server";
import { CategoryIllustration } from "~/modules/catalog/ui/category-illustration";
import { attributeName, formatSpec } from "~/modules/catalog/ui/format";
import { PriceBlock } from "~/modules/catalog/ui/price-block";
import { ProductPhoto } from "~/modules/catalog/ui/product-photo";
import { SupplierRatingText } from "~/modules/catalog/ui/supplier-rating";
import { formatDate, formatMoney, formatNumber } from "~/modules/i18n/format";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { localizeUnit } from "~/modules/i18n/units";
import { useLang, useLocalizePath } from "~/modules/i18n/use-lang";
import { chargeAmounts } from "~/modules/money/money";
import { unitName } from "~/modules/money/units";
import { vatRateLabel } from "~/modules/money/vat";
import { publicOrigin } from "~/utils/origin.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const product = await getPublicProduct(params.slug ?? "", actor);
  if (!product) throw new Response("Not Found", { status: 404 });
  const lang = getLang(request);
  const t = await getT(request, "catalog");
  const origin = publicOrigin();
  const price = product.priceKopecks === null ? t("product.priceOnRequest") : formatMoney(product.priceKopecks, lang);
  return {
    product: {
      ...product,
      priceKopecks: product.priceKopecks?.toString() ?? null,
      minOrderQty: Number(product.minOrderQty),
    },
    meta: {
      title: t("product.metaTitle", { title: product.title, supplier: product.supplier.shortName }),
      description: t("product.metaDescription", { title: product.title, price, supplier: product.supplier.shortName }),
      canonical: `${origin}${localizePath(lang, `/products/${product.slug}`)}`,
      image: product.photos[0] ? `${origin}/images/${product.photos[0].fileId}/1280.webp` : null,
      noindex: product.status !== "PUBLISHED",
    },
    // to the minute: the page stays byte-identical between renders, so its ETag revalidates (app/utils/page-cache.server.ts)
    now: Math.floor(Date.now() / 60_000) * 60_000,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "404" }];
  const m = data.meta;
  return [
    { title: m.title },
    { name: "description", content: m.description },
    { tagName: "link", rel: "canonical", href: m.canonical },
    { property: "og:type", content: "product" },
    { property: "og:title", content: m.title },
    { property: "og:description", content: m.description },
    { property: "og:url", content: m.canonical },
    ...(m.image ? [{ property: "og:image", content: m.image }] : []),
    ...(m.noindex ? [{ name: "robots", content: "noindex" }] : []),
  ];
};

type SupplierInfo = ReturnType<typeof useLoaderData<typeof loader>>["product"]["supplier"];

export default function ProductPage() {
  const { product, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalog");
  const { t: tc } = useTranslation();
  const { t: tm } = useTranslation("money");
  const lang = useLang();
  const localize = useLocalizePath();
  const specs = product.specs as Record<string, string | number | boolean>;
  const yesNo: [string, string] = [t("yes"), t("no")];
  return (
    <article className="space-y-8 pb-24 lg:pb-0" itemScope itemType="https://schema.org/Product">
      <nav aria-label={t("product.breadcrumbs")} className="text-sm text-slate-600">
        <ol className="flex flex-wrap gap-1">
          <li>
            <LocalizedLink to="/catalog" className="underline">
              {tc("nav.catalog")}
            </LocalizedLink>{" "}
            /
          </li>
          {product.category.parent ? (
            <li>
              <LocalizedLink to={`/catalog/${product.category.parent.slug}`} className="underline">
                {lang === "en" ? product.category.parent.nameEn : product.category.parent.nameRu}
              </LocalizedLink>{" "}
              /
            </li>
          ) : null}
          <li>
            <LocalizedLink to={`/catalog/${product.category.slug}`} className="underline">
              {lang === "en" ? product.category.nameEn : product.category.nameRu}
            </LocalizedLink>
          </li>
        </ol>
      </nav>
      {product.status !== "PUBLISHED" ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("product.draftNotice")}
        </p>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_360px] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-start-1">
          <header>
            <h1 className="text-2xl font-bold" itemProp="name">
              {product.title}
            </h1>
            <p className="mt-1 text-sm text-slate-600">
              {t("product.sku")}:{" "}
              <span className="font-mono" itemProp="sku">
                {product.sku}
              </span>
              {product.manufacturer ? (
                <>
                  {" · "}
                  {t("product.manufacturer")}: <span itemProp="brand">{product.manufacturer}</span>
                </>
              ) : null}
            </p>
          </header>
          <section aria-label={t("product.gallery")}>
            {product.photos.length > 0 ? (
              <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
                {product.photos.map((photo, i) => (
                  <li key={photo.id} className={i === 0 ? "col-span-2 sm:col-span-3" : ""}>
                    <a href={`/files/${photo.fileId}`}>
                      <ProductPhoto
                        photo={photo}
                        alt={t("product.photoAlt", { title: product.title, n: i + 1 })}
                        sizes={
                          i === 0
                            ? "(min-width: 1280px) 800px, (min-width: 1024px) 60vw, 100vw"
                            : "(min-width: 640px) 30vw, 50vw"
                        }
                        main={i === 0}
                        className="h-auto max-h-[480px] w-full rounded-lg border border-slate-200 bg-white object-contain"
                        itemProp={i === 0 ? "image" : undefined}
                      />
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <CategoryIllustration
                category={product.category}
                className="h-auto max-h-72 w-full rounded-lg border border-slate-200"
              />
            )}
          </section>
        </div>
        <aside className="space-y-4 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <div
            className="rounded-lg border border-slate-200 bg-white p-5"
            itemProp="offers"
            itemScope
            itemType="https://schema.org/Offer"
            data-testid="offer-card"
          >
            <PriceBlock priceKopecks={product.priceKopecks} vatRate={product.vatRate} unit={product.unit} />
            {product.priceKopecks ? (
              <>
                <meta itemProp="price" content={(Number(product.priceKopecks) / 100).toFixed(2)} />
                <meta itemProp="priceCurrency" content="RUB" />
              </>
            ) : null}
            <dl className="mt-4 grid grid-cols-2 gap-x-3 gap-y-2 text-sm">
              <dt className="text-slate-600">{t("product.vat")}</dt>
              <dd data-testid="product-vat">{vatRateLabel(product.vatRate, lang)}</dd>
              <dt className="text-slate-600">{t("product.unit")}</dt>
              <dd>{unitName(product.unit, lang)}</dd>
              <dt className="text-slate-600">{t("product.minOrder")}</dt>
              <dd>
                {formatNumber(product.minOrderQty, lang)} {unitName(product.unit, lang)}
              </dd>
              {product.leadTimeDays !== null ? (
                <>
                  <dt className="text-slate-600">{t("product.leadTime")}</dt>
                  <dd>{t("product.leadTimeDays", { count: product.leadTimeDays })}</dd>
                </>
              ) : null}
              <dt className="text-slate-600">{t("product.stock")}</dt>
              <dd>{t(`stock.${product.stockStatus}`)}</dd>
            </dl>
            <div className="mt-5 space-y-3">
              <LocalizedLink
                to={`/rfq/new?product=${encodeURIComponent(product.slug)}`}
                className="block rounded-md bg-brand-600 px-4 py-2 text-center text-sm font-medium text-white hover:bg-brand-700"
              >
                {t("product.requestPrice")}
              </LocalizedLink>
              <Form id="offer-add-form" method="post" action={localize("/rfq/cart")} className="flex items-end gap-2">
                <input type="hidden" name="intent" value="add" />
                <input type="hidden" name="productId" value={product.id} />
                <input type="hidden" name="redirectTo" value={localize(`/products/${product.slug}`)} />
                <label className="block flex-1 text-sm">
                  <span className="text-slate-700">{t("product.quantity")}</span>
                  <input
                    name="quantity"
                    type="number"
                    min={0}
                    step="any"
                    defaultValue={product.minOrderQty}
                    className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5"
                  />
                </label>
                <Button type="submit" variant="secondary">
                  {t("product.addToRfq")}
                </Button>
              </Form>
            </div>
          </div>
          <SupplierCard supplier={product.supplier} />
        </aside>
        <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-start-2">
          <section aria-labelledby="specs-heading">
            <h2 id="specs-heading" className="mb-3 text-xl font-semibold">
              {t("product.specs")}
            </h2>
            {product.attributes.some((a) => specs[a.code] !== undefined) ? (
              <table className="w-full text-sm" data-testid="specs-table">
                <tbody>
                  {product.attributes
                    .filter((a) => specs[a.code] !== undefined)
                    .map((attr) => (
                      <tr key={attr.code} className="border-b border-slate-200">
                        <th scope="row" className="py-2 pr-4 text-left font-normal text-slate-600">
                          {attributeName(attr, lang)}
                          {attr.unit ? `, ${localizeUnit(attr.unit, lang)}` : ""}
                        </th>
                        <td className="py-2 font-medium">{formatSpec(attr, specs[attr.code], lang, yesNo)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            ) : (
              <p className="text-slate-600">{t("product.noSpecs")}</p>
            )}
          </section>
          {product.description ? (
            <section aria-labelledby="description-heading">
              <h2 id="description-heading" className="mb-2 text-xl font-semibold">
                {t("product.description")}
              </h2>
              <p className="whitespace-pre-line text-slate-800" itemProp="description">
                {product.description}
              </p>
            </section>
          ) : null}
          {product.certificates.length > 0 ? (
            <section aria-labelledby="certs-heading">
              <h2 id="certs-heading" className="mb-2 text-xl font-semibold">
                {t("product.certificates")}
              </h2>
              <ul className="space-y-2">
                {product.certificates.map((c) => {
                  const expired = c.expiresAt !== null && new Date(c.expiresAt).getTime() < now;
                  return (
                    <li key={c.id} className="text-sm" data-testid="certificate">
                      <span className="font-medium">{t(`certKind.${c.kind}`)}</span>{" "}
                      {t("product.certificateNumber", { number: c.number })},{" "}
                      {t("product.issued", { date: formatDate(c.issuedAt, lang) })}
                      {c.expiresAt ? `, ${t("product.expires", { date: formatDate(c.expiresAt, lang) })}` : ""}
                      {expired ? (
                        <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
                          {t("product.expired")}
                        </span>
                      ) : null}
                      {c.fileId ? (
                        <a href={`/files/${c.fileId}`} className="ml-2 text-brand-700 underline">
                          PDF
                        </a>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
          {product.documents.length > 0 ? (
            <section aria-labelledby="docs-heading">
              <h2 id="docs-heading" className="mb-2 text-xl font-semibold">
                {t("product.documents")}
              </h2>
              <ul className="space-y-1">
                {product.documents.map((d) => (
                  <li key={d.id}>
                    <a href={`/files/${d.fileId}`} className="text-brand-700 underline">
                      {d.title ?? d.file.originalName}
                    </a>{" "}
                    <span className="text-xs text-slate-500">({formatNumber(d.file.size / 1024, lang, 0)} KB)</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
      <div
        className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white/95 px-4 py-2 shadow-[0_-2px_8px_rgba(15,23,42,0.08)] backdrop-blur lg:hidden print:hidden"
        data-testid="sticky-offer"
      >
        {/* submits the offer card's form (same quantity field), so the page has one «add to RFQ» form */}
        <div className="mx-auto flex max-w-3xl items-center gap-3">
          <p className="min-w-0 flex-1 text-sm leading-tight">
            <span className="block font-semibold text-slate-900" data-testid="sticky-price">
              {product.priceKopecks === null
                ? t("product.priceOnRequest")
                : tm(product.vatRate === "NO_VAT" ? "price.noVat" : "price.gross", {
                    price: formatMoney(chargeAmounts(BigInt(product.priceKopecks), product.vatRate).gross, lang),
                  })}
            </span>
            <span className="block text-xs text-slate-600">
              {tm("price.perUnit", { unit: unitName(product.unit, lang) })}
            </span>
          </p>
          <Button type="submit" form="offer-add-form" className="min-h-11 shrink-0">
            {t("product.addToRfq")}
          </Button>
        </div>
      </div>
    </article>
  );
}

function SupplierCard({ supplier }: { supplier: SupplierInfo }) {
  const { t } = useTranslation("catalog");
  const _lang = useLang();
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5" data-testid="supplier-card">
      <h2 className="text-sm font-medium text-slate-600">{t("product.supplier")}</h2>
      <p className="mt-1 font-semibold">
        <TextLink to={`/suppliers/${supplier.slug}`}>{supplier.shortName}</TextLink>
      </p>
      {supplier.verifiedAt ? <VerifiedBadge className="mt-2" /> : null}
      <p className="mt-2 text-sm text-slate-600">
        {supplier.legalName}, {t("supplier.inn")} {supplier.inn}, {supplier.city}
      </p>
      <p className="mt-1 text-sm text-slate-600">
        {t("supplier.rating")}: <SupplierRatingText rating={supplier.rating} count={supplier.ratingCount} />
      </p>
    </div>
  );
}
