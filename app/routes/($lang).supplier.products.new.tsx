import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { requireActor } from "~/modules/accounts/accounts.server";
import { productFormSchema } from "~/modules/catalog/catalog.schema";
import { createProduct, getCategoryAttributes, listLeafCategories } from "~/modules/catalog/catalog.server";
import { ProductForm } from "~/modules/catalog/ui/product-form";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";
import { supplierVatOptions } from "~/modules/money/money.server";
import { fieldErrorsOf } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const vat = await supplierVatOptions(actor.organizationId ?? "");
  const t = await getT(request, "catalog");
  const categoryId = new URL(request.url).searchParams.get("category") ?? "";
  const categories = await listLeafCategories();
  const category = categories.find((c) => c.id === categoryId) ?? null;
  const attributes = category ? await getCategoryAttributes(category.id) : [];
  return { title: t("form.newTitle"), categories, category, attributes, vat };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: productFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 422 });
  try {
    const { id } = await createProduct(actor, submission.value);
    return redirect(localizePath(getLang(request), `/supplier/products/${id}?created=1`));
  } catch (error) {
    return data(submission.reply({ fieldErrors: fieldErrorsOf(error) }), { status: 422 });
  }
}

export default function NewProductPage() {
  const { title, categories, category, attributes, vat } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("catalog");
  const { t: tc } = useTranslation();
  const lang = useLang();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <label className="block text-sm">
          <span className="font-medium">{t("form.category")}</span>
          <select
            name="category"
            defaultValue={category?.id ?? ""}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">{t("form.chooseCategory")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {tc(`sectors.${c.sector}`)} — {lang === "en" ? c.nameEn : c.nameRu}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          {t("form.changeCategory")}
        </Button>
      </Form>
      {category ? (
        <ProductForm
          key={category.id}
          defaults={{
            categoryId: category.id,
            vatRate: vat.defaultRate,
            unit: "pcs",
            minOrderQty: "1",
            stockStatus: "TO_ORDER",
          }}
          attributes={attributes}
          categoryName={lang === "en" ? category.nameEn : category.nameRu}
          lastResult={lastResult}
          vatRates={vat.rates}
        />
      ) : null}
    </div>
  );
}
