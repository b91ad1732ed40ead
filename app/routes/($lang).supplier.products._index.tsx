import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Button, buttonClass, secondaryButtonClass } from "~/components/ui/button";
import { FormMessage } from "~/components/ui/field";
import { LocalizedLink, TextLink } from "~/components/ui/localized-link";
import { Pagination } from "~/components/ui/pagination";
import { DataTable } from "~/components/ui/table";
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

/** A filter of the product list: a labelled select of its values, «all» first. */
function FilterSelect({
  name,
  label,
  value,
  allLabel,
  options,
}: {
  name: string;
  label: string;
  value?: string | null;
  allLabel: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <label className="block text-sm">
      {label}
      <select
        name={name}
        defaultValue={value ?? ""}
        className="mt-1 block max-w-xs rounded-md border border-slate-300 px-3 py-1.5"
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
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
          <LocalizedLink to="/supplier/products/new" className={buttonClass}>
            {t("workspace.new")}
          </LocalizedLink>
          {(["import", "exchange"] as const).map((to) => (
            <LocalizedLink key={to} to={`/supplier/${to}`} className={secondaryButtonClass}>
              {t(`workspace.${to}`)}
            </LocalizedLink>
          ))}
          <a href="/supplier/products/export.xlsx" className={secondaryButtonClass}>
            {t("workspace.export")}
          </a>
        </div>
      </div>
      {query.import ? (
        <p className="text-sm" data-testid="import-filter">
          {t("workspace.importFilter")} <TextLink to="/supplier/products">{t("workspace.importFilterReset")}</TextLink>
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
        <FilterSelect
          name="status"
          label={t("workspace.columns.status")}
          value={query.status}
          allLabel={t("workspace.allStatuses")}
          options={(["DRAFT", "PUBLISHED", "ARCHIVED"] as const).map((s) => ({
            value: s,
            label: `${t(`status.${s}`)} (${byStatus[s] ?? 0})`,
          }))}
        />
        <FilterSelect
          name="categoryId"
          label={t("workspace.columns.category")}
          value={query.categoryId}
          allLabel={t("workspace.allCategories")}
          options={categories.map((c) => ({ value: c.id, label: lang === "en" ? c.nameEn : c.nameRu }))}
        />
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
          <DataTable
            className="w-full bg-white text-sm"
            headClassName="border-b border-slate-300 text-left"
            density="compact"
            columns={[
              { label: t("workspace.select"), srOnly: true },
              t("workspace.columns.title"),
              t("workspace.columns.sku"),
              t("workspace.columns.category"),
              t("workspace.columns.price"),
              t("workspace.columns.status"),
              t("workspace.updated"),
            ]}
          >
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
                  <TextLink to={`/supplier/products/${p.id}`}>{p.title}</TextLink>
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
          </DataTable>
        </Form>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
