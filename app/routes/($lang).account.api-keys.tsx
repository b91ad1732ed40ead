import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, PlainTextField } from "~/components/ui/field";
import { TextLink } from "~/components/ui/localized-link";
import { Panel } from "~/components/ui/panel";
import { requireActor } from "~/modules/accounts/accounts.server";
import { formatDateTime } from "~/modules/i18n/format";
import { getT } from "~/modules/i18n/i18n.server";
import { useLang } from "~/modules/i18n/use-lang";
import {
  createApiKey,
  createWebhook,
  deleteWebhook,
  enableWebhook,
  listApiKeys,
  listDeliveries,
  listWebhooks,
  replayDelivery,
  revokeApiKey,
  scopesFor,
  WEBHOOK_EVENT_TYPES,
} from "~/modules/integration/integration.server";
import { CheckboxGroup, CredentialList, ShownOnce, WebhookList } from "~/modules/integration/ui/credentials";
import { replyToDomainError } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!actor.organizationId || !actor.orgKind) throw new Response("Forbidden", { status: 403 });
  const t = await getT(request, "integration");
  const [keys, hooks] = await Promise.all([listApiKeys(actor), listWebhooks(actor)]);
  const deliveries = Object.fromEntries(
    await Promise.all(hooks.map(async (h) => [h.id, await listDeliveries(actor, h.id, 10)] as const)),
  );
  return {
    title: t("apiKeys.title"),
    keys,
    hooks,
    deliveries,
    scopes: scopesFor(actor.orgKind),
    events: [...WEBHOOK_EVENT_TYPES],
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} — СнабМост` },
  { name: "robots", content: "noindex" },
];

type Result = {
  key?: string;
  secret?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string | string[]>;
};

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const values = {
    name: String(form.get("name") ?? ""),
    scopes: form.getAll("scopes").map(String),
    url: String(form.get("url") ?? ""),
    events: form.getAll("events").map(String),
  };
  try {
    if (intent === "create") {
      const r = await createApiKey(actor, { name: values.name, scopes: values.scopes });
      return data<Result>({ key: r.key });
    }
    if (intent === "revoke") {
      await revokeApiKey(actor, String(form.get("id") ?? ""));
      return data<Result>({ message: "apiKeys.revoked" });
    }
    if (intent === "webhook") {
      const r = await createWebhook(actor, { url: values.url, events: values.events });
      return data<Result>({ secret: r.secret });
    }
    if (intent === "webhook-delete") await deleteWebhook(actor, String(form.get("id") ?? ""));
    else if (intent === "webhook-enable") await enableWebhook(actor, String(form.get("id") ?? ""));
    else if (intent === "replay")
      await replayDelivery(actor, String(form.get("id") ?? ""), String(form.get("deliveryId") ?? ""));
    return data<Result>({});
  } catch (e) {
    return replyToDomainError(e, (error): Result => ({ fieldErrors: error.fieldErrors, values }));
  }
}

/** The two create forms: a name or URL, and a set of scopes or events (ids, names and label keys). */
const CREATE_FORMS = {
  key: {
    intent: "create",
    input: ["key-name", "name", "text", "apiKeys.name"],
    group: ["key-scopes", "scopes", "apiKeys.scopes"],
    submit: "apiKeys.create",
  },
  webhook: {
    intent: "webhook",
    input: ["hook-url", "url", "url", "webhooks.url"],
    group: ["hook-events", "events", "webhooks.events"],
    submit: "webhooks.create",
  },
} as const;

/** A create form; after a refused submit it shows the errors next to the fields and keeps what was typed and ticked. */
function CreateForm({
  form,
  options,
}: {
  form: (typeof CREATE_FORMS)[keyof typeof CREATE_FORMS];
  options: { value: string; label: ReactNode }[];
}) {
  const r = useActionData<typeof action>() as Result | undefined;
  const { t } = useTranslation("integration");
  const [inputId, inputName, type, label] = form.input;
  const [groupId, groupName, legend] = form.group;
  return (
    <Form method="post" className="space-y-3 rounded border border-slate-200 p-4">
      <input type="hidden" name="intent" value={form.intent} />
      <PlainTextField
        id={inputId}
        name={inputName}
        type={type}
        maxLength={type === "text" ? 100 : undefined}
        label={t(label)}
        defaultValue={String(r?.values?.[inputName] ?? "")}
        errors={r?.fieldErrors?.[inputName]}
        ns="integration"
      />
      <CheckboxGroup
        id={groupId}
        name={groupName}
        legend={t(legend)}
        options={options}
        checked={r?.values?.[groupName] as string[] | undefined}
        errors={r?.fieldErrors?.[groupName]}
      />
      <Button type="submit">{t(form.submit)}</Button>
    </Form>
  );
}

export default function ApiKeysPage() {
  const { keys, hooks, deliveries, scopes, events } = useLoaderData<typeof loader>();
  const r = useActionData<typeof action>() as Result | undefined;
  const { t } = useTranslation("integration");
  const lang = useLang();
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("apiKeys.title")}</h1>
        <p className="text-slate-600">{t("apiKeys.intro")}</p>
        <TextLink to="/docs/api">{t("apiKeys.docs")}</TextLink>
      </div>
      {r?.message ? (
        <FormMessage tone={r.message === "apiKeys.revoked" ? "success" : "error"}>{t(r.message)}</FormMessage>
      ) : null}
      {r?.key ? (
        <ShownOnce title={t("apiKeys.shownOnce")}>
          <code data-testid="api-key" className="break-all">
            {r.key}
          </code>
        </ShownOnce>
      ) : null}
      <Panel id="keys-h" title={t("apiKeys.title")} tone="plain">
        {keys.length === 0 ? <p className="text-sm text-slate-600">{t("apiKeys.none")}</p> : null}
        <CredentialList items={keys} name={(k) => k.name} revokeLabel={t("apiKeys.revoke")}>
          {(k) => (
            <>
              <strong>{k.name}</strong> · <code>sm_{k.prefix}_…</code> ·{" "}
              {k.scopes.map((s) => t(`apiKeys.scope.${s}`)).join(", ")}
              {" · "}
              {k.lastUsedAt
                ? t("apiKeys.lastUsed", { date: formatDateTime(k.lastUsedAt, lang) })
                : t("apiKeys.neverUsed")}
            </>
          )}
        </CredentialList>
        <CreateForm
          form={CREATE_FORMS.key}
          options={scopes.map((s) => ({ value: s, label: t(`apiKeys.scope.${s}`) }))}
        />
      </Panel>

      <Panel id="hooks-h" title={t("webhooks.title")} tone="plain">
        {r?.secret ? (
          <ShownOnce title={t("webhooks.secretOnce")}>
            <code className="break-all">{r.secret}</code>
          </ShownOnce>
        ) : null}
        <WebhookList hooks={hooks} deliveries={deliveries} />
        <CreateForm form={CREATE_FORMS.webhook} options={events.map((e) => ({ value: e, label: <code>{e}</code> }))} />
      </Panel>
    </div>
  );
}
