import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { DateInput } from "~/components/ui/date-input";
import { FormMessage } from "~/components/ui/field";
import { FileInput } from "~/components/ui/file-input";
import { TextLink } from "~/components/ui/localized-link";
import { Panel } from "~/components/ui/panel";
import { requireActor } from "~/modules/accounts/accounts.server";
import { certificateFormSchema, productFormSchema } from "~/modules/catalog/catalog.schema";
import {
  addCertificate,
  addProductMedia,
  addProductPhotos,
  duplicateProduct,
  getCategoryAttributes,
  getSupplierProduct,
  moveProductPhoto,
  PRODUCT_PHOTOS_MAX,
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
    photosMax: PRODUCT_PHOTOS_MAX,
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
      case "photo": {
        const files = formData
          .getAll("file")
          .map(fileOf)
          .filter((f): f is File => f !== null);
        if (files.length === 0) return data({ upload: { photo: ["errors.file"] } }, { status: 422 });
        await addProductPhotos(actor, id, files);
        return redirect(`${here}?uploaded=1#photos-heading`);
      }
      case "photo-move": {
        const to = String(formData.get("to") ?? "");
        if (to !== "main" && to !== "up" && to !== "down") return data({ error: "bad move" }, { status: 400 });
        await moveProductPhoto(actor, id, String(formData.get("mediaId") ?? ""), to);
        return redirect(`${here}#photos-heading`);
      }
      case "document": {
        const file = fileOf(formData.get("file"));
        if (!file) return data({ upload: { document: ["errors.file"] } }, { status: 422 });
        await addProductMedia(actor, id, { kind: "DOCUMENT", file, title: String(formData.get("title") ?? "") });
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
  const { title, product, defaults, attributes, vatRates, photosMax } = useLoaderData<typeof loader>();
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
            <TextLink to={`/products/${product.slug}`}>{t("form.preview")}</TextLink>
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

      <Panel id="media-heading" title={t("form.media")} tone="plain">
        <div className="grid gap-6 md:grid-cols-2">
          <PhotosPanel
            photos={photos}
            max={photosMax}
            busy={busy}
            errors={result?.upload?.photo?.map(trErr)}
            title={product.title}
          />
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="mb-2 font-medium">{t("form.documents")}</h3>
            <ul className="mb-3 space-y-2">
              {documents.map((m) => (
                <li key={m.id} className="flex items-center gap-3 text-sm">
                  <a href={`/files/${m.fileId}`} className="flex-1 text-brand-700 underline">
                    {m.title ?? m.name}
                  </a>
                  <RemoveMediaButton mediaId={m.id} />
                </li>
              ))}
            </ul>
            <UploadForm
              kind="document"
              label={t("form.documentFile")}
              accept=".pdf,.dwg,.dxf,.xlsx,.docx"
              errors={result?.upload?.document?.map(trErr)}
              busy={busy}
            >
              <label className="block text-sm">
                {t("form.documentTitle")}
                <input name="title" className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1" />
              </label>
            </UploadForm>
          </div>
        </div>
      </Panel>

      <Panel id="certs-heading" title={t("form.certificates")} tone="plain">
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
          {(
            [
              ["cert-issued", "issuedAt", t("form.certIssued")],
              ["cert-expires", "expiresAt", t("form.certExpires")],
            ] as const
          ).map(([id, name, label]) => (
            <div key={id} className="text-sm">
              <label htmlFor={id}>{label}</label>
              <DateInput
                id={id}
                name={name}
                required={name === "issuedAt"}
                className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5"
              />
            </div>
          ))}
          <div className="min-w-0 text-sm">
            <label htmlFor="cert-file">{t("form.certFile")}</label>
            <FileInput id="cert-file" name="file" accept=".pdf,image/*" />
          </div>
          {result?.cert?.error ? (
            <FormMessage className="md:col-span-5">
              {Object.values(result.cert.error)
                .flat()
                .filter((e): e is string => typeof e === "string")
                .map((e) => t(e))
                .join(". ")}
            </FormMessage>
          ) : null}
          <div className="md:col-span-5">
            <Button type="submit" variant="secondary" size="sm" disabled={busy}>
              {t("form.addCertificate")}
            </Button>
          </div>
        </Form>
      </Panel>
    </div>
  );
}

function RemoveMediaButton({ mediaId }: { mediaId: string }) {
  const { t } = useTranslation("catalog");
  return (
    <Form method="post">
      <input type="hidden" name="mediaId" value={mediaId} />
      <Button type="submit" name="intent" value="remove-media" variant="link" size="sm">
        {t("form.remove")}
      </Button>
    </Form>
  );
}

/** The product's photos in order (the first is the main one) with their moves, and the upload of more. */
function PhotosPanel({
  photos,
  max,
  busy,
  errors,
  title,
}: {
  photos: { id: string; fileId: string; name: string }[];
  max: number;
  busy: boolean;
  errors?: string[];
  title: string;
}) {
  const { t } = useTranslation("catalog");
  const move = (mediaId: string, to: "main" | "up" | "down", label: string, disabled: boolean) => (
    <Form method="post">
      <input type="hidden" name="intent" value="photo-move" />
      <input type="hidden" name="mediaId" value={mediaId} />
      <input type="hidden" name="to" value={to} />
      <Button type="submit" variant="link" size="sm" disabled={busy || disabled}>
        {label}
      </Button>
    </Form>
  );
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="photos-panel">
      <h3 id="photos-heading" className="mb-1 font-medium">
        {t("form.photos")}{" "}
        <span className="text-sm font-normal text-slate-600">
          {t("form.photosCount", { count: photos.length, max })}
        </span>
      </h3>
      <p id="photo-file-hint" className="mb-3 text-xs text-slate-600">
        {t("form.photosHint", { max })}
      </p>
      <ol className="mb-3 space-y-2">
        {photos.map((m, i) => (
          <li key={m.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="photo-item">
            <img
              src={`/images/${m.fileId}/320.webp`}
              alt={t("product.photoAlt", { title, n: i + 1 })}
              width={48}
              height={48}
              loading="lazy"
              className="h-12 w-12 rounded border border-slate-200 object-cover"
            />
            <span className="min-w-0 flex-1 break-all">
              {i === 0 ? (
                <span className="mr-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-800">
                  {t("form.mainPhoto")}
                </span>
              ) : null}
              {m.name}
            </span>
            <span className="flex flex-wrap items-center gap-2">
              {i > 0 ? move(m.id, "main", t("form.makeMain"), false) : null}
              {move(m.id, "up", t("form.moveUp"), i === 0)}
              {move(m.id, "down", t("form.moveDown"), i === photos.length - 1)}
              <RemoveMediaButton mediaId={m.id} />
            </span>
          </li>
        ))}
      </ol>
      {photos.length < max ? (
        <UploadForm
          kind="photo"
          label={t("form.photoFile")}
          accept="image/jpeg,image/png,image/webp,image/gif"
          multiple
          hintId="photo-file-hint"
          errors={errors}
          busy={busy}
        />
      ) : null}
    </div>
  );
}

/** One upload form of the media section: a labelled file input, its errors next to it, extra fields, «Загрузить». */
function UploadForm({
  kind,
  label,
  accept,
  multiple,
  hintId,
  errors,
  busy,
  children,
}: {
  kind: "photo" | "document";
  label: string;
  accept: string;
  multiple?: boolean;
  hintId?: string;
  errors?: string[];
  busy: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation("catalog");
  const errorId = `${kind}-file-error`;
  const describedBy = [errors?.length ? errorId : null, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-2">
      <input type="hidden" name="intent" value={kind} />
      <label htmlFor={`${kind}-file`} className="block text-sm font-medium">
        {label}
      </label>
      <FileInput
        id={`${kind}-file`}
        name="file"
        multiple={multiple}
        accept={accept}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
      />
      {children}
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(". ")}
        </p>
      ) : null}
      <Button type="submit" variant="secondary" size="sm" disabled={busy}>
        {t("form.upload")}
      </Button>
    </Form>
  );
}
