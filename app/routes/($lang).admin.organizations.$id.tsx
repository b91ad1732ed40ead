import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { FormMessage, TextareaField } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { OPERATOR_DECISIONS, operatorDecisionSchema } from "~/modules/accounts/accounts.schema";
import {
  decideOrganization,
  getOrganizationForOperator,
  type OperatorDecision,
  requireActor,
} from "~/modules/accounts/accounts.server";
import { OrgStateBadge } from "~/modules/accounts/ui/operator";
import { formatDate, formatDateTime, formatNumber } from "~/modules/i18n/format";
import { getT } from "~/modules/i18n/i18n.server";
import { useLang } from "~/modules/i18n/use-lang";
import { orHttpError, replyToDomainError } from "~/utils/route-errors.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { operator: true });
  const t = await getT(request, "accounts");
  const org = await orHttpError(getOrganizationForOperator(actor, params.id ?? ""));
  return {
    title: `${org.shortName} — ${t("admin.organizations")}`,
    org: {
      ...org,
      verifiedAt: org.verifiedAt?.toISOString() ?? null,
      suspendedAt: org.suspendedAt?.toISOString() ?? null,
      createdAt: org.createdAt.toISOString(),
      members: org.members.map((m) => ({
        ...m,
        joinedAt: m.joinedAt.toISOString(),
        lastLoginAt: m.lastLoginAt?.toISOString() ?? null,
      })),
      documents: org.documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
      history: org.history.map((h) => ({ ...h, at: h.at.toISOString() })),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, { operator: true });
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const submission = parseWithZod(form, { schema: operatorDecisionSchema });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 422 });
  try {
    await orHttpError(
      decideOrganization(actor, params.id ?? "", submission.value.intent, submission.value.reason ?? null),
    );
  } catch (error) {
    return replyToDomainError(error, (e) => ({
      intent,
      result: submission.reply({ fieldErrors: e.fieldErrors, formErrors: e.formErrors }),
    }));
  }
  return redirect(`${new URL(request.url).pathname}?done=${submission.value.intent}`);
}

function DecisionForm({
  decision,
  name,
  cancel,
  lastResult,
}: {
  decision: OperatorDecision;
  name: string;
  cancel: ReactNode;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("accounts");
  const [form, fields] = useForm({
    id: `decide-${decision}`,
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: operatorDecisionSchema }),
  });
  const required = decision === "unverify" || decision === "block";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <p className="text-sm text-slate-700">{t(`admin.decide.${decision}.body`, { name })}</p>
      <input type="hidden" name="intent" value={decision} />
      <TextareaField
        meta={fields.reason}
        label={t(`admin.decide.${decision}.reason`)}
        required={required}
        rows={3}
        maxLength={500}
        translateError={(key) => t(key)}
      />
      {form.errors?.length ? <FormMessage>{form.errors.map((e) => t(e)).join(" ")}</FormMessage> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant={decision === "block" || decision === "unverify" ? "danger" : "primary"}>
          {t(`admin.decide.${decision}.confirm`)}
        </Button>
        {cancel}
      </div>
    </Form>
  );
}

function Requisite({ label, value, testId }: { label: string; value: string | null; testId?: string }) {
  const { t } = useTranslation("accounts");
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="break-words" data-testid={testId}>
        {value ?? <span className="text-slate-500">{t("admin.org.notGiven")}</span>}
      </dd>
    </div>
  );
}

export default function OperatorOrganization() {
  const { t } = useTranslation("accounts");
  const lang = useLang();
  const { org } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const confirm = params.get("confirm");
  const done = params.get("done");
  const decisions: OperatorDecision[] = [
    ...(org.kind === "SUPPLIER" ? [org.verifiedAt ? "unverify" : "verify"] : []),
    org.suspendedAt ? "unblock" : "block",
  ] as OperatorDecision[];
  const n = (v: number) => formatNumber(v, lang);
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[
          { label: t("admin.title"), to: "/admin" },
          { label: t("admin.organizations"), to: "/admin/organizations" },
          { label: org.shortName },
        ]}
      />
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold break-words">{org.shortName}</h1>
          <OrgStateBadge state={org.state} />
        </div>
        <p className="text-sm text-slate-600">
          {t(`kinds.${org.kind}`)} · {t("admin.org.registered", { date: formatDate(org.createdAt, lang) })}
        </p>
        {org.suspendedAt && org.suspendReason ? (
          <p className="text-sm text-red-800">{t("admin.org.blockedBecause", { reason: org.suspendReason })}</p>
        ) : null}
        {done && (OPERATOR_DECISIONS as readonly string[]).includes(done) ? (
          <FormMessage tone="success">{t("admin.org.done", { decision: t(`admin.decisions.${done}`) })}</FormMessage>
        ) : null}
      </div>

      <Panel id="org-actions" title={t("admin.org.actions")} tone="plain">
        <div className="flex flex-wrap gap-3">
          {decisions.map((decision) => {
            const failed = actionData?.intent === decision;
            return (
              <ConfirmDialog
                key={decision}
                value={decision}
                triggerLabel={t(`admin.decide.${decision}.button`)}
                triggerVariant={decision === "block" ? "danger" : decision === "verify" ? "primary" : "secondary"}
                title={t(`admin.decide.${decision}.title`, { name: org.shortName })}
                inline={confirm === decision || (failed && !hydrated)}
                keepOpen={failed}
              >
                {(cancel) => (
                  <DecisionForm
                    decision={decision}
                    name={org.shortName}
                    cancel={cancel}
                    lastResult={failed ? actionData.result : undefined}
                  />
                )}
              </ConfirmDialog>
            );
          })}
        </div>
      </Panel>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="org-requisites" title={t("admin.org.requisites")} tone="plain">
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            <Requisite label={t("admin.org.legalName")} value={org.legalName} />
            <Requisite label={t("admin.inn")} value={org.inn} testId="org-inn" />
            <Requisite label={t("admin.org.kpp")} value={org.kpp} />
            <Requisite label={t("admin.org.ogrn")} value={org.ogrn} />
            <Requisite label={t("admin.org.address")} value={`${org.region}, ${org.city}, ${org.legalAddress}`} />
            <Requisite label={t("admin.org.director")} value={org.directorName} />
            <Requisite label={t("admin.org.phone")} value={org.phone} />
            <Requisite label={t("admin.org.email")} value={org.email} />
            <Requisite label={t("admin.org.website")} value={org.website} />
          </dl>
          <h3 className="pt-2 font-medium">{t("admin.org.bank")}</h3>
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            <Requisite label={t("admin.org.bankName")} value={org.bankName} />
            <Requisite label={t("admin.org.bik")} value={org.bik} />
            <Requisite label={t("admin.org.account")} value={org.settlementAccount} />
            <Requisite label={t("admin.org.corrAccount")} value={org.correspondentAccount} />
          </dl>
        </Panel>

        <Panel id="org-activity" title={t("admin.org.activity")} tone="plain">
          <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="org-counts">
            {(
              [
                ["productsCount", org.counts.products],
                ["rfqsCount", org.counts.rfqs],
                ["quotesCount", org.counts.quotes],
                ["ordersCount", org.counts.orders],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="rounded-md border border-slate-200 bg-white p-2">
                <dt className="text-slate-600">{t(`admin.org.${key}`)}</dt>
                <dd className="text-lg font-semibold tabular-nums">{n(value)}</dd>
              </div>
            ))}
          </dl>
          <h3 className="pt-2 font-medium">{t("admin.org.documents")}</h3>
          {org.documents.length === 0 ? (
            <p className="text-sm text-slate-600">{t("admin.org.noDocuments")}</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="org-documents">
              {org.documents.map((d) => (
                <li key={d.id} className="break-words">
                  <a href={`/files/${d.id}`} className="text-brand-700 underline" rel="noopener">
                    {d.originalName}
                  </a>{" "}
                  <span className="text-slate-600">
                    · {formatNumber(Math.max(1, Math.round(d.size / 1024)), lang)} KB · {formatDate(d.createdAt, lang)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>

      <Panel id="org-users" title={t("admin.org.users")} tone="plain">
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
          {org.members.map((m) => (
            <li key={m.id} className="flex flex-wrap justify-between gap-2 p-3">
              <span className="min-w-0 break-words">
                <span className="font-medium">{m.name}</span> · {m.email} · {t(`roles.${m.role}`)}
              </span>
              <span className="text-slate-600">
                {t("admin.org.lastLogin")}: {m.lastLoginAt ? formatDateTime(m.lastLoginAt, lang) : t("admin.org.never")}
              </span>
            </li>
          ))}
        </ul>
      </Panel>

      <Panel id="org-history" title={t("admin.org.history")} tone="plain">
        {org.history.length === 0 ? (
          <p className="text-sm text-slate-600">{t("admin.org.noHistory")}</p>
        ) : (
          <ol
            className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm"
            data-testid="org-history"
          >
            {org.history.map((h) => (
              <li key={h.id} className="space-y-1 p-3" data-testid="history-row">
                <div className="flex flex-wrap gap-x-2">
                  <span className="font-medium">{t(`admin.decisions.${h.decision}`)}</span>
                  <span className="text-slate-600">{formatDateTime(h.at, lang)}</span>
                  <span className="text-slate-600">
                    · {h.by ? `${h.by.name} (${h.by.email})` : t("admin.org.system")}
                  </span>
                </div>
                {h.reason ? (
                  <p>
                    {t("admin.org.why")}: {h.reason}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </div>
  );
}
