/**
 * The parts the buyer's and the supplier's RFQ pages share: the title with its number line, the notices under it
 * (done, form errors, cancelled), a question or answer of the clarification threads, and a one-textarea form that
 * posts an intent (cancel, decline, ask).
 */
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { dangerButtonClass, secondaryButtonClass } from "~/components/ui/button";
import { useErrorText } from "~/components/ui/error-text";
import { FormMessage, PlainTextareaField } from "~/components/ui/field";

/** The page title: the number line (`«Запрос цен № …» · …meta`, the sealed badge) above the RFQ's title. */
export function RfqPageTitle({
  rfq,
  children,
}: {
  rfq: { number: number | string; title: string; sealed: boolean };
  /** what follows the number on its line (buyer, statuses) */
  children: ReactNode;
}) {
  const { t } = useTranslation("rfq");
  return (
    <div>
      <p className="text-sm text-slate-500">
        {t("rfqNumber", { number: rfq.number })} · {children}
        {rfq.sealed ? <span className="ml-2 text-xs text-slate-600">{t("sealedBadge")}</span> : null}
      </p>
      <h1 className="text-2xl font-bold">{rfq.title}</h1>
    </div>
  );
}

/** Under the title: what was just done, the errors of the form posted, and why the RFQ was cancelled. */
export function RfqPageNotices({
  done,
  formErrors,
  cancelReason,
}: {
  /** the text of the step just done, or nothing */
  done?: string | null;
  formErrors?: string[];
  /** set when the RFQ is cancelled */
  cancelReason?: string | null;
}) {
  const { t } = useTranslation("rfq");
  const errorText = useErrorText("rfq");
  return (
    <>
      {done ? <FormMessage tone="success">{done}</FormMessage> : null}
      {formErrors?.length ? <FormMessage>{formErrors.map(errorText).join(" ")}</FormMessage> : null}
      {cancelReason != null ? (
        <p className="rounded border border-red-200 bg-red-50 p-3 text-sm">
          {t("cancelledBecause", { reason: cancelReason })}
        </p>
      ) : null}
    </>
  );
}

/** One line of a clarification thread: «Вопрос: …» or, indented, «Ответ: …», then what `children` adds. */
export function ThreadLine({
  label,
  body,
  answer = false,
  children,
}: {
  label: string;
  body: string;
  answer?: boolean;
  children?: ReactNode;
}) {
  return (
    <p className={answer ? "ml-4 text-slate-700" : undefined}>
      <span className="font-medium">{label}:</span> {body}
      {children}
    </p>
  );
}

/** A form of one labelled textarea and the button that posts its `intent` (errors next to the textarea). */
export function IntentTextForm({
  intent,
  id,
  name,
  rows,
  label,
  labelClassName,
  hint,
  errors,
  submit,
  danger = false,
  className = "space-y-2",
  heading,
}: {
  intent: string;
  id: string;
  name: string;
  rows: number;
  label: string;
  labelClassName?: string;
  hint?: string;
  errors: string[] | undefined;
  submit: string;
  danger?: boolean;
  className?: string;
  /** a heading inside the form, above the textarea */
  heading?: ReactNode;
}) {
  return (
    <Form method="post" className={className} noValidate>
      {heading}
      <PlainTextareaField
        ns="rfq"
        id={id}
        name={name}
        rows={rows}
        label={label}
        labelClassName={labelClassName}
        hint={hint}
        errors={errors}
      />
      <button type="submit" name="intent" value={intent} className={danger ? dangerButtonClass : secondaryButtonClass}>
        {submit}
      </button>
    </Form>
  );
}

/** The clarifications section (`#questions`, where the page lands after a question or an answer is posted). */
export function QuestionsSection({ children }: { children: ReactNode }) {
  const { t } = useTranslation("rfq");
  return (
    <section id="questions" aria-labelledby="questions-h" className="space-y-3">
      <h2 id="questions-h" className="text-lg font-semibold">
        {t("questions.title")}
      </h2>
      {children}
    </section>
  );
}

type IntentReply = { intent: string; errors?: Record<string, string[]>; formErrors?: string[] };

/**
 * The state of an RFQ page's forms: the action's reply, the URL parameters (`done`, …) and `errs(intent, field)`, the
 * field errors of the form that posted `intent` (nothing for the page's other forms).
 */
export function useRfqPageForms<A extends IntentReply>() {
  const actionData = useActionData<A>() as A | undefined;
  const [params] = useSearchParams();
  const errs = (intent: string, field: string) =>
    actionData?.intent === intent ? actionData.errors?.[field] : undefined;
  return { actionData, params, errs };
}

/** The form of a step that needs a reason (the buyer cancels the RFQ, a supplier declines it): `reason`, two rows. */
export function ReasonForm(props: Omit<Parameters<typeof IntentTextForm>[0], "name" | "rows" | "danger">) {
  return <IntentTextForm name="reason" rows={2} danger {...props} />;
}
