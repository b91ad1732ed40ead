import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, TextField } from "~/components/ui/field";
import { TextLink } from "~/components/ui/localized-link";
import { resetPasswordSchema } from "~/modules/accounts/accounts.schema";
import { isResetTokenValid, RateLimitedError, requestContext, resetPassword } from "~/modules/accounts/accounts.server";
import { useAccountsErrorT } from "~/modules/accounts/ui/account-nav";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getT(request, "accounts");
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { title: t("reset.title"), token, valid: token !== "" && (await isResetTokenValid(token)) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetPasswordSchema });
  if (submission.status !== "success") {
    return data(
      { result: submission.reply({ hideFields: ["password"] }), invalid: false, retryAfter: null },
      { status: 400 },
    );
  }
  try {
    const result = await resetPassword(
      submission.value.token,
      submission.value.password,
      requestContext(request, context),
    );
    if (!result.ok && result.reason === "common_password") {
      return data(
        {
          result: submission.reply({ fieldErrors: { password: ["errors.passwordCommon"] } }),
          invalid: false,
          retryAfter: null,
        },
        { status: 422 },
      );
    }
    if (!result.ok) return data({ result: submission.reply(), invalid: true, retryAfter: null }, { status: 410 });
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return data(
        { result: submission.reply(), invalid: false, retryAfter: error.retryAfterSeconds },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
      );
    }
    throw error;
  }
  return redirect(localizePath(getLang(request), "/login?notice=reset"));
}

export default function ResetPassword() {
  const { t } = useTranslation("accounts");
  const te = useAccountsErrorT();
  const { token, valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
    shouldValidate: "onBlur",
  });
  if (!valid || actionData?.invalid) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-semibold">{t("reset.title")}</h1>
        <div className="mt-4">
          <FormMessage>{t("reset.invalid")}</FormMessage>
        </div>
        <p className="mt-4">
          <TextLink to="/forgot-password">{t("forgot.title")}</TextLink>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">{t("reset.title")}</h1>
      {actionData?.retryAfter ? (
        <div className="mt-4">
          <FormMessage>{t("errors.tooMany", { seconds: actionData.retryAfter })}</FormMessage>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <input type="hidden" name="token" value={token} />
        <TextField
          meta={fields.password}
          label={t("reset.password")}
          hint={t("signup.passwordHint")}
          type="password"
          autoComplete="new-password"
          translateError={te}
        />
        <Button type="submit">{t("reset.submit")}</Button>
      </Form>
    </div>
  );
}
