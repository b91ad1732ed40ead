import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, PlainTextField } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { requireActor } from "~/modules/accounts/accounts.server";
import { listLeafCategories } from "~/modules/catalog/catalog.server";
import { formatDateTime } from "~/modules/i18n/format";
import { getT } from "~/modules/i18n/i18n.server";
import { useLang } from "~/modules/i18n/use-lang";
import {
  getExchangeSettings,
  issueExchangeCredential,
  listExchangeCredentials,
  listExchangeLog,
  mapGroups,
  revokeExchangeCredential,
  setPriceType,
} from "~/modules/integration/integration.server";
import { CredentialList, ShownOnce } from "~/modules/integration/ui/credentials";
import { throwAsResponse } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const t = await getT(request, "integration");
  const [settings, credentials, log, categories] = await Promise.all([
    getExchangeSettings(actor),
    listExchangeCredentials(actor),
    listExchangeLog(actor),
    listLeafCategories(),
  ]);
  const origin = new URL(request.url).origin;
  return {
    title: t("exchange.title"),
    endpoint: `${origin}/exchange/1c`,
    settings,
    credentials,
    log,
    categories: categories.map((c) => ({ id: c.id, nameRu: c.nameRu, nameEn: c.nameEn })),
    highlight: new URL(request.url).searchParams.get("session"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} — СнабМост` },
  { name: "robots", content: "noindex" },
];

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "issue") {
      const issued = await issueExchangeCredential(actor);
      return data({ issued, message: null as string | null });
    }
    if (intent === "revoke") {
      await revokeExchangeCredential(actor, String(form.get("id") ?? ""));
      return data({ issued: null, message: "exchange.revoked" });
    }
    if (intent === "priceType") {
      await setPriceType(actor, String(form.get("priceTypeName") ?? "").slice(0, 200) || null);
      return data({ issued: null, message: "exchange.saved" });
    }
    if (intent === "groups") {
      const mapping = [...form.entries()]
        .filter(([k]) => k.startsWith("group:"))
        .slice(0, 1000)
        .map(([k, v]) => ({ groupId: k.slice(6), categoryId: String(v) || null }));
      await mapGroups(actor, mapping);
      return data({ issued: null, message: "exchange.saved" });
    }
    return data({ issued: null, message: null }, { status: 400 });
  } catch (e) {
    throwAsResponse(e);
  }
}

export default function SupplierExchange() {
  const { endpoint, settings, credentials, log, categories, highlight } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("integration");
  const lang = useLang();
  return (
    <div className="max-w-4xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("exchange.title")}</h1>
        <p className="text-slate-600">{t("exchange.intro")}</p>
        <p className="mt-2 break-all text-sm">
          {t("exchange.endpoint")}: <code>{endpoint}</code>
        </p>
      </div>
      {result?.message ? (
        <FormMessage
          tone={result.message === "exchange.saved" || result.message === "exchange.revoked" ? "success" : undefined}
        >
          {t(result.message)}
        </FormMessage>
      ) : null}

      <Panel id="cred-h" title={t("exchange.credentials")} hint={t("exchange.credentialsHint")} tone="plain">
        {result?.issued ? (
          <ShownOnce title={t("exchange.shownOnce")}>
            <p>
              {t("exchange.login")}: <code data-testid="exchange-login">{result.issued.login}</code>
            </p>
            <p className="break-all">
              {t("exchange.password")}: <code data-testid="exchange-password">{result.issued.password}</code>
            </p>
          </ShownOnce>
        ) : null}
        <CredentialList items={credentials} name={(c) => c.login} revokeLabel={t("exchange.revoke")}>
          {(c) => (
            <>
              <code>{c.login}</code> · {formatDateTime(c.createdAt, lang)}
            </>
          )}
        </CredentialList>
        <Form method="post">
          <input type="hidden" name="intent" value="issue" />
          <Button type="submit">{t("exchange.issue")}</Button>
        </Form>
      </Panel>

      <Panel id="price-h" title={t("exchange.priceType")} tone="plain">
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="priceType" />
          <PlainTextField
            id="price-type"
            name="priceTypeName"
            label={t("exchange.priceTypeLabel")}
            defaultValue={settings.priceTypeName ?? ""}
            maxLength={200}
            hint={t("exchange.priceTypeHint")}
            ns="integration"
          />
          <Button type="submit">{t("exchange.save")}</Button>
        </Form>
      </Panel>

      <Panel id="groups-h" title={t("exchange.groups")} tone="plain">
        {settings.pendingTotal > 0 ? (
          <p className="text-sm text-amber-800">{t("exchange.pending", { count: settings.pendingTotal })}</p>
        ) : null}
        {settings.groups.length === 0 ? (
          <p className="text-sm text-slate-600">{t("exchange.noGroups")}</p>
        ) : (
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="groups" />
            {settings.groups.map((g) => (
              <div key={g.groupId} className="flex flex-wrap items-center gap-3">
                <label htmlFor={`group-${g.groupId}`} className="min-w-48 text-sm">
                  {g.groupName}
                  {g.pending > 0 ? ` (${t("exchange.waiting", { count: g.pending })})` : ""}
                </label>
                <select
                  id={`group-${g.groupId}`}
                  name={`group:${g.groupId}`}
                  defaultValue={g.categoryId ?? ""}
                  className="max-w-full rounded border border-slate-300 px-2 py-1 text-sm"
                >
                  <option value="">{t("exchange.noCategory")}</option>
                  {categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {lang === "ru" ? c.nameRu : c.nameEn}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <Button type="submit">{t("exchange.save")}</Button>
          </Form>
        )}
      </Panel>

      <Panel id="log-h" title={t("exchange.log")} tone="plain">
        {log.length === 0 ? <p className="text-sm text-slate-600">{t("exchange.noLog")}</p> : null}
        <ul className="space-y-2">
          {log.map((s) => (
            <li
              key={s.id}
              className={`rounded border p-3 text-sm ${s.id === highlight ? "border-brand-600" : "border-slate-200"}`}
            >
              <p className="font-medium">
                {formatDateTime(s.createdAt, lang)} · {t(`exchange.type.${s.type}`)} ·{" "}
                {t(`exchange.status.${s.status}`)}
              </p>
              {Object.entries(s.report.imports).map(([name, r]) => (
                <p key={name}>
                  {name}:{" "}
                  {t("exchange.counts", {
                    done: r.done,
                    total: r.total,
                    created: r.created,
                    updated: r.updated,
                    unchanged: r.unchanged,
                    drafts: r.drafts,
                  })}
                  {r.errors.length > 0 ? ` · ${t("exchange.errors", { count: r.errors.length })}` : ""}
                </p>
              ))}
              {s.report.orders ? (
                <p>{t("exchange.orders", { exported: s.report.orders.exported, updated: s.report.orders.updated })}</p>
              ) : null}
              {s.report.failure ? <p className="text-red-700">{s.report.failure}</p> : null}
              {Object.values(s.report.imports).some((r) => r.errors.length > 0) ? (
                <details>
                  <summary className="cursor-pointer">{t("exchange.showErrors")}</summary>
                  <ul className="list-disc pl-5">
                    {Object.values(s.report.imports)
                      .flatMap((r) => r.errors)
                      .slice(0, 50)
                      .map((e, i) => (
                        <li key={i} className="break-all">
                          {e.item}: {e.message}
                        </li>
                      ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
