import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass, secondaryButtonClass } from "~/components/ui/button";
import { FieldErrors, plainInputClass } from "~/components/ui/field";
import { IntentButton } from "~/components/ui/intent-button";
import { LocalizedLink, TextLink } from "~/components/ui/localized-link";
import { Panel } from "~/components/ui/panel";
import { DataTable } from "~/components/ui/table";
import { formatDateTime } from "~/modules/i18n/format";
import { localizePath } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";
import {
  QuestionsSection,
  ReasonForm,
  RfqPageNotices,
  RfqPageTitle,
  ThreadLine,
  useRfqPageForms,
} from "~/modules/quotes/ui/rfq-page";
import { supplierInviteSchema } from "~/modules/rfq/invite.schema";
import {
  answerSchema,
  extendDeadlineSchema,
  parseMoscowDateTime,
  reasonSchema,
  toMoscowDateTimeInput,
} from "~/modules/rfq/rfq.schema";
import {
  answerQuestion,
  cancelRfq,
  cancelSupplierInvite,
  duplicateRfq,
  extendDeadline,
  getBuyerRfq,
  intentFailure,
  inviteSupplier,
  listSupplierInvites,
  resendSupplierInvite,
} from "~/modules/rfq/rfq.server";
import { RfqDetails } from "~/modules/rfq/ui/rfq-details";
import { RecipientStatusBadge, StatusBadge } from "~/modules/rfq/ui/status";
import { type InviteActionData, SupplierInvites } from "~/modules/rfq/ui/supplier-invites";
import { orHttpError } from "~/utils/route-errors.server";
import { formStep, type IntentHandler, loadRfqPage, rfqPageAction, rfqTitle } from "~/workflows/rfq-page.server";

export async function loader(args: LoaderFunctionArgs) {
  return loadRfqPage(
    args,
    "BUYER",
    async (actor, id) => {
      const view = await getBuyerRfq(actor, id);
      return { ...view, invites: await listSupplierInvites(actor, view.rfq.id) };
    },
    "rfq",
    rfqTitle("buyer.rfqTitle"),
  );
}

type ActionResult = { intent: string; errors?: Record<string, string[]>; formErrors?: string[]; ok?: boolean };

/** «Повторить» or «Отозвать» an invitation: JSON for the invite list's fetcher. */
const inviteListStep: IntentHandler = async ({ actor, id, lang, form, intent }) => {
  const inviteId = String(form.get("inviteId") ?? "");
  if (intent === "inviteResend") await orHttpError(resendSupplierInvite(actor, id, inviteId, lang));
  else await orHttpError(cancelSupplierInvite(actor, id, inviteId));
  return data<InviteActionData>({
    intent,
    notice: intent === "inviteResend" ? "invite.resent" : "invite.cancelled",
  });
};

const intents: Record<string, IntentHandler> = {
  duplicate: async ({ actor, id, lang }) => {
    const copy = await orHttpError(duplicateRfq(actor, id));
    return redirect(localizePath(lang, `/rfq/${copy.id}/edit`));
  },
  cancel: formStep(
    reasonSchema,
    ({ actor, id }, v) => cancelRfq(actor, id, v.reason),
    ({ id }) => `/buyer/rfqs/${id}?done=cancelled`,
  ),
  extend: async ({ actor, id, lang, form, intent }) => {
    const { rfq } = await orHttpError(getBuyerRfq(actor, id));
    const s = parseWithZod(form, {
      schema: extendDeadlineSchema({
        current: rfq.deadline ? new Date(rfq.deadline) : null,
        neededBy: rfq.neededBy ? new Date(rfq.neededBy) : null,
      }),
    });
    if (s.status !== "success") return intentFailure(intent, s.error);
    await orHttpError(extendDeadline(actor, id, parseMoscowDateTime(s.value.deadline) as Date));
    return redirect(localizePath(lang, `/buyer/rfqs/${id}?done=extended`));
  },
  // «Пригласить поставщика» (also posted from the draft's edit page by a fetcher): JSON for the fetcher, no redirect
  invite: async ({ actor, id, lang, form, intent }) => {
    const s = parseWithZod(form, { schema: supplierInviteSchema });
    if (s.status !== "success") return data<InviteActionData>({ intent, result: s.reply() }, { status: 400 });
    const r = await orHttpError(inviteSupplier(actor, id, s.value, lang));
    if (!r.ok)
      return data<InviteActionData>({ intent, result: s.reply({ fieldErrors: r.fieldErrors }) }, { status: 422 });
    const notice =
      r.kind === "routed"
        ? `invite.routed::${JSON.stringify({ name: r.supplierName })}`
        : `invite.sent::${JSON.stringify({ email: r.email })}`;
    return data<InviteActionData>({ intent, result: s.reply({ resetForm: true }), notice });
  },
  inviteResend: inviteListStep,
  inviteCancel: inviteListStep,
  answer: formStep(
    answerSchema,
    ({ actor, id }, v) => answerQuestion(actor, id, v),
    ({ id }) => `/buyer/rfqs/${id}?done=answered#questions`,
  ),
};

export async function action(args: ActionFunctionArgs) {
  return rfqPageAction(args, "BUYER", intents);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function BuyerRfq() {
  const { rfq, recipients, invites, threads, audit, now } = useLoaderData<typeof loader>();
  const { actionData, params, errs } = useRfqPageForms<ActionResult>();
  const { t } = useTranslation("rfq");
  const { t: tc } = useTranslation();
  const lang = useLang();
  const done = params.get("done") ?? (params.get("published") ? "published" : null);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <RfqPageTitle rfq={rfq}>
          <StatusBadge status={rfq.status} kind="rfq" />
        </RfqPageTitle>
        <div className="flex flex-wrap gap-2">
          {rfq.status !== "DRAFT" ? (
            <LocalizedLink to={`/buyer/rfqs/${rfq.id}/compare`} className={buttonClass} data-testid="compare-link">
              {t("buyer.compare")}
            </LocalizedLink>
          ) : (
            <LocalizedLink to={`/rfq/${rfq.id}/edit`} className={buttonClass}>
              {t("buyer.editDraft")}
            </LocalizedLink>
          )}
          <IntentButton intent="duplicate" fields={{}} label={t("buyer.duplicate")}>
            {t("buyer.duplicate")}
          </IntentButton>
        </div>
      </div>
      <RfqPageNotices
        done={done ? t(`buyer.done.${done}`) : null}
        formErrors={actionData?.formErrors}
        cancelReason={rfq.status === "CANCELLED" && rfq.cancelReason ? rfq.cancelReason : null}
      />

      <RfqDetails rfq={rfq} now={now} deadlineTestId="rfq-deadline" />

      <Panel id="recipients-h" tone="plain" title={t("buyer.recipients")}>
        <DataTable
          className="w-full border-collapse bg-white text-sm"
          headClassName="border-b text-left text-slate-600"
          density="roomy"
          columns={[t("table.supplier"), t("table.status"), t("table.viewedAt"), t("table.note")]}
        >
          {recipients.map((r) => (
            <tr key={r.supplierOrgId} className="border-b" data-testid="recipient-row" data-supplier={r.name}>
              <td className="p-2">
                <TextLink to={`/suppliers/${r.slug}`}>{r.name}</TextLink>
                <span className="ml-1 text-xs text-slate-500">{t(`recipientSource.${r.source}`)}</span>
              </td>
              <td className="p-2">
                {rfq.status === "DRAFT" ? (
                  "—"
                ) : (
                  <RecipientStatusBadge rfq={rfq} status={r.status} now={now} sentForNew />
                )}
              </td>
              <td className="p-2">{r.viewedAt ? formatDateTime(r.viewedAt, lang) : "—"}</td>
              <td className="p-2">{r.declineReason ? t("declineReasonShort", { reason: r.declineReason }) : ""}</td>
            </tr>
          ))}
        </DataTable>
      </Panel>

      {invites.length || rfq.status === "DRAFT" || rfq.status === "PUBLISHED" ? (
        <SupplierInvites
          rfqId={rfq.id}
          invites={invites}
          canInvite={rfq.status === "DRAFT" || rfq.status === "PUBLISHED"}
        />
      ) : null}

      {rfq.status === "PUBLISHED" ? (
        <section className="grid gap-4 md:grid-cols-2" aria-label={t("buyer.actions")}>
          <Form method="post" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" noValidate>
            <h2 className="font-semibold">{t("buyer.extendTitle")}</h2>
            <label htmlFor="extend-deadline" className="text-sm">
              {t("buyer.newDeadline")}
            </label>
            <input
              id="extend-deadline"
              name="deadline"
              type="datetime-local"
              defaultValue={toMoscowDateTimeInput(rfq.deadline)}
              className={plainInputClass}
              aria-invalid={errs("extend", "deadline") ? true : undefined}
              aria-describedby={errs("extend", "deadline") ? "extend-deadline-error" : undefined}
            />
            <FieldErrors ns="rfq" id="extend-deadline-error" errors={errs("extend", "deadline")} />
            <button type="submit" name="intent" value="extend" className={secondaryButtonClass}>
              {t("buyer.extend")}
            </button>
          </Form>
          <ReasonForm
            intent="cancel"
            id="cancel-reason"
            label={t("buyer.cancelReason")}
            errors={errs("cancel", "reason")}
            submit={t("buyer.cancel")}
            className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
            heading={<h2 className="font-semibold">{t("buyer.cancelTitle")}</h2>}
          />
        </section>
      ) : null}

      <QuestionsSection>
        {threads.length === 0 ? <p className="text-sm text-slate-500">{t("questions.none")}</p> : null}
        {threads.map((thread) => (
          <Panel
            key={thread.supplierOrgId}
            id={`thread-${thread.supplierOrgId}-h`}
            level={3}
            testId="thread"
            title={thread.supplier}
          >
            <ul className="mt-2 space-y-3 text-sm">
              {thread.messages
                .filter((m) => m.kind === "QUESTION")
                .map((q) => {
                  const answers = thread.messages.filter((m) => m.replyToId === q.id);
                  return (
                    <li key={q.id} className="space-y-2">
                      <ThreadLine label={t("questions.question")} body={q.body} />
                      {answers.map((a) => (
                        <ThreadLine key={a.id} label={t("questions.answer")} body={a.body} answer>
                          {" "}
                          <span className="text-xs text-slate-500">
                            ({a.published ? t("questions.publishedToAll") : t("questions.private")})
                          </span>
                        </ThreadLine>
                      ))}
                      {rfq.status === "PUBLISHED" ? (
                        <Form method="post" className="ml-4 space-y-1" noValidate>
                          <input type="hidden" name="questionId" value={q.id} />
                          <label htmlFor={`answer-${q.id}`} className="text-sm">
                            {t("questions.yourAnswer")}
                          </label>
                          <textarea id={`answer-${q.id}`} name="body" rows={2} className={plainInputClass} required />
                          <div className="flex items-center gap-2">
                            <input id={`publish-${q.id}`} type="checkbox" name="publish" />
                            <label htmlFor={`publish-${q.id}`} className="text-sm">
                              {t("questions.publish")}
                            </label>
                          </div>
                          <button type="submit" name="intent" value="answer" className={secondaryButtonClass}>
                            {t("questions.send")}
                          </button>
                        </Form>
                      ) : null}
                    </li>
                  );
                })}
            </ul>
          </Panel>
        ))}
      </QuestionsSection>

      <Panel id="audit-h" title={t("audit.title")} tone="plain">
        <ol className="space-y-1 text-sm" data-testid="audit-trail">
          {audit.map((a) => (
            <li key={a.id}>
              <span className="text-slate-500">{formatDateTime(a.at, lang)}</span> — {t(a.actionKey)}
              {a.who || a.org ? (
                <span className="text-slate-600"> · {[a.who, a.org].filter(Boolean).join(", ")}</span>
              ) : (
                <span className="text-slate-600"> · {t("audit.system")}</span>
              )}
            </li>
          ))}
        </ol>
      </Panel>
      <p className="sr-only">{tc("brand")}</p>
    </div>
  );
}
