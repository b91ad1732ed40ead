import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useActionData, useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { useErrorText } from "~/components/ui/error-text";
import { FormMessage, TextareaField, TextField } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { formatDateTime } from "~/modules/i18n/format";
import { localizePath } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";
import { supplierInviteSchema } from "../invite.schema";
import { SupplierInvitesDraftNote } from "./supplier-invites-note";

/** One invitation as the buyer's pages show it (SupplierInviteView of invites.server.ts, serialised). */
export interface InviteRowView {
  id: string;
  email: string;
  inn: string;
  orgName: string | null;
  status: "SENT" | "REGISTERED" | "QUOTED" | "EXPIRED" | "CANCELLED";
  lastSentAt: string;
  resendableAt: string | null;
  supplierName: string | null;
  supplierVerified: boolean;
}

/** What the buyer RFQ page's action answers to the invite intents (the fetchers below post there). */
export type InviteActionData = {
  intent: string;
  result?: SubmissionResult<string[]>;
  notice?: string;
  errors?: Record<string, string[]>;
  formErrors?: string[];
};

const NOTICE_TONE = "success" as const;

/**
 * «Пригласить поставщика» (issue 19) on the RFQ form and the buyer's RFQ page: e-mail + ИНН (+ optional name and
 * message) invite a supplier who is not on the platform; an ИНН already on it is routed the RFQ directly. Below, the
 * invitations with their status, resend and cancel. Everything posts to the buyer RFQ page's action through fetchers,
 * so the page around (a draft being edited) stays as it is and the form keeps what was typed when it is refused.
 */
export function SupplierInvites({
  rfqId,
  invites,
  canInvite,
}: {
  /** null on a new RFQ that has not been saved yet */
  rfqId: string | null;
  invites: InviteRowView[];
  canInvite: boolean;
}) {
  const { t } = useTranslation("rfq");
  if (!rfqId) return <SupplierInvitesDraftNote />;
  return (
    <Panel id="supplier-invite-h" title={t("invite.header")} className="space-y-4" testId="supplier-invites">
      {canInvite ? <InviteForm rfqId={rfqId} /> : null}
      <InviteList rfqId={rfqId} invites={invites} canChange={canInvite} />
    </Panel>
  );
}

function useInviteAction(rfqId: string) {
  const lang = useLang();
  return localizePath(lang, `/buyer/rfqs/${rfqId}?index`);
}

/**
 * The answer to an invite / resend / cancel: the fetcher's with JavaScript; without it the browser posted the form to
 * the buyer's RFQ page, whose action answered the same data for this page.
 */
function useInviteReply(fromFetcher: InviteActionData | undefined): InviteActionData | undefined {
  const posted = useActionData<InviteActionData | Record<string, unknown>>();
  if (fromFetcher) return fromFetcher;
  const intent = posted && "intent" in posted ? posted.intent : undefined;
  return typeof intent === "string" && intent.startsWith("invite") ? (posted as InviteActionData) : undefined;
}

function InviteForm({ rfqId }: { rfqId: string }) {
  const { t } = useTranslation("rfq");
  const errorText = useErrorText("rfq");
  const fetcher = useFetcher<InviteActionData>();
  const action = useInviteAction(rfqId);
  const reply = useInviteReply(fetcher.data);
  const data = reply?.intent === "invite" ? reply : undefined;
  const [form, fields] = useForm({
    id: `supplier-invite-${rfqId}`,
    lastResult: fetcher.state === "idle" ? data?.result : undefined,
    constraint: getZodConstraint(supplierInviteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: supplierInviteSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const field = { translateError: errorText };
  return (
    <fetcher.Form method="post" action={action} {...getFormProps(form)} className="space-y-3">
      <p className="text-sm text-slate-600">{t("invite.hint")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField meta={fields.inviteEmail} label={t("invite.email")} type="email" autoComplete="off" {...field} />
        <TextField meta={fields.inviteInn} label={t("invite.inn")} inputMode="numeric" autoComplete="off" {...field} />
        <TextField meta={fields.inviteOrgName} label={t("invite.orgName")} className="sm:col-span-2" {...field} />
        <TextareaField
          meta={fields.inviteMessage}
          label={t("invite.message")}
          hint={t("invite.messageHint")}
          rows={2}
          className="sm:col-span-2"
          {...field}
        />
      </div>
      {data?.formErrors?.length ? <FormMessage>{data.formErrors.map(errorText).join(" ")}</FormMessage> : null}
      {data?.notice && fetcher.state === "idle" ? (
        <FormMessage tone={NOTICE_TONE}>{errorText(data.notice)}</FormMessage>
      ) : null}
      <Button type="submit" name="intent" value="invite" variant="secondary" disabled={fetcher.state !== "idle"}>
        {t("invite.send")}
      </Button>
    </fetcher.Form>
  );
}

function InviteList({ rfqId, invites, canChange }: { rfqId: string; invites: InviteRowView[]; canChange: boolean }) {
  const { t } = useTranslation("rfq");
  const lang = useLang();
  const errorText = useErrorText("rfq");
  const fetcher = useFetcher<InviteActionData>();
  const action = useInviteAction(rfqId);
  const reply = useInviteReply(fetcher.data);
  const data = reply && reply.intent !== "invite" && fetcher.state === "idle" ? reply : undefined;
  return (
    <div>
      <h3 className="font-medium">{t("invite.listTitle")}</h3>
      {data?.formErrors?.length ? (
        <div className="mt-2">
          <FormMessage>{data.formErrors.map(errorText).join(" ")}</FormMessage>
        </div>
      ) : null}
      {data?.notice ? (
        <div className="mt-2">
          <FormMessage tone={NOTICE_TONE}>{errorText(data.notice)}</FormMessage>
        </div>
      ) : null}
      {invites.length === 0 ? <p className="mt-1 text-sm text-slate-500">{t("invite.none")}</p> : null}
      <ul className="mt-2 divide-y divide-slate-200">
        {invites.map((inv) => {
          const pending = inv.status === "SENT" || inv.status === "EXPIRED";
          return (
            <li
              key={inv.id}
              className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm"
              data-testid="invite-row"
              data-email={inv.email}
            >
              <div className="min-w-0 break-words">
                <p className="font-medium">
                  {inv.supplierName ?? inv.orgName ?? inv.email}
                  {inv.supplierName && !inv.supplierVerified ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900">
                      {t("invite.notVerified")}
                    </span>
                  ) : null}
                </p>
                <p className="text-slate-600">
                  {inv.email} · {t("invite.inn")}: {inv.inn}
                </p>
                <p className="text-slate-600">
                  <span className="font-medium text-slate-800" data-testid="invite-status">
                    {t(`invite.status.${inv.status}`)}
                  </span>{" "}
                  · {t("invite.table.sentAt")} {formatDateTime(inv.lastSentAt, lang)}
                </p>
              </div>
              {canChange && pending ? (
                <fetcher.Form method="post" action={action} className="flex flex-wrap gap-2">
                  <input type="hidden" name="inviteId" value={inv.id} />
                  {(inv.resendableAt ? (["resend", "cancel"] as const) : (["cancel"] as const)).map((act) => (
                    <Button
                      key={act}
                      type="submit"
                      name="intent"
                      value={act === "resend" ? "inviteResend" : "inviteCancel"}
                      variant="secondary"
                      size="sm"
                      aria-label={t(`invite.${act}Label`, { email: inv.email })}
                      disabled={fetcher.state !== "idle"}
                    >
                      {t(`invite.${act}`)}
                    </Button>
                  ))}
                </fetcher.Form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
