import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { FormMessage } from "~/components/ui/field";
import { LocalizedLink } from "~/components/ui/localized-link";
import { Pagination } from "~/components/ui/pagination";
import { requireActor } from "~/modules/accounts/accounts.server";
import { productListQuerySchema } from "~/modules/catalog/catalog.schema";
import { listLeafCategories, listSupplierProducts, setProductsStatus } from "~/modules/catalog/catalog.server";
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
  ids: z.array(z.string().min(1)).max(500),
});

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const form = await request.formData();
  const parsed = bulkSchema.safeParse({ intent: form.get("intent"), ids: form.getAll("ids") });
  if (!parsed.success) return data({ changed: 0 }, { status: 400 });
  const changed = await setProductsStatus(
    actor,
    parsed.data.ids,
    parsed.data.intent === "publish" ? "PUBLISHED" : "ARCHIVED",
  );
  return { changed };
}

export default function SupplierProductsPage() {
  const { title, query, items, total, page, pageCount, byStatus, categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("catalog");
  const lang = useLang();
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
      <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("workspace.filters")}>
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
      {result ? <FormMessage tone="success">{t("workspace.bulkDone", { count: result.changed })}</FormMessage> : null}
      <p className="text-sm text-slate-600">{t("workspace.total", { count: total })}</p>
      {items.length === 0 ? (
        <p>{t("workspace.empty")}</p>
      ) : (
        <Form method="post">
          <div className="mb-3 flex gap-2">
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
                      type="checkbox"
                      name="ids"
                      value={p.id}
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
