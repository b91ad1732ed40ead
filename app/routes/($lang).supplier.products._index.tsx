import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { FormMessage } from "~/components/ui/field";
import { LocalizedLink } from "~/components/ui/localized-link";
import { Pagination } from "~/components/ui/pagination";
import { requireActor } from "~/modules/accounts/accounts.server";
import { productListQuerySchema } from "~/modules/catalog/catalog.schema";
import {
  listLeafCategories,
  listSupplierProducts,
  publishProducts,
  setProductsStatus,
} from "~/modules/catalog/catalog.server";
import { formatDate, formatMoney } from "~/modules/i18n/format";
import { getT } from "~/modules/i18n/i18n.server";
import { useLang } from "~/modules/i18n/use-lang";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const query = productListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, categories] = await Promise.all([listSupplierProducts(actor, query), listLeafCategories()]);
  const t = await getT(request, "catalog");
  return {
    title: t("workspace.title"),
    query,
    ...list,
    items: list.items.map((p) => ({ ...p, priceKopecks: p.priceKopecks?.toString() ?? null })),
    categories,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

const bulkSchema = z.object({
  intent: z.enum(["publish", "archive"]),
  productIds: z.array(z.string().min(1)).max(500),
});

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const form = await request.formData();
  const parsed = bulkSchema.safeParse({ intent: form.get("intent"), productIds: form.getAll("productIds") });
  if (!parsed.success) return data({ changed: 0, publish: null }, { status: 400 });
  if (parsed.data.intent === "publish") {
    const publish = await publishProducts(actor, parsed.data.productIds);
    return { changed: publish.published, publish };
  }
  return { changed: await setProductsStatus(actor, parsed.data.productIds, "ARCHIVED"), publish: null };
}

export default function SupplierProductsPage() {
  const { title, query, items, total, page, pageCount, byStatus, categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("catalog");
  const lang = useLang();
  const [params] = useSearchParams();
  // «Выбрать все» is a link (works without JS): the page comes back with every box on it ticked
  const allChecked = params.get("all") === "1";
  const toggleAll = new URLSearchParams(params);
  if (allChecked) toggleAll.delete("all");
  else toggleAll.set("all", "1");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{title}</h1>
        <div className="flex flex-wrap gap-2 text-sm">
          <LocalizedLink
            to="/supplier/products/new"
            className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
          >
            {t("workspace.new")}
          </LocalizedLink>
          <LocalizedLink
            to="/supplier/import"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium"
          >
            {t("workspace.import")}
          </LocalizedLink>
          <LocalizedLink
            to="/supplier/exchange"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium"
          >
            {t("workspace.exchange")}
          </LocalizedLink>
          <a
            href="/supplier/products/export.xlsx"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium"
          >
            {t("workspace.export")}
          </a>
        </div>
      </div>
      {query.import ? (
        <p className="text-sm" data-testid="import-filter">
          {t("workspace.importFilter")}{" "}
          <LocalizedLink to="/supplier/products" className="text-brand-700 underline">
            {t("workspace.importFilterReset")}
          </LocalizedLink>
        </p>
      ) : null}
      <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("workspace.filters")}>
        {query.import ? <input type="hidden" name="import" value={query.import} /> : null}
        <label className="block text-sm">
          {t("workspace.q")}
          <input
            name="q"
            defaultValue={query.q ?? ""}
            className="mt-1 block rounded-md border border-slate-300 px-3 py-1.5"
          />
        </label>
        <label className="block text-sm">
          {t("workspace.columns.status")}
          <select
            name="status"
            defaultValue={query.status ?? ""}
            className="mt-1 block rounded-md border border-slate-300 px-3 py-1.5"
          >
            <option value="">{t("workspace.allStatuses")}</option>
            {(["DRAFT", "PUBLISHED", "ARCHIVED"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)} ({byStatus[s] ?? 0})
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          {t("workspace.columns.category")}
          <select
            name="categoryId"
            defaultValue={query.categoryId ?? ""}
            className="mt-1 block max-w-xs rounded-md border border-slate-300 px-3 py-1.5"
          >
            <option value="">{t("workspace.allCategories")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {lang === "en" ? c.nameEn : c.nameRu}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          {t("workspace.apply")}
        </Button>
      </Form>
      {result?.publish ? (
        <div className="space-y-2" data-testid="publish-result">
          <FormMessage tone="success">{t("workspace.published", { count: result.publish.published })}</FormMessage>
          {result.publish.failed.length > 0 ? (
            <FormMessage>
              {t("workspace.publishFailed")}
              <ul className="mt-1 list-disc pl-5">
                {result.publish.failed.map((f) => (
                  <li key={f.id}>
                    {f.title}:{" "}
                    {f.problems
                      .map((p) =>
                        p.attribute
                          ? `${lang === "en" ? p.attribute.nameEn : p.attribute.nameRu} — ${t(p.key)}`
                          : t(p.key),
                      )
                      .join("; ")}
                  </li>
                ))}
              </ul>
            </FormMessage>
          ) : null}
        </div>
      ) : result ? (
        <FormMessage tone="success">{t("workspace.bulkDone", { count: result.changed })}</FormMessage>
      ) : null}
      <p className="text-sm text-slate-600">{t("workspace.total", { count: total })}</p>
      {items.length === 0 ? (
        <p>{t("workspace.empty")}</p>
      ) : (
        <Form method="post">
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <LocalizedLink
              to={`/supplier/products?${toggleAll.toString()}`}
              preventScrollReset
              className="text-sm text-brand-700 underline"
            >
              {allChecked ? t("workspace.selectNone") : t("workspace.selectAll")}
            </LocalizedLink>
            <Button type="submit" name="intent" value="publish" size="sm">
              {t("workspace.bulkPublish")}
            </Button>
            <Button type="submit" name="intent" value="archive" size="sm" variant="secondary">
              {t("workspace.bulkArchive")}
            </Button>
          </div>
          <table className="w-full bg-white text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">
                  <span className="sr-only">{t("workspace.select")}</span>
                </th>
                <th scope="col" className="p-2">
                  {t("workspace.columns.title")}
                </th>
                <th scope="col" className="p-2">
                  {t("workspace.columns.sku")}
                </th>
                <th scope="col" className="p-2">
                  {t("workspace.columns.category")}
                </th>
                <th scope="col" className="p-2">
                  {t("workspace.columns.price")}
                </th>
                <th scope="col" className="p-2">
                  {t("workspace.columns.status")}
                </th>
                <th scope="col" className="p-2">
                  {t("workspace.updated")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} className="border-b border-slate-200" data-testid="product-row">
                  <td className="p-2">
                    <input
                      key={`${p.id}-${allChecked}`}
                      type="checkbox"
                      name="productIds"
                      value={p.id}
                      defaultChecked={allChecked}
                      aria-label={`${t("workspace.select")}: ${p.title}`}
                    />
                  </td>
                  <td className="p-2">
                    <LocalizedLink to={`/supplier/products/${p.id}`} className="text-brand-700 underline">
                      {p.title}
                    </LocalizedLink>
                  </td>
                  <td className="p-2 font-mono text-xs">{p.sku}</td>
                  <td className="p-2">{lang === "en" ? p.category.nameEn : p.category.nameRu}</td>
                  <td className="p-2 whitespace-nowrap">
                    {p.priceKopecks === null ? t("product.priceOnRequest") : formatMoney(BigInt(p.priceKopecks), lang)}
                  </td>
                  <td className="p-2">{t(`status.${p.status}`)}</td>
                  <td className="p-2 whitespace-nowrap">{formatDate(p.updatedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Form>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
