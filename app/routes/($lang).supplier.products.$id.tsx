import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage } from "~/components/ui/field";
import { LocalizedLink } from "~/components/ui/localized-link";
import { requireActor } from "~/modules/accounts/accounts.server";
import { certificateFormSchema, productFormSchema } from "~/modules/catalog/catalog.schema";
import {
  addCertificate,
  addProductMedia,
  duplicateProduct,
  getCategoryAttributes,
  getSupplierProduct,
  removeCertificate,
  removeProductMedia,
  setProductStatus,
  updateProduct,
} from "~/modules/catalog/catalog.server";
import { ProductForm } from "~/modules/catalog/ui/product-form";
import { formatDate } from "~/modules/i18n/format";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";
import { kopecksToInput } from "~/modules/money/format";
import { supplierVatOptions } from "~/modules/money/money.server";
import { fieldErrorsOf, orHttpError } from "~/utils/route-errors.server";

function specToInput(value: unknown): string {
  if (value === undefined || value === null) return "";
  return String(value);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const product = await orHttpError(getSupplierProduct(actor, params.id ?? ""));
  const attributes = await getCategoryAttributes(product.categoryId);
  const vat = await supplierVatOptions(actor.organizationId ?? "");
  const t = await getT(request, "catalog");
  const specs = product.specs as Record<string, unknown>;
  return {
    title: t("form.editTitle", { title: product.title }),
    product: {
      id: product.id,
      slug: product.slug,
      title: product.title,
      status: product.status,
      category: product.category,
      media: product.media.map((m) => ({
        id: m.id,
        kind: m.kind,
        title: m.title,
        fileId: m.fileId,
        name: m.file.originalName,
      })),
      certificates: product.certificates,
    },
    defaults: {
      categoryId: product.categoryId,
      title: product.title,
      sku: product.sku,
      manufacturer: product.manufacturer ?? "",
      description: product.description ?? "",
      priceOnRequest: product.priceKopecks === null,
      price: kopecksToInput(product.priceKopecks),
      // a rate the regime no longer allows (20 % after 2025) is not offered: the form starts at the current default
      vatRate: vat.rates.includes(product.vatRate) ? product.vatRate : vat.defaultRate,
      unit: product.unit,
      minOrderQty: String(Number(product.minOrderQty)),
      leadTimeDays: product.leadTimeDays === null ? "" : String(product.leadTimeDays),
      stockStatus: product.stockStatus,
      spec: Object.fromEntries(attributes.map((a) => [a.code, specToInput(specs[a.code])])),
    },
    attributes,
    vatRates: vat.rates,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

const fileOf = (v: FormDataEntryValue | null) => (v instanceof File && v.size > 0 ? v : null);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const id = params.id ?? "";
  const lang = getLang(request);
  const here = localizePath(lang, `/supplier/products/${id}`);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  try {
    switch (intent) {
      case "save": {
        const submission = parseWithZod(formData, { schema: productFormSchema });
        if (submission.status !== "success") return data({ form: submission.reply() }, { status: 422 });
        try {
          await updateProduct(actor, id, submission.value);
        } catch (error) {
          return data({ form: submission.reply({ fieldErrors: fieldErrorsOf(error) }) }, { status: 422 });
        }
        return redirect(`${here}?saved=1`);
      }
      case "publish":
      case "archive":
      case "draft": {
        const status = intent === "publish" ? "PUBLISHED" : intent === "archive" ? "ARCHIVED" : "DRAFT";
        await setProductStatus(actor, id, status);
        return redirect(`${here}?status=${status}`);
      }
      case "duplicate": {
        const copy = await duplicateProduct(actor, id);
        return redirect(localizePath(lang, `/supplier/products/${copy.id}?created=1`));
      }
      case "photo":
      case "document": {
        const file = fileOf(formData.get("file"));
        if (!file) return data({ upload: { [intent]: ["errors.file"] } }, { status: 422 });
        await addProductMedia(actor, id, {
          kind: intent === "photo" ? "PHOTO" : "DOCUMENT",
          file,
          title: String(formData.get("title") ?? ""),
        });
        return redirect(`${here}?uploaded=1`);
      }
      case "remove-media":
        await removeProductMedia(actor, id, String(formData.get("mediaId") ?? ""));
        return redirect(here);
      case "certificate": {
        const submission = parseWithZod(formData, { schema: certificateFormSchema });
        if (submission.status !== "success") return data({ cert: submission.reply() }, { status: 422 });
        await addCertificate(actor, id, submission.value, fileOf(formData.get("file")) ?? undefined);
        return redirect(here);
      }
      case "remove-certificate":
        await removeCertificate(actor, id, String(formData.get("certificateId") ?? ""));
        return redirect(here);
      default:
        return data({ error: "bad intent" }, { status: 400 });
    }
  } catch (error) {
    const fieldErrors = fieldErrorsOf(error);
    return data({ upload: { [intent]: Object.values(fieldErrors).flat() } }, { status: 422 });
  }
}

export default function EditProductPage() {
  const { title, product, defaults, attributes, vatRates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as
    | { form?: never; upload?: Record<string, string[]>; cert?: { error?: Record<string, string[] | null> } }
    | undefined;
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation("catalog");
  const { t: tf } = useTranslation("files");
  const lang = useLang();
  const trErr = (key: string) =>
    key.startsWith("files:")
      ? tf(key.slice(6), { allowed: "PDF, DWG, DXF, XLSX, DOCX, JPEG, PNG, WebP", max: 25 })
      : t(key);
  const busy = navigation.state === "submitting";
  const photos = product.media.filter((m) => m.kind === "PHOTO");
  const documents = product.media.filter((m) => m.kind === "DOCUMENT");
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{title}</h1>
          <p className="text-sm text-slate-600">
            <span data-testid="product-status">{t(`status.${product.status}`)}</span> ·{" "}
            <LocalizedLink to={`/products/${product.slug}`} className="text-brand-700 underline">
              {t("form.preview")}
            </LocalizedLink>
          </p>
        </div>
        <Form method="post" className="flex flex-wrap gap-2">
          {product.status !== "PUBLISHED" ? (
            <Button type="submit" name="intent" value="publish" disabled={busy}>
              {t("form.publish")}
            </Button>
          ) : (
            <Button type="submit" name="intent" value="draft" variant="secondary" disabled={busy}>
              {t("form.unpublish")}
            </Button>
          )}
          {product.status !== "ARCHIVED" ? (
            <Button type="submit" name="intent" value="archive" variant="secondary" disabled={busy}>
              {t("form.archive")}
            </Button>
          ) : null}
          <Button type="submit" name="intent" value="duplicate" variant="secondary" disabled={busy}>
            {t("workspace.duplicate")}
          </Button>
        </Form>
      </div>
      {params.get("created") ? <FormMessage tone="success">{t("form.created")}</FormMessage> : null}
      {params.get("saved") ? <FormMessage tone="success">{t("form.saved")}</FormMessage> : null}
      {params.get("status") === "PUBLISHED" ? <FormMessage tone="success">{t("form.published")}</FormMessage> : null}
      {params.get("status") === "ARCHIVED" ? <FormMessage tone="success">{t("form.archived")}</FormMessage> : null}
      {params.get("uploaded") ? <FormMessage tone="success">{t("form.uploaded")}</FormMessage> : null}

      <ProductForm
        defaults={defaults}
        attributes={attributes}
        categoryName={lang === "en" ? product.category.nameEn : product.category.nameRu}
        lastResult={(result as { form?: Parameters<typeof ProductForm>[0]["lastResult"] } | undefined)?.form}
        vatRates={vatRates}
      />

      <section aria-labelledby="media-heading" className="space-y-4">
        <h2 id="media-heading" className="text-lg font-semibold">
          {t("form.media")}
        </h2>
        <div className="grid gap-6 md:grid-cols-2">
          {(["photo", "document"] as const).map((kind) => {
            const items = kind === "photo" ? photos : documents;
            const errors = result?.upload?.[kind];
            return (
              <div key={kind} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="mb-2 font-medium">{kind === "photo" ? t("form.photos") : t("form.documents")}</h3>
                <ul className="mb-3 space-y-2">
                  {items.map((m) => (
                    <li key={m.id} className="flex items-center gap-3 text-sm">
                      {kind === "photo" ? (
                        <img src={`/files/${m.fileId}`} alt="" className="h-12 w-12 object-cover" />
                      ) : null}
                      <a href={`/files/${m.fileId}`} className="flex-1 text-brand-700 underline">
                        {m.title ?? m.name}
                      </a>
                      <Form method="post">
                        <input type="hidden" name="mediaId" value={m.id} />
                        <Button type="submit" name="intent" value="remove-media" variant="link" size="sm">
                          {t("form.remove")}
                        </Button>
                      </Form>
                    </li>
                  ))}
                </ul>
                <Form method="post" encType="multipart/form-data" className="space-y-2">
                  <input type="hidden" name="intent" value={kind} />
                  <label htmlFor={`${kind}-file`} className="block text-sm font-medium">
                    {kind === "photo" ? t("form.photoFile") : t("form.documentFile")}
                  </label>
                  <input
                    id={`${kind}-file`}
                    name="file"
                    type="file"
                    accept={
                      kind === "photo" ? "image/jpeg,image/png,image/webp,image/gif" : ".pdf,.dwg,.dxf,.xlsx,.docx"
                    }
                    aria-invalid={errors?.length ? true : undefined}
                    aria-describedby={errors?.length ? `${kind}-file-error` : undefined}
                    className="block text-sm"
                  />
                  {kind === "document" ? (
                    <label className="block text-sm">
                      {t("form.documentTitle")}
                      <input name="title" className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1" />
                    </label>
                  ) : null}
                  {errors?.length ? (
                    <p id={`${kind}-file-error`} className="text-sm text-red-700">
                      {errors.map(trErr).join(". ")}
                    </p>
                  ) : null}
                  <Button type="submit" variant="secondary" size="sm" disabled={busy}>
                    {t("form.upload")}
                  </Button>
                </Form>
              </div>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="certs-heading" className="space-y-3">
        <h2 id="certs-heading" className="text-lg font-semibold">
          {t("form.certificates")}
        </h2>
        <ul className="space-y-1 text-sm">
          {product.certificates.map((c) => (
            <li key={c.id} className="flex items-center gap-3">
              <span>
                {t(`certKind.${c.kind}`)} {c.number}, {formatDate(c.issuedAt, lang)}
                {c.expiresAt ? ` — ${formatDate(c.expiresAt, lang)}` : ""}
              </span>
              <Form method="post">
                <input type="hidden" name="certificateId" value={c.id} />
                <Button type="submit" name="intent" value="remove-certificate" variant="link" size="sm">
                  {t("form.remove")}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
        <Form
          method="post"
          encType="multipart/form-data"
          className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5"
        >
          <input type="hidden" name="intent" value="certificate" />
          <label className="block text-sm">
            {t("form.certKind")}
            <select name="kind" className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5">
              {["TR_TS", "TR_EAEU", "GOST_R", "OTHER"].map((k) => (
                <option key={k} value={k}>
                  {t(`certKind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            {t("form.certNumber")}
            <input
              name="number"
              required
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5"
            />
          </label>
          <label className="block text-sm">
            {t("form.certIssued")}
            <input
              name="issuedAt"
              type="date"
              required
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5"
            />
          </label>
          <label className="block text-sm">
            {t("form.certExpires")}
            <input
              name="expiresAt"
              type="date"
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5"
            />
          </label>
          <label className="block text-sm">
            {t("form.certFile")}
            <input name="file" type="file" accept=".pdf,image/*" className="mt-1 block w-full text-sm" />
          </label>
          {result?.cert?.error ? (
            <p className="text-sm text-red-700 md:col-span-5" role="alert">
              {Object.values(result.cert.error)
                .flat()
                .filter((e): e is string => typeof e === "string")
                .map((e) => t(e))
                .join(". ")}
            </p>
          ) : null}
          <div className="md:col-span-5">
            <Button type="submit" variant="secondary" size="sm" disabled={busy}>
              {t("form.addCertificate")}
            </Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
