import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage } from "~/components/ui/field";
import { IntentButton } from "~/components/ui/intent-button";
import { LocalizedLink } from "~/components/ui/localized-link";
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

export default function ApiKeysPage() {
  const { keys, hooks, deliveries, scopes, events } = useLoaderData<typeof loader>();
  const r = useActionData<typeof action>() as Result | undefined;
  const { t } = useTranslation("integration");
  const lang = useLang();
  const err = (field: string) => r?.fieldErrors?.[field]?.map((k) => t(k)).join(" ");
  const kept = (field: string) => r?.values?.[field];
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("apiKeys.title")}</h1>
        <p className="text-slate-600">{t("apiKeys.intro")}</p>
        <LocalizedLink to="/docs/api" className="text-brand-700 underline">
          {t("apiKeys.docs")}
        </LocalizedLink>
      </div>
      {r?.message ? (
        <FormMessage tone={r.message === "apiKeys.revoked" ? "success" : "error"}>{t(r.message)}</FormMessage>
      ) : null}
      {r?.key ? (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">{t("apiKeys.shownOnce")}</p>
          <code data-testid="api-key" className="break-all">
            {r.key}
          </code>
        </div>
      ) : null}
      <section aria-labelledby="keys-h" className="space-y-3">
        <h2 id="keys-h" className="text-lg font-medium">
          {t("apiKeys.title")}
        </h2>
        {keys.length === 0 ? <p className="text-sm text-slate-600">{t("apiKeys.none")}</p> : null}
        <ul className="divide-y divide-slate-200 rounded border border-slate-200">
          {keys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <span className="min-w-0 break-words">
                <strong>{k.name}</strong> · <code>sm_{k.prefix}_…</code> ·{" "}
                {k.scopes.map((s) => t(`apiKeys.scope.${s}`)).join(", ")}
                {" · "}
                {k.lastUsedAt
                  ? t("apiKeys.lastUsed", { date: formatDateTime(k.lastUsedAt, lang) })
                  : t("apiKeys.neverUsed")}
                {k.revokedAt ? ` · ${t("exchange.revokedAt", { date: formatDateTime(k.revokedAt, lang) })}` : ""}
              </span>
              {!k.revokedAt ? (
                <IntentButton intent="revoke" fields={{ id: k.id }} label={`${t("apiKeys.revoke")}: ${k.name}`}>
                  {t("apiKeys.revoke")}
                </IntentButton>
              ) : null}
            </li>
          ))}
        </ul>
        <Form method="post" className="space-y-3 rounded border border-slate-200 p-4">
          <input type="hidden" name="intent" value="create" />
          <div>
            <label htmlFor="key-name" className="block text-sm font-medium">
              {t("apiKeys.name")}
            </label>
            <input
              id="key-name"
              name="name"
              maxLength={100}
              defaultValue={String(kept("name") ?? "")}
              aria-invalid={err("name") ? true : undefined}
              aria-describedby={err("name") ? "key-name-error" : undefined}
              className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
            />
            {err("name") ? (
              <p id="key-name-error" className="text-sm text-red-700">
                {err("name")}
              </p>
            ) : null}
          </div>
          <fieldset aria-describedby={err("scopes") ? "key-scopes-error" : undefined}>
            <legend className="text-sm font-medium">{t("apiKeys.scopes")}</legend>
            {scopes.map((s) => (
              <label key={s} className="mr-4 inline-flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  name="scopes"
                  value={s}
                  defaultChecked={(kept("scopes") as string[] | undefined)?.includes(s)}
                />
                {t(`apiKeys.scope.${s}`)}
              </label>
            ))}
            {err("scopes") ? (
              <p id="key-scopes-error" className="text-sm text-red-700">
                {err("scopes")}
              </p>
            ) : null}
          </fieldset>
          <Button type="submit">{t("apiKeys.create")}</Button>
        </Form>
      </section>

      <section aria-labelledby="hooks-h" className="space-y-3">
        <h2 id="hooks-h" className="text-lg font-medium">
          {t("webhooks.title")}
        </h2>
        {r?.secret ? (
          <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
            <p className="font-medium">{t("webhooks.secretOnce")}</p>
            <code className="break-all">{r.secret}</code>
          </div>
        ) : null}
        <ul className="space-y-3">
          {hooks.map((h) => (
            <li key={h.id} className="space-y-2 rounded border border-slate-200 p-3 text-sm">
              <p className="break-all font-medium">{h.url}</p>
              <p>{h.events.join(", ")}</p>
              {!h.enabled ? (
                <p className="text-red-700">{t("webhooks.disabled", { reason: h.disabledReason ?? "" })}</p>
              ) : null}
              <div className="flex flex-wrap gap-2">
                {!h.enabled ? (
                  <IntentButton
                    intent="webhook-enable"
                    fields={{ id: h.id }}
                    label={`${t("webhooks.enable")}: ${h.url}`}
                  >
                    {t("webhooks.enable")}
                  </IntentButton>
                ) : null}
                <IntentButton intent="webhook-delete" fields={{ id: h.id }} label={`${t("webhooks.delete")}: ${h.url}`}>
                  {t("webhooks.delete")}
                </IntentButton>
              </div>
              {deliveries[h.id]?.length ? (
                <details>
                  <summary className="cursor-pointer">{t("webhooks.deliveries")}</summary>
                  <ul className="mt-2 space-y-1">
                    {deliveries[h.id].map((d) => (
                      <li key={d.id} className="flex flex-wrap items-center gap-2">
                        <span>
                          {formatDateTime(d.createdAt, lang)} · {d.event} · {d.status} · {d.lastStatusCode ?? "—"}
                        </span>
                        <IntentButton
                          intent="replay"
                          fields={{ id: h.id, deliveryId: d.id }}
                          label={`${t("webhooks.replay")}: ${d.event}, ${formatDateTime(d.createdAt, lang)}`}
                        >
                          {t("webhooks.replay")}
                        </IntentButton>
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
        <Form method="post" className="space-y-3 rounded border border-slate-200 p-4">
          <input type="hidden" name="intent" value="webhook" />
          <div>
            <label htmlFor="hook-url" className="block text-sm font-medium">
              {t("webhooks.url")}
            </label>
            <input
              id="hook-url"
              name="url"
              type="url"
              defaultValue={String(kept("url") ?? "")}
              aria-invalid={err("url") ? true : undefined}
              aria-describedby={err("url") ? "hook-url-error" : undefined}
              className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
            />
            {err("url") ? (
              <p id="hook-url-error" className="text-sm text-red-700">
                {err("url")}
              </p>
            ) : null}
          </div>
          <fieldset aria-describedby={err("events") ? "hook-events-error" : undefined}>
            <legend className="text-sm font-medium">{t("webhooks.events")}</legend>
            {events.map((e) => (
              <label key={e} className="mr-4 inline-flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  name="events"
                  value={e}
                  defaultChecked={(kept("events") as string[] | undefined)?.includes(e)}
                />
                <code>{e}</code>
              </label>
            ))}
            {err("events") ? (
              <p id="hook-events-error" className="text-sm text-red-700">
                {err("events")}
              </p>
            ) : null}
          </fieldset>
          <Button type="submit">{t("webhooks.create")}</Button>
        </Form>
      </section>
    </div>
  );
}
