import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, TextField } from "~/components/ui/field";
import { forgotPasswordSchema } from "~/modules/accounts/accounts.schema";
import { RateLimitedError, requestContext, requestPasswordReset } from "~/modules/accounts/accounts.server";
import { useAccountsErrorT } from "~/modules/accounts/ui/account-nav";
import { getT } from "~/modules/i18n/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getT(request, "accounts");
  return { title: t("forgot.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), sent: false, retryAfter: null }, { status: 400 });
  }
  try {
    await requestPasswordReset(submission.value.email, requestContext(request, context));
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return data(
        { result: submission.reply(), sent: false, retryAfter: error.retryAfterSeconds },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
      );
    }
    throw error;
  }
  // The same answer whether or not the address has an account.
  return data({ result: submission.reply({ resetForm: true }), sent: true, retryAfter: null });
}

export default function ForgotPassword() {
  const { t } = useTranslation("accounts");
  const te = useAccountsErrorT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">{t("forgot.title")}</h1>
      <p className="mt-2 text-slate-600">{t("forgot.text")}</p>
      <div className="mt-4 space-y-2">
        {actionData?.sent ? <FormMessage tone="success">{t("forgot.sent")}</FormMessage> : null}
        {actionData?.retryAfter ? (
          <FormMessage>{t("errors.tooMany", { seconds: actionData.retryAfter })}</FormMessage>
        ) : null}
      </div>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <TextField
          meta={fields.email}
          label={t("forgot.email")}
          type="email"
          autoComplete="email"
          translateError={te}
        />
        <Button type="submit">{t("forgot.submit")}</Button>
      </Form>
    </div>
  );
}
