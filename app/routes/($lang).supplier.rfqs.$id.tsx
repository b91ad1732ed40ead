import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { formatDateTime } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import { getQuoteForSupplier, handleQuoteFormAction, isQuoteFormRequest } from "~/modules/quotes/quotes.server";
import { QuotePanel, type QuotePanelData } from "~/modules/quotes/ui/quote-panel";
import {
  IntentTextForm,
  QuestionsSection,
  ReasonForm,
  RfqPageNotices,
  RfqPageTitle,
  ThreadLine,
  useRfqPageForms,
} from "~/modules/quotes/ui/rfq-page";
import { questionSchema, reasonSchema } from "~/modules/rfq/rfq.schema";
import { askQuestion, declineRfq, viewRfqAsSupplier } from "~/modules/rfq/rfq.server";
import { RfqDetails } from "~/modules/rfq/ui/rfq-details";
import { RecipientStatusBadge, StatusBadge } from "~/modules/rfq/ui/status";
import { formStep, type IntentHandler, loadRfqPage, rfqPageAction, rfqTitle } from "~/workflows/rfq-page.server";

/**
 * One RFQ for an invited supplier (uninvited → 404). Viewing marks it viewed. Sections: details, attachments,
 * clarifications, decline, and the quote panel slot (#quote-panel) that the quotes module fills.
 */
export async function loader(args: LoaderFunctionArgs) {
  return loadRfqPage(
    args,
    "SUPPLIER",
    async (actor, id) => {
      const view = await viewRfqAsSupplier(actor, id);
      return { ...view, quotePanel: await getQuoteForSupplier(actor, id) };
    },
    "rfq",
    rfqTitle("supplier.title"),
  );
}

type ActionResult = {
  intent: string;
  errors?: Record<string, string[]>;
  formErrors?: string[];
  quote?: Parameters<typeof QuotePanel>[0]["lastResult"];
};

const intents: Record<string, IntentHandler> = {
  decline: formStep(
    reasonSchema,
    ({ actor, id }, v) => declineRfq(actor, id, v.reason),
    ({ id }) => `/supplier/rfqs/${id}?done=declined`,
  ),
  ask: formStep(
    questionSchema,
    ({ actor, id }, v) => askQuestion(actor, id, v.body),
    ({ id }) => `/supplier/rfqs/${id}?done=asked#questions`,
  ),
};

export async function action(args: ActionFunctionArgs) {
  // the quote form (multipart) is the quotes module's; the decline and question forms are this page's
  return rfqPageAction(args, "SUPPLIER", intents, ({ request, actor, id, lang }) =>
    isQuoteFormRequest(request) ? handleQuoteFormAction(actor, id, request, lang) : undefined,
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function SupplierRfq() {
  const { rfq, recipient, canRespond, thread, now, quotePanel } = useLoaderData<typeof loader>();
  const { actionData, params, errs } = useRfqPageForms<ActionResult>();
  const { t } = useTranslation("rfq");
  const { t: tq } = useTranslation("quotes");
  const lang = useLang();
  const done = params.get("done");
  const questions = thread.own.filter((m) => m.kind === "QUESTION");
  return (
    <div className="space-y-8">
      <RfqPageTitle rfq={rfq}>
        {rfq.buyer.shortName}, {rfq.buyer.city} · <RecipientStatusBadge rfq={rfq} status={recipient.status} now={now} />
        {rfq.status !== "PUBLISHED" ? (
          <span className="ml-2">
            <StatusBadge status={rfq.status} kind="rfq" />
          </span>
        ) : null}
      </RfqPageTitle>
      <RfqPageNotices
        done={done ? t(`supplier.done.${done}`) : null}
        formErrors={actionData?.formErrors}
        cancelReason={rfq.status === "CANCELLED" ? (rfq.cancelReason ?? "") : null}
      />
      {recipient.status === "DECLINED" ? (
        <p className="rounded border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="declined-note">
          {t("supplier.youDeclined", { reason: recipient.declineReason ?? "" })}
        </p>
      ) : null}

      {/* the RFQ's item table scrolls inside its box on a phone, never the page */}
      <div className="min-w-0 overflow-x-auto">
        <RfqDetails rfq={rfq} now={now} />
      </div>

      {/* The quotes module renders its <QuotePanel> here (quote form, versions, withdraw). */}
      <section id="quote-panel" aria-labelledby="quote-panel-h" data-rfq-id={rfq.id} data-can-respond={canRespond}>
        <h2 id="quote-panel-h" className="sr-only">
          {t("supplier.quote")}
        </h2>
        {params.get("quote") ? (
          <FormMessage tone="success" className="mb-2">
            {tq(`done.${params.get("quote")}`)}
          </FormMessage>
        ) : null}
        <QuotePanel key={quotePanel.revision} data={quotePanel as QuotePanelData} lastResult={actionData?.quote} />
      </section>

      <QuestionsSection>
        {thread.published.length ? (
          <Panel id="published-answers-h" level={3} testId="published-answers" title={t("questions.publishedTitle")}>
            <ul className="mt-2 space-y-2 text-sm">
              {thread.published.map((p) => (
                <li key={p.id}>
                  {p.question ? <ThreadLine label={t("questions.anonymousQuestion")} body={p.question} /> : null}
                  <ThreadLine label={t("questions.answer")} body={p.answer} answer />
                </li>
              ))}
            </ul>
          </Panel>
        ) : null}
        <Panel id="own-thread-h" level={3} testId="own-thread" title={t("questions.yourThread")}>
          {questions.length === 0 ? <p className="mt-2 text-sm text-slate-500">{t("questions.noneYours")}</p> : null}
          <ul className="mt-2 space-y-2 text-sm">
            {questions.map((q) => (
              <li key={q.id}>
                <ThreadLine label={t("questions.question")} body={q.body}>
                  {" "}
                  <span className="text-xs text-slate-500">{formatDateTime(q.createdAt, lang)}</span>
                </ThreadLine>
                {thread.own
                  .filter((a) => a.replyToId === q.id)
                  .map((a) => (
                    <ThreadLine key={a.id} label={t("questions.answer")} body={a.body} answer />
                  ))}
              </li>
            ))}
          </ul>
          {rfq.status === "PUBLISHED" ? (
            <IntentTextForm
              intent="ask"
              id="question-body"
              name="body"
              rows={3}
              label={t("questions.ask")}
              labelClassName="text-sm font-medium"
              hint={t("questions.askHint")}
              errors={errs("ask", "body")}
              submit={t("questions.send")}
              className="mt-3 space-y-2"
            />
          ) : null}
        </Panel>
      </QuestionsSection>

      {canRespond && recipient.status !== "QUOTED" ? (
        <Panel id="decline-h" title={t("supplier.declineTitle")}>
          <ReasonForm
            intent="decline"
            id="decline-reason"
            label={t("supplier.declineReason")}
            errors={errs("decline", "reason")}
            submit={t("supplier.decline")}
            className="mt-2 space-y-2"
          />
        </Panel>
      ) : null}
    </div>
  );
}
