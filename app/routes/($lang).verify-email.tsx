import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, TextField } from "~/components/ui/field";
import { emailSchema, verifyCodeSchema } from "~/modules/accounts/accounts.schema";
import {
  getActor,
  getViewer,
  RateLimitedError,
  requestContext,
  resendVerification,
  safeRedirect,
  verifyEmailByCode,
  verifyEmailByToken,
  workspacePath,
} from "~/modules/accounts/accounts.server";
import { useAccountsErrorT } from "~/modules/accounts/ui/account-nav";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";

const codeFormSchema = verifyCodeSchema.extend({ email: emailSchema });

async function afterVerified(request: Request) {
  const lang = getLang(request);
  const actor = await getActor(request);
  // `next`: where a sign-up from an RFQ invitation continues (the RFQ to quote); local paths only
  const raw = new URL(request.url).searchParams.get("next");
  const next = raw ? safeRedirect(raw, "") : "";
  if (actor) return redirect(next || localizePath(lang, workspacePath(actor)));
  return redirect(localizePath(lang, `/login?notice=verified${next ? `&redirectTo=${encodeURIComponent(next)}` : ""}`));
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const t = await getT(request, "accounts");
  const token = url.searchParams.get("token");
  let linkError: "invalid" | "tooMany" | null = null;
  if (token) {
    try {
      if (await verifyEmailByToken(token, requestContext(request, context))) throw await afterVerified(request);
      linkError = "invalid";
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      linkError = "tooMany";
    }
  }
  const viewer = await getViewer(request);
  return {
    title: t("verify.title"),
    sent: url.searchParams.get("sent") === "1",
    email: viewer?.email ?? url.searchParams.get("email") ?? "",
    pending: viewer && !viewer.emailVerified ? viewer.email : null,
    linkError,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const ctx = requestContext(request, context);
  try {
    if (formData.get("intent") === "resend") {
      const actor = await getActor(request);
      if (actor) await resendVerification(actor, ctx);
      return data({ result: null, resent: true, retryAfter: null });
    }
    const submission = parseWithZod(formData, { schema: codeFormSchema });
    if (submission.status !== "success") {
      return data({ result: submission.reply(), resent: false, retryAfter: null }, { status: 400 });
    }
    if (await verifyEmailByCode(submission.value.email, submission.value.code, ctx)) return afterVerified(request);
    return data(
      { result: submission.reply({ fieldErrors: { code: ["errors.codeInvalid"] } }), resent: false, retryAfter: null },
      { status: 422 },
    );
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return data(
        { result: null, resent: false, retryAfter: error.retryAfterSeconds },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
      );
    }
    throw error;
  }
}

export default function VerifyEmail() {
  const { t } = useTranslation("accounts");
  const te = useAccountsErrorT();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { email: loaderData.email },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeFormSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">{loaderData.sent ? t("signup.doneTitle") : t("verify.title")}</h1>
      <div className="mt-4 space-y-2">
        {loaderData.sent ? (
          <FormMessage tone="success">{t("signup.doneText", { email: loaderData.email })}</FormMessage>
        ) : null}
        {loaderData.pending ? (
          <FormMessage tone="info">{t("verify.pending", { email: loaderData.pending })}</FormMessage>
        ) : null}
        {loaderData.linkError === "invalid" ? <FormMessage>{t("errors.tokenInvalid")}</FormMessage> : null}
        {loaderData.linkError === "tooMany" || actionData?.retryAfter ? (
          <FormMessage>{t("errors.tooMany", { seconds: actionData?.retryAfter ?? 60 })}</FormMessage>
        ) : null}
        {actionData?.resent ? <FormMessage tone="success">{t("verify.resent")}</FormMessage> : null}
      </div>
      <p className="mt-4 text-slate-600">{t("verify.text")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <TextField
          meta={fields.email}
          label={t("verify.email")}
          type="email"
          autoComplete="email"
          translateError={te}
        />
        <TextField
          meta={fields.code}
          label={t("verify.code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          translateError={te}
        />
        <Button type="submit" name="intent" value="code">
          {t("verify.submit")}
        </Button>
      </Form>
      {loaderData.pending ? (
        <Form method="post" className="mt-4">
          <Button type="submit" name="intent" value="resend" variant="secondary">
            {t("verify.resend")}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
