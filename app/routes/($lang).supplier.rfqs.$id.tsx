import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dangerButtonClass, secondaryButtonClass } from "~/components/ui/button";
import { useErrorText } from "~/components/ui/error-text";
import { PlainTextareaField } from "~/components/ui/field";
import { formatDateTime } from "~/modules/i18n/format";
import { localizePath } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";
import { getQuoteForSupplier, handleQuoteFormAction, isQuoteFormRequest } from "~/modules/quotes/quotes.server";
import { QuotePanel, type QuotePanelData } from "~/modules/quotes/ui/quote-panel";
import { questionSchema, reasonSchema } from "~/modules/rfq/rfq.schema";
import { askQuestion, declineRfq, intentFailure, viewRfqAsSupplier } from "~/modules/rfq/rfq.server";
import { RfqDetails } from "~/modules/rfq/ui/rfq-details";
import { RecipientStatusBadge, StatusBadge } from "~/modules/rfq/ui/status";
import { orHttpError } from "~/utils/route-errors.server";
import { type IntentHandler, intentAction, loadRfqPage, rfqMistake } from "~/workflows/rfq-page.server";

/**
 * One RFQ for an invited supplier (uninvited → 404). Viewing marks it viewed. Sections: details, attachments,
 * clarifications, decline, and the quote panel slot (#quote-panel) that the quotes module fills.
 */
export async function loader(args: LoaderFunctionArgs) {
  return loadRfqPage(args, "SUPPLIER", "rfq", async (actor, id, t) => {
    const view = await viewRfqAsSupplier(actor, id);
    const quotePanel = await getQuoteForSupplier(actor, id);
    return {
      ...view,
      quotePanel,
      now: Date.now(),
      title: t("supplier.title", { number: view.rfq.number, title: view.rfq.title }),
    };
  });
}

type ActionResult = {
  intent: string;
  errors?: Record<string, string[]>;
  formErrors?: string[];
  quote?: Parameters<typeof QuotePanel>[0]["lastResult"];
};

const intents: Record<string, IntentHandler> = {
  decline: async ({ actor, id, lang, form, intent }) => {
    const s = parseWithZod(form, { schema: reasonSchema });
    if (s.status !== "success") return intentFailure(intent, s.error);
    await orHttpError(declineRfq(actor, id, s.value.reason));
    return redirect(localizePath(lang, `/supplier/rfqs/${id}?done=declined`));
  },
  ask: async ({ actor, id, lang, form, intent }) => {
    const s = parseWithZod(form, { schema: questionSchema });
    if (s.status !== "success") return intentFailure(intent, s.error);
    await orHttpError(askQuestion(actor, id, s.value.body));
    return redirect(localizePath(lang, `/supplier/rfqs/${id}?done=asked#questions`));
  },
};

export async function action(args: ActionFunctionArgs) {
  // the quote form (multipart) is the quotes module's; the decline and question forms are this page's
  return intentAction(args, "SUPPLIER", intents, rfqMistake, ({ request, actor, id, lang }) =>
    isQuoteFormRequest(request) ? handleQuoteFormAction(actor, id, request, lang) : undefined,
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function SupplierRfq() {
  const { rfq, recipient, canRespond, thread, now, quotePanel } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const [params] = useSearchParams();
  const { t } = useTranslation("rfq");
  const { t: tq } = useTranslation("quotes");
  const lang = useLang();
  const errorText = useErrorText("rfq");
  const errs = (intent: string, field: string) =>
    actionData?.intent === intent ? actionData.errors?.[field] : undefined;
  const done = params.get("done");
  const questions = thread.own.filter((m) => m.kind === "QUESTION");
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-slate-500">
          {t("rfqNumber", { number: rfq.number })} · {rfq.buyer.shortName}, {rfq.buyer.city} ·{" "}
          <RecipientStatusBadge rfq={rfq} status={recipient.status} now={now} />
          {rfq.status !== "PUBLISHED" ? (
            <span className="ml-2">
              <StatusBadge status={rfq.status} kind="rfq" />
            </span>
          ) : null}
          {rfq.sealed ? <span className="ml-2 text-xs text-slate-600">{t("sealedBadge")}</span> : null}
        </p>
        <h1 className="text-2xl font-bold">{rfq.title}</h1>
      </div>
      {done ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
          {t(`supplier.done.${done}`)}
        </p>
      ) : null}
      {actionData?.formErrors?.length ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {actionData.formErrors.map(errorText).join(" ")}
        </p>
      ) : null}
      {rfq.status === "CANCELLED" ? (
        <p className="rounded border border-red-200 bg-red-50 p-3 text-sm">
          {t("cancelledBecause", { reason: rfq.cancelReason ?? "" })}
        </p>
      ) : null}
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
          <p role="status" className="mb-2 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
            {tq(`done.${params.get("quote")}`)}
          </p>
        ) : null}
        <QuotePanel key={quotePanel.revision} data={quotePanel as QuotePanelData} lastResult={actionData?.quote} />
      </section>

      <section id="questions" aria-labelledby="questions-h" className="space-y-3">
        <h2 id="questions-h" className="text-lg font-semibold">
          {t("questions.title")}
        </h2>
        {thread.published.length ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="published-answers">
            <h3 className="mb-2 font-medium">{t("questions.publishedTitle")}</h3>
            <ul className="space-y-2 text-sm">
              {thread.published.map((p) => (
                <li key={p.id}>
                  {p.question ? (
                    <p>
                      <span className="font-medium">{t("questions.anonymousQuestion")}:</span> {p.question}
                    </p>
                  ) : null}
                  <p className="ml-4 text-slate-700">
                    <span className="font-medium">{t("questions.answer")}:</span> {p.answer}
                  </p>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="own-thread">
          <h3 className="mb-2 font-medium">{t("questions.yourThread")}</h3>
          {questions.length === 0 ? <p className="text-sm text-slate-500">{t("questions.noneYours")}</p> : null}
          <ul className="space-y-2 text-sm">
            {questions.map((q) => (
              <li key={q.id}>
                <p>
                  <span className="font-medium">{t("questions.question")}:</span> {q.body}{" "}
                  <span className="text-xs text-slate-500">{formatDateTime(q.createdAt, lang)}</span>
                </p>
                {thread.own
                  .filter((a) => a.replyToId === q.id)
                  .map((a) => (
                    <p key={a.id} className="ml-4 text-slate-700">
                      <span className="font-medium">{t("questions.answer")}:</span> {a.body}
                    </p>
                  ))}
              </li>
            ))}
          </ul>
          {rfq.status === "PUBLISHED" ? (
            <Form method="post" className="mt-3 space-y-2" noValidate>
              <PlainTextareaField
                ns="rfq"
                id="question-body"
                name="body"
                rows={3}
                label={t("questions.ask")}
                labelClassName="text-sm font-medium"
                hint={t("questions.askHint")}
                errors={errs("ask", "body")}
              />
              <button type="submit" name="intent" value="ask" className={secondaryButtonClass}>
                {t("questions.send")}
              </button>
            </Form>
          ) : null}
        </div>
      </section>

      {canRespond && recipient.status !== "QUOTED" ? (
        <section aria-labelledby="decline-h" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="decline-h" className="mb-2 text-lg font-semibold">
            {t("supplier.declineTitle")}
          </h2>
          <Form method="post" className="space-y-2" noValidate>
            <PlainTextareaField
              ns="rfq"
              id="decline-reason"
              name="reason"
              rows={2}
              label={t("supplier.declineReason")}
              errors={errs("decline", "reason")}
            />
            <button type="submit" name="intent" value="decline" className={dangerButtonClass}>
              {t("supplier.decline")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
