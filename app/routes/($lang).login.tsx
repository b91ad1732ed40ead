import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, TextField } from "~/components/ui/field";
import { TextLink } from "~/components/ui/localized-link";
import { loginSchema } from "~/modules/accounts/accounts.schema";
import { getActor, login, postLoginPath, requestContext, safeRedirect } from "~/modules/accounts/accounts.server";
import { useAccountsErrorT } from "~/modules/accounts/ui/account-nav";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { replyOnRateLimit } from "~/utils/rate-limit-reply.server";

const NOTICES = ["verified", "reset", "everywhere"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "");
  const actor = await getActor(request);
  if (actor) throw redirect(await postLoginPath(actor.userId, redirectTo, getLang(request)));
  const t = await getT(request, "accounts");
  const notice = url.searchParams.get("notice");
  return {
    title: t("login.title"),
    redirectTo,
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as (typeof NOTICES)[number]) : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAfter: null }, { status: 400 });
  }
  return replyOnRateLimit(
    async () => {
      const result = await login(request, submission.value, requestContext(request, context));
      if (!result.ok) {
        return data(
          {
            result: submission.reply({ formErrors: ["errors.loginFailed"], hideFields: ["password"] }),
            retryAfter: null,
          },
          { status: 401 },
        );
      }
      const to = await postLoginPath(result.actor.userId, submission.value.redirectTo, getLang(request));
      const headers = new Headers();
      headers.append("Set-Cookie", result.setCookie);
      headers.append("Set-Cookie", result.deviceCookie);
      return redirect(to, { headers });
    },
    () => submission.reply({ hideFields: ["password"] }),
  );
}

export default function Login() {
  const { t } = useTranslation("accounts");
  const te = useAccountsErrorT();
  const { redirectTo, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">{t("login.title")}</h1>
      <div className="mt-4 space-y-2">
        {notice === "verified" ? <FormMessage tone="success">{t("login.verified")}</FormMessage> : null}
        {notice === "reset" ? <FormMessage tone="success">{t("login.passwordReset")}</FormMessage> : null}
        {notice === "everywhere" ? <FormMessage tone="info">{t("login.loggedOutEverywhere")}</FormMessage> : null}
        {actionData?.retryAfter ? (
          <FormMessage>{t("errors.tooMany", { seconds: actionData.retryAfter })}</FormMessage>
        ) : null}
        {form.errors?.length ? <FormMessage id={form.errorId}>{form.errors.map(te).join(". ")}</FormMessage> : null}
      </div>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          meta={fields.email}
          label={t("login.email")}
          type="email"
          autoComplete="username"
          translateError={te}
        />
        <TextField
          meta={fields.password}
          label={t("login.password")}
          type="password"
          autoComplete="current-password"
          translateError={te}
        />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </Button>
      </Form>
      <div className="mt-6 space-y-2 text-sm">
        <p>
          <TextLink to="/forgot-password">{t("login.forgot")}</TextLink>
        </p>
        <p className="text-slate-600">
          {t("login.noAccount")} <TextLink to="/signup">{t("login.signup")}</TextLink>
        </p>
      </div>
    </div>
  );
}
