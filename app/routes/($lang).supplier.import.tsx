import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage } from "~/components/ui/field";
import { FileInput } from "~/components/ui/file-input";
import { LocalizedLink, TextLink } from "~/components/ui/localized-link";
import { requireActor } from "~/modules/accounts/accounts.server";
import { type ColumnTarget, describeImportError, IMPORT_FIELDS } from "~/modules/catalog/catalog.schema";
import {
  createImportJob,
  getImportJob,
  listLeafCategories,
  startImportJob,
  validateImportJob,
} from "~/modules/catalog/catalog.server";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";
import { importUploadedCommerceMl } from "~/modules/integration/integration.server";
import { fieldErrorsOf, orHttpError } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const t = await getT(request, "catalog");
  const jobId = new URL(request.url).searchParams.get("job");
  const job = jobId ? await orHttpError(getImportJob(actor, jobId)) : null;
  return { title: t("import.title"), job, categories: job ? [] : await listLeafCategories() };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const lang = getLang(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const back = (id: string) => redirect(localizePath(lang, `/supplier/import?job=${id}`));
  try {
    if (intent === "upload") {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) return data({ errors: ["errors.file"] }, { status: 422 });
      if (/\.(xml|zip)$/i.test(file.name)) {
        // CommerceML (import.xml / offers.xml / a zip of them with images): the 1C exchange importer
        const done = await importUploadedCommerceMl(actor, [
          { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        ]);
        return redirect(localizePath(lang, `/supplier/exchange?session=${done.sessionId}`));
      }
      const { id } = await createImportJob(actor, {
        file,
        defaultCategoryId: String(form.get("defaultCategoryId") ?? "") || null,
      });
      return back(id);
    }
    const jobId = String(form.get("jobId") ?? "");
    if (intent === "validate") {
      const count = Number(form.get("columnCount") ?? 0);
      const allowed = new Set<string>(["", ...IMPORT_FIELDS.map((f) => `field:${f}`)]);
      const columns = Array.from({ length: Math.min(count, 500) }, (_, i) => {
        const v = String(form.get(`col-${i}`) ?? "");
        return (allowed.has(v) || /^spec:[a-z][a-z0-9_]*$/.test(v) ? v : "") as ColumnTarget;
      });
      await validateImportJob(actor, jobId, {
        columns,
        defaultCategoryId: String(form.get("defaultCategoryId") ?? "") || null,
      });
      return back(jobId);
    }
    if (intent === "run") {
      await startImportJob(actor, jobId);
      return back(jobId);
    }
    return data({ errors: ["errors.required"] }, { status: 400 });
  } catch (error) {
    return data({ errors: Object.values(fieldErrorsOf(error)).flat() }, { status: 422 });
  }
}

export default function ImportPage() {
  const { title, job, categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const { t } = useTranslation("catalog");
  const { t: tf } = useTranslation("files");
  const lang = useLang();
  const running = job?.status === "RUNNING";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const busy = navigation.state !== "idle";
  const tr = (key: string) => (key.startsWith("files:") ? tf(key.slice(6), { allowed: "XLSX, CSV", max: 25 }) : t(key));
  const describeError = (e: { row: number; field: string; code: string; column?: number }) =>
    describeImportError(t, e, { attributes: job?.attributeNames ?? [], headers: job?.headers ?? [] }, lang);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="max-w-3xl text-slate-700">{t("import.lead")}</p>
      {result && "errors" in result ? <FormMessage>{result.errors.map(tr).join(". ")}</FormMessage> : null}

      {!job ? (
        <form
          method="get"
          action="/supplier/import/template.xlsx"
          className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-5"
        >
          <CategorySelect
            id="template-category"
            name="category"
            label={t("import.templateCategory")}
            categories={categories}
          />
          <Button type="submit" variant="secondary">
            {t("import.templateDownload")}
          </Button>
          <p className="w-full text-sm text-slate-600">{t("import.templateHint")}</p>
        </form>
      ) : null}
      {!job ? (
        <Form
          method="post"
          encType="multipart/form-data"
          className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
        >
          <input type="hidden" name="intent" value="upload" />
          <div>
            <label htmlFor="import-file" className="block text-sm font-medium">
              {t("import.file")}
            </label>
            <FileInput id="import-file" name="file" required accept=".xlsx,.csv,.xml,.zip" />
          </div>
          <CategorySelect
            id="default-category"
            name="defaultCategoryId"
            label={t("import.defaultCategory")}
            categories={categories}
            none={t("import.noDefault")}
          />
          <Button type="submit" disabled={busy}>
            {t("import.upload")}
          </Button>
        </Form>
      ) : null}

      {job && (job.status === "UPLOADED" || job.status === "VALIDATED") ? (
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="validate" />
          <input type="hidden" name="jobId" value={job.id} />
          <input type="hidden" name="columnCount" value={job.headers.length} />
          <input type="hidden" name="defaultCategoryId" value={job.mapping.defaultCategoryId ?? ""} />
          <h2 className="text-lg font-semibold">{t("import.mapping")}</h2>
          <p className="text-sm text-slate-600">
            {job.fileName} · {t("import.mappingHint")}
          </p>
          {job.unmapped.fields.length + job.unmapped.specs.length > 0 ? (
            <div
              role="alert"
              className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
              data-testid="unmapped"
            >
              <p className="font-medium">{t("import.unmappedTitle")}</p>
              <ul className="mt-1 list-disc pl-6">
                {job.unmapped.fields.map((f) => (
                  <li key={f}>{t("import.unmappedField", { name: t(`import.fields.${f}`) })}</li>
                ))}
                {job.unmapped.specs.map((a) => (
                  <li key={a.code}>
                    {t("import.unmappedSpec", {
                      name: `${lang === "en" ? a.nameEn : a.nameRu}${a.unit ? `, ${a.unit}` : ""}`,
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="overflow-x-auto">
            <table className="bg-white text-sm">
              <thead>
                <tr>
                  <th scope="col" className="p-2 text-left">
                    {t("import.row")}
                  </th>
                  {job.headers.map((h, i) => (
                    <th key={i} scope="col" className="min-w-40 p-2 text-left align-top">
                      <label htmlFor={`col-${i}`} className="block font-medium">
                        {h || `#${i + 1}`}
                      </label>
                      <select
                        id={`col-${i}`}
                        name={`col-${i}`}
                        defaultValue={job.mapping.columns[i] ?? ""}
                        className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 font-normal"
                      >
                        <option value="">{t("import.ignore")}</option>
                        <optgroup label={t("import.fieldGroup")}>
                          {IMPORT_FIELDS.map((f) => (
                            <option key={f} value={`field:${f}`}>
                              {t(`import.fields.${f}`)}
                            </option>
                          ))}
                        </optgroup>
                        <optgroup label={t("import.specGroup")}>
                          {job.attributes.map((a) => (
                            <option key={a.code} value={`spec:${a.code}`}>
                              {lang === "en" ? a.nameEn : a.nameRu}
                              {a.unit ? `, ${a.unit}` : ""} [{a.code}]
                            </option>
                          ))}
                        </optgroup>
                      </select>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {job.preview.map((r) => (
                  <tr key={r.rowNumber} className="border-t border-slate-200">
                    <td className="p-2 text-slate-500">{r.rowNumber}</td>
                    {job.headers.map((_, i) => (
                      <td key={i} className="p-2">
                        {r.cells[i] === null || r.cells[i] === undefined ? "" : String(r.cells[i])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Button type="submit" variant={job.status === "VALIDATED" ? "secondary" : "primary"} disabled={busy}>
            {t("import.validate")}
          </Button>
        </Form>
      ) : null}

      {job && job.status === "VALIDATED" ? (
        <section className="space-y-3" aria-labelledby="validation-heading">
          <h2 id="validation-heading" className="sr-only">
            {t("import.errorsHeading")}
          </h2>
          <p role="status" data-testid="validation-summary">
            {t("import.validated", {
              total: job.totalRows,
              valid: job.totalRows - job.errorCount,
              errors: job.errorCount,
            })}
          </p>
          {job.errorCount > 0 ? (
            <>
              <ul className="list-disc pl-6 text-sm text-red-800" data-testid="row-errors">
                {job.errors.map((e) => (
                  <li key={`${e.row}-${e.field}-${e.code}`}>{describeError(e)}</li>
                ))}
              </ul>
              <a href={`/supplier/import/${job.id}/errors.xlsx`} className="text-brand-700 underline">
                {t("import.downloadErrors")}
              </a>
            </>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="run" />
            <input type="hidden" name="jobId" value={job.id} />
            <Button
              type="submit"
              disabled={busy || job.totalRows - job.errorCount === 0 || job.unmapped.fields.length > 0}
            >
              {t("import.run", { count: job.totalRows - job.errorCount })}
            </Button>
          </Form>
        </section>
      ) : null}

      {job && job.status === "RUNNING" ? (
        <section aria-live="polite" className="space-y-2">
          <p>{t("import.running")}</p>
          <progress
            className="w-full"
            max={Math.max(1, job.totalRows - job.errorCount)}
            value={job.processedRows}
            aria-label={t("import.progress", { done: job.processedRows, total: job.totalRows - job.errorCount })}
          />
          <p className="text-sm">
            {t("import.progress", { done: job.processedRows, total: job.totalRows - job.errorCount })}
          </p>
          {/* without JavaScript the page reloads itself while the job runs; the link does it by hand */}
          <noscript>
            <meta httpEquiv="refresh" content="3" />
          </noscript>
          <a href={`?job=${job.id}`} className="text-sm text-brand-700 underline">
            {t("import.reload")}
          </a>
        </section>
      ) : null}

      {job && job.status === "DONE" ? (
        <section className="space-y-3">
          <FormMessage tone="success">
            <span data-testid="import-done">
              {t("import.done", {
                created: job.createdCount,
                updated: job.updatedCount,
                unchanged: job.unchangedCount,
                errors: job.errorCount,
              })}
            </span>
          </FormMessage>
          {job.errorCount > 0 ? (
            <a href={`/supplier/import/${job.id}/errors.xlsx`} className="text-brand-700 underline">
              {t("import.downloadErrors")}
            </a>
          ) : null}
          {job.draftsCount > 0 ? (
            <p>
              <LocalizedLink
                to={`/supplier/products?import=${encodeURIComponent(job.id)}&status=DRAFT`}
                className="font-medium text-brand-700 underline"
              >
                {t("import.drafts", { n: job.draftsCount })}
              </LocalizedLink>
            </p>
          ) : null}
        </section>
      ) : null}
      {job && job.status === "FAILED" ? <FormMessage>{t("import.failed")}</FormMessage> : null}
      {job ? (
        <p className="flex gap-4 text-sm">
          <TextLink to="/supplier/import">{t("import.again")}</TextLink>
          <TextLink to="/supplier/products">{t("import.toProducts")}</TextLink>
        </p>
      ) : null}
    </div>
  );
}

/** A leaf category picker of the import page (the template's category, the rows' default category). */
function CategorySelect(props: {
  id: string;
  name: string;
  label: string;
  categories: { id: string; nameRu: string; nameEn: string }[];
  /** the empty choice; without it a category is required */
  none?: string;
}) {
  const lang = useLang();
  return (
    // a long category name must not widen the page on a phone: the select takes the row, up to max-w-md
    <div className="w-full min-w-0 max-w-md">
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      <select
        id={props.id}
        name={props.name}
        required={props.none === undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
      >
        {props.none !== undefined ? <option value="">{props.none}</option> : null}
        {props.categories.map((c) => (
          <option key={c.id} value={c.id}>
            {lang === "en" ? c.nameEn : c.nameRu}
          </option>
        ))}
      </select>
    </div>
  );
}
