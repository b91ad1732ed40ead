import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage } from "~/components/ui/field";
import { LocalizedLink } from "~/components/ui/localized-link";
import { Panel } from "~/components/ui/panel";
import { requireActor } from "~/modules/accounts/accounts.server";
import { formatDateTime } from "~/modules/i18n/format";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import {
  ContractTemplateError,
  getContractTemplateAdmin,
  previewContractTemplate,
  saveContractTemplate,
} from "~/modules/orders/index.server";

/** The operator edits the договор поставки template: versions, placeholder checks, a preview with example values. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { operator: true });
  const lang = getLang(request);
  const t = await getT(request, "orders");
  const admin = await getContractTemplateAdmin(actor);
  return {
    title: t("contractTemplate.title"),
    current: admin.current,
    placeholders: [...admin.placeholders],
    builtInContracts: admin.builtInContracts,
    versions: admin.versions.map((v) => ({ ...v, createdAt: formatDateTime(v.createdAt, lang) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} — СнабМост` },
  { name: "robots", content: "noindex" },
];

type Problem = ReturnType<typeof previewContractTemplate>["problems"][number];

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { operator: true });
  const form = await request.formData();
  const body = String(form.get("body") ?? "");
  const intent = form.get("intent");
  if (intent === "save") {
    try {
      const saved = await saveContractTemplate(actor, body);
      return redirect(localizePath(getLang(request), `/admin/contract-template?saved=${saved.version}`));
    } catch (error) {
      if (!(error instanceof ContractTemplateError)) throw error;
      return data({ body, problems: error.problems as Problem[], preview: null as string | null }, { status: 400 });
    }
  }
  const preview = previewContractTemplate(actor, body);
  return data(
    { body, problems: preview.problems as Problem[], preview: preview.problems.length ? null : preview.text },
    { status: preview.problems.length ? 400 : 200 },
  );
}

export default function ContractTemplatePage() {
  const { title, current, placeholders, versions, builtInContracts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("orders");
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const problems = actionData?.problems ?? [];
  const errorId = "body-error";
  return (
    <div className="space-y-6">
      <nav aria-label={t("contractTemplate.back")} className="text-sm">
        <LocalizedLink to="/admin" className="underline">
          {t("contractTemplate.back")}
        </LocalizedLink>
      </nav>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-sm text-slate-700">{t("contractTemplate.intro", { version: current.version })}</p>
      <div aria-live="polite">
        {saved ? <FormMessage tone="success">{t("contractTemplate.saved", { version: saved })}</FormMessage> : null}
      </div>
      <Form method="post" className="space-y-3">
        <div>
          <label htmlFor="body" className="block text-sm font-medium text-slate-800">
            {t("contractTemplate.body")}
          </label>
          <p id="body-hint" className="mt-1 text-xs text-slate-600 break-words">
            {t("contractTemplate.hint")}{" "}
            {placeholders.map((p) => (
              <code key={p} className="mr-1 inline-block rounded bg-slate-100 px-1">{`{{${p}}}`}</code>
            ))}
          </p>
          <textarea
            id="body"
            name="body"
            rows={18}
            defaultValue={actionData?.body ?? current.body}
            aria-invalid={problems.length ? true : undefined}
            aria-describedby={problems.length ? `body-hint ${errorId}` : "body-hint"}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs aria-[invalid=true]:border-red-600"
          />
          {problems.length ? (
            <ul id={errorId} className="mt-1 space-y-1 text-sm text-red-700" data-field-error="body">
              {problems.map((p) => (
                <li key={JSON.stringify(p)}>{t(`contractTemplate.errors.${p.code}`, p)}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="preview" variant="secondary">
            {t("contractTemplate.preview")}
          </Button>
          <Button type="submit" name="intent" value="save">
            {t("contractTemplate.save")}
          </Button>
        </div>
      </Form>
      {actionData?.preview ? (
        <Panel id="preview-h" title={t("contractTemplate.previewTitle")} tone="plain">
          <pre
            className="mt-2 whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
            data-testid="template-preview"
          >
            {actionData.preview}
          </pre>
        </Panel>
      ) : null}
      <Panel id="versions-h" title={t("contractTemplate.versions")} tone="plain">
        <ul className="mt-2 space-y-1 text-sm" data-testid="template-versions">
          {versions.map((v) => (
            <li key={v.version}>
              {t("contractTemplate.version", { version: v.version, at: v.createdAt, count: v.contracts })}
            </li>
          ))}
          <li>{t("contractTemplate.builtIn", { count: builtInContracts })}</li>
        </ul>
      </Panel>
    </div>
  );
}
