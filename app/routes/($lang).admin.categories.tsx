import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { CheckboxField, FormMessage, SelectField, TextareaField, TextField } from "~/components/ui/field";
import { LocalizedLink, TextLink } from "~/components/ui/localized-link";
import { DataTable } from "~/components/ui/table";
import { requireActor } from "~/modules/accounts/accounts.server";
import { attributeFormSchema, categoryFormSchema, SECTORS } from "~/modules/catalog/catalog.schema";
import {
  deleteAttribute,
  deleteCategory,
  listCategoriesForAdmin,
  saveAttribute,
  saveCategory,
  toAttributeDef,
} from "~/modules/catalog/catalog.server";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";
import { fieldErrorsOf } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { operator: true });
  const t = await getT(request, "catalog");
  const rows = await listCategoriesForAdmin(actor);
  const categories = rows.map((c) => ({
    id: c.id,
    parentId: c.parentId,
    sector: c.sector,
    slug: c.slug,
    nameRu: c.nameRu,
    nameEn: c.nameEn,
    descriptionRu: c.descriptionRu,
    descriptionEn: c.descriptionEn,
    position: c.position,
    products: c._count.products,
    children: c._count.children,
    attributes: c.attributes.map(toAttributeDef),
  }));
  return { title: t("admin.title"), categories };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} — СнабМост` },
  { name: "robots", content: "noindex" },
];

type Intent = "saveCategory" | "deleteCategory" | "saveAttribute" | "deleteAttribute";

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { operator: true });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "") as Intent;
  const categoryId = String(formData.get("categoryId") ?? "");
  const back = (id: string | null, flag: "saved" | "deleted") =>
    redirect(localizePath(getLang(request), `/admin/categories?${id ? `c=${encodeURIComponent(id)}&` : ""}${flag}=1`));

  if (intent === "saveCategory") {
    const submission = parseWithZod(formData, { schema: categoryFormSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 422 });
    try {
      const { id } = await saveCategory(actor, submission.value, categoryId || undefined);
      return back(id, "saved");
    } catch (error) {
      return data({ intent, result: submission.reply({ fieldErrors: fieldErrorsOf(error) }) }, { status: 422 });
    }
  }
  if (intent === "saveAttribute") {
    const submission = parseWithZod(formData, { schema: attributeFormSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 422 });
    try {
      await saveAttribute(actor, submission.value);
      return back(submission.value.categoryId, "saved");
    } catch (error) {
      return data({ intent, result: submission.reply({ fieldErrors: fieldErrorsOf(error) }) }, { status: 422 });
    }
  }
  if (intent === "deleteCategory") {
    try {
      await deleteCategory(actor, categoryId);
      return back(null, "deleted");
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      return data(
        { intent, categoryId, message: fieldErrors.category?.[0] ?? "errors.categoryNotEmpty" },
        { status: 409 },
      );
    }
  }
  if (intent === "deleteAttribute") {
    try {
      await deleteAttribute(actor, categoryId, String(formData.get("code") ?? ""));
    } catch (error) {
      fieldErrorsOf(error);
    }
    return back(categoryId, "deleted");
  }
  throw new Response("Bad Request", { status: 400 });
}

type Category = ReturnType<typeof useLoaderData<typeof loader>>["categories"][number];
type ActionData = { intent: Intent; result?: SubmissionResult<string[]>; categoryId?: string; message?: string };

export default function AdminCategoriesPage() {
  const { title, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const { t } = useTranslation("catalog");
  const { t: tc } = useTranslation();
  const lang = useLang();
  const selectedId = params.get("c");
  const selected = categories.find((c) => c.id === selectedId) ?? null;
  const name = (c: { nameRu: string; nameEn: string }) => (lang === "en" ? c.nameEn : c.nameRu);
  const bySector = SECTORS.map((sector) => ({
    sector,
    roots: categories.filter((c) => c.sector === sector && !c.parentId),
  }));
  const childrenOf = (id: string) => categories.filter((c) => c.parentId === id);

  const renderNode = (c: Category) => (
    <li key={c.id} className="mt-1">
      <div className="flex flex-wrap items-center gap-2">
        <LocalizedLink
          to={`/admin/categories?c=${c.id}`}
          className={`text-brand-700 underline hover:text-brand-800 ${c.id === selectedId ? "font-semibold" : ""}`}
          aria-current={c.id === selectedId ? "true" : undefined}
        >
          {name(c)}
        </LocalizedLink>
        <span className="text-xs text-slate-600">
          {c.slug} · {t("admin.products", { count: c.products })} · {t("admin.attributes")}: {c.attributes.length}
        </span>
      </div>
      {c.children > 0 ? (
        <ul className="ml-5 border-l border-slate-200 pl-3">{childrenOf(c.id).map(renderNode)}</ul>
      ) : null}
    </li>
  );

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <TextLink to="/admin">{t("admin.console")}</TextLink>
      </p>
      <h1 className="text-2xl font-semibold">{title}</h1>
      {params.get("saved") ? <FormMessage tone="success">{t("admin.saved")}</FormMessage> : null}
      {params.get("deleted") ? <FormMessage tone="success">{t("admin.deleted")}</FormMessage> : null}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
        <section aria-labelledby="tree-heading" className="space-y-4">
          <h2 id="tree-heading" className="text-lg font-semibold">
            {t("admin.manage")}
          </h2>
          <LocalizedLink to="/admin/categories" className="text-sm text-brand-700 underline">
            {t("admin.newCategory")}
          </LocalizedLink>
          {categories.length === 0 ? <p className="text-sm text-slate-600">{t("admin.empty")}</p> : null}
          {bySector.map(({ sector, roots }) =>
            roots.length ? (
              <div key={sector}>
                <h3 className="font-medium">{tc(`sectors.${sector}`)}</h3>
                <ul className="ml-2">{roots.map(renderNode)}</ul>
              </div>
            ) : null,
          )}
        </section>
        <div className="space-y-8">
          <CategoryForm
            key={selected?.id ?? "new"}
            category={selected}
            categories={categories}
            lastResult={actionData?.intent === "saveCategory" ? actionData.result : undefined}
          />
          {selected ? (
            <>
              <Form method="post">
                <input type="hidden" name="intent" value="deleteCategory" />
                <input type="hidden" name="categoryId" value={selected.id} />
                <Button type="submit" variant="danger" aria-label={t("admin.deleteCategory", { name: name(selected) })}>
                  {t("admin.delete")}
                </Button>
                {actionData?.intent === "deleteCategory" && actionData.message ? (
                  <div className="mt-2">
                    <FormMessage>{t(actionData.message)}</FormMessage>
                  </div>
                ) : null}
              </Form>
              <AttributesSection
                category={selected}
                lastResult={actionData?.intent === "saveAttribute" ? actionData.result : undefined}
              />
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function CategoryForm({
  category,
  categories,
  lastResult,
}: {
  category: Category | null;
  categories: Category[];
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("catalog");
  const { t: tc } = useTranslation();
  const lang = useLang();
  const [form, fields] = useForm({
    id: "category-form",
    lastResult,
    constraint: getZodConstraint(categoryFormSchema),
    shouldValidate: "onBlur",
    defaultValue: category
      ? {
          parentId: category.parentId ?? "",
          sector: category.sector,
          slug: category.slug,
          nameRu: category.nameRu,
          nameEn: category.nameEn,
          descriptionRu: category.descriptionRu ?? "",
          descriptionEn: category.descriptionEn ?? "",
          position: String(category.position),
        }
      : { position: "0" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: categoryFormSchema }),
  });
  const te = (key: string) => t(key);
  const parents = categories.filter((c) => c.id !== category?.id);
  return (
    <section aria-labelledby="category-form-heading">
      <h2 id="category-form-heading" className="text-lg font-semibold">
        {category ? t("admin.editCategory") : t("admin.newCategory")}
      </h2>
      <Form method="post" {...getFormProps(form)} className="mt-3 grid gap-4 sm:grid-cols-2">
        <input type="hidden" name="intent" value="saveCategory" />
        {category ? <input type="hidden" name="categoryId" value={category.id} /> : null}
        <SelectField meta={fields.sector} label={t("admin.sector")} translateError={te}>
          <option value="">—</option>
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {tc(`sectors.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField meta={fields.parentId} label={t("admin.parent")} translateError={te}>
          <option value="">{t("admin.root")}</option>
          {parents.map((c) => (
            <option key={c.id} value={c.id}>
              {tc(`sectors.${c.sector}`)} — {lang === "en" ? c.nameEn : c.nameRu}
            </option>
          ))}
        </SelectField>
        <TextField meta={fields.slug} label={t("admin.slug")} hint={t("admin.slugHint")} translateError={te} />
        <TextField meta={fields.position} label={t("admin.position")} inputMode="numeric" translateError={te} />
        <TextField meta={fields.nameRu} label={t("admin.nameRu")} translateError={te} />
        <TextField meta={fields.nameEn} label={t("admin.nameEn")} translateError={te} />
        <TextareaField meta={fields.descriptionRu} label={t("admin.descriptionRu")} rows={3} translateError={te} />
        <TextareaField meta={fields.descriptionEn} label={t("admin.descriptionEn")} rows={3} translateError={te} />
        <div className="sm:col-span-2">
          <Button type="submit">{t("admin.save")}</Button>
        </div>
      </Form>
    </section>
  );
}

function AttributesSection({ category, lastResult }: { category: Category; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("catalog");
  const lang = useLang();
  const [params] = useSearchParams();
  const editing = category.attributes.find((a) => a.code === params.get("attr")) ?? null;
  const [form, fields] = useForm({
    id: "attribute-form",
    lastResult,
    constraint: getZodConstraint(attributeFormSchema),
    shouldValidate: "onBlur",
    defaultValue: editing
      ? {
          categoryId: category.id,
          code: editing.code,
          nameRu: editing.nameRu,
          nameEn: editing.nameEn,
          type: editing.type,
          unit: editing.unit ?? "",
          options: (editing.options ?? []).map((o) => `${o.value} | ${o.ru} | ${o.en}`).join("\n"),
          filterable: editing.filterable ? "on" : undefined,
          required: editing.required ? "on" : undefined,
          position: String(editing.position),
        }
      : { categoryId: category.id, type: "NUMBER", position: String(category.attributes.length) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: attributeFormSchema }),
  });
  const te = (key: string) => t(key);
  const catName = lang === "en" ? category.nameEn : category.nameRu;
  return (
    <section aria-labelledby="attributes-heading" className="space-y-4">
      <h2 id="attributes-heading" className="text-lg font-semibold">
        {t("admin.attributesOf", { name: catName })}
      </h2>
      {category.attributes.length === 0 ? (
        <p className="text-sm text-slate-600">{t("admin.noAttributes")}</p>
      ) : (
        <DataTable
          className="w-full text-left text-sm"
          headClassName="border-b border-slate-200"
          columns={[
            t("admin.code"),
            lang === "en" ? t("admin.nameEn") : t("admin.nameRu"),
            t("admin.type"),
            t("admin.flags"),
            { label: t("admin.edit"), srOnly: true },
          ]}
        >
          {category.attributes.map((a) => (
            <tr key={a.code} className="border-b border-slate-100" data-attribute={a.code}>
              <td className="py-1 pr-2 font-mono">{a.code}</td>
              <td className="py-1 pr-2">{lang === "en" ? a.nameEn : a.nameRu}</td>
              <td className="py-1 pr-2">
                {t(`admin.types.${a.type}`)}
                {a.unit ? `, ${a.unit}` : ""}
              </td>
              <td className="py-1 pr-2">
                {[a.filterable ? t("admin.filterable") : null, a.required ? t("admin.requiredLabel") : null]
                  .filter(Boolean)
                  .join(", ")}
              </td>
              <td className="flex gap-2 py-1">
                <TextLink to={`/admin/categories?c=${category.id}&attr=${encodeURIComponent(a.code)}`}>
                  {t("admin.edit")}
                </TextLink>
                <Form method="post">
                  <input type="hidden" name="intent" value="deleteAttribute" />
                  <input type="hidden" name="categoryId" value={category.id} />
                  <input type="hidden" name="code" value={a.code} />
                  <Button type="submit" variant="link" aria-label={t("admin.deleteAttribute", { code: a.code })}>
                    {t("admin.delete")}
                  </Button>
                </Form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h3 className="font-medium">{editing ? `${t("admin.edit")}: ${editing.code}` : t("admin.newAttribute")}</h3>
      <Form method="post" {...getFormProps(form)} key={editing?.code ?? "new"} className="grid gap-4 sm:grid-cols-2">
        <input type="hidden" name="intent" value="saveAttribute" />
        <input type="hidden" name="categoryId" value={category.id} />
        <TextField meta={fields.code} label={t("admin.code")} readOnly={!!editing} translateError={te} />
        <SelectField meta={fields.type} label={t("admin.type")} translateError={te}>
          {(["NUMBER", "ENUM", "BOOLEAN", "TEXT"] as const).map((type) => (
            <option key={type} value={type}>
              {t(`admin.types.${type}`)}
            </option>
          ))}
        </SelectField>
        {(
          [
            ["nameRu", "admin.nameRu"],
            ["nameEn", "admin.nameEn"],
            ["unit", "admin.unitLabel", "admin.unitHint"],
            ["position", "admin.position"],
          ] as const
        ).map(([name, label, hint]) => (
          <TextField
            key={name}
            meta={fields[name]}
            label={t(label)}
            hint={hint ? t(hint) : undefined}
            inputMode={name === "position" ? "numeric" : undefined}
            translateError={te}
          />
        ))}
        <TextareaField
          meta={fields.options}
          label={t("admin.options")}
          hint={t("admin.optionsHint")}
          rows={4}
          className="sm:col-span-2"
          translateError={te}
        />
        <CheckboxField meta={fields.filterable} label={t("admin.filterable")} translateError={te} />
        <CheckboxField meta={fields.required} label={t("admin.requiredLabel")} translateError={te} />
        <div className="sm:col-span-2">
          <Button type="submit">{t("admin.saveAttribute")}</Button>
        </div>
      </Form>
    </section>
  );
}
