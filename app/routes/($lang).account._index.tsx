import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, TextField } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { changePasswordSchema, profileSchema } from "~/modules/accounts/accounts.schema";
import {
  changePassword,
  getAccount,
  RateLimitedError,
  requestContext,
  requireActor,
  updateProfile,
} from "~/modules/accounts/accounts.server";
import { useAccountsErrorT } from "~/modules/accounts/ui/account-nav";
import { getT } from "~/modules/i18n/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { allowUnverified: true });
  const t = await getT(request, "accounts");
  const account = await getAccount(actor);
  return {
    title: t("account.title"),
    account: {
      email: account.email,
      name: account.name,
      phone: account.phone ?? "",
      verified: !!account.emailVerifiedAt,
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, { allowUnverified: true });
  const formData = await request.formData();
  if (formData.get("intent") === "password") {
    const submission = parseWithZod(formData, { schema: changePasswordSchema });
    if (submission.status !== "success") {
      return data(
        {
          intent: "password" as const,
          result: submission.reply({ resetForm: false, hideFields: ["currentPassword", "newPassword"] }),
          done: false,
        },
        { status: 400 },
      );
    }
    try {
      const r = await changePassword(request, actor, submission.value, requestContext(request, context));
      if (!r.ok) {
        return data(
          {
            intent: "password" as const,
            result: submission.reply({
              fieldErrors: { [r.field]: [r.error] },
              hideFields: ["currentPassword", "newPassword"],
            }),
            done: false,
          },
          { status: 422 },
        );
      }
    } catch (error) {
      if (error instanceof RateLimitedError) {
        return data(
          { intent: "password" as const, result: submission.reply({ formErrors: ["errors.tooMany"] }), done: false },
          { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
        );
      }
      throw error;
    }
    return data({ intent: "password" as const, result: submission.reply({ resetForm: true }), done: true });
  }
  const submission = parseWithZod(formData, { schema: profileSchema });
  if (submission.status !== "success") {
    return data({ intent: "profile" as const, result: submission.reply(), done: false }, { status: 400 });
  }
  await updateProfile(actor, submission.value);
  return data({ intent: "profile" as const, result: submission.reply(), done: true });
}

/** One form of the page in its titled section: the «done» notice after it was saved, its fields, its submit button. */
function AccountForm({
  id,
  title,
  intent,
  done,
  formProps,
  submit,
  intro,
  children,
}: {
  id: string;
  title: string;
  intent: "profile" | "password";
  done: string;
  formProps: ReturnType<typeof getFormProps>;
  submit: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const actionData = useActionData<typeof action>();
  return (
    <Panel id={id} title={title} tone="plain">
      {intro}
      {actionData?.intent === intent && actionData.done ? <FormMessage tone="success">{done}</FormMessage> : null}
      <Form method="post" {...formProps} className="space-y-4">
        {children}
        <Button type="submit" name="intent" value={intent}>
          {submit}
        </Button>
      </Form>
    </Panel>
  );
}

export default function AccountSettings() {
  const { t } = useTranslation("accounts");
  const te = useAccountsErrorT();
  const { account } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [profileForm, profile] = useForm({
    id: "profile",
    lastResult: actionData?.intent === "profile" ? actionData.result : undefined,
    defaultValue: { name: account.name, phone: account.phone },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
    shouldValidate: "onBlur",
  });
  const [passwordForm, password] = useForm({
    id: "password",
    lastResult: actionData?.intent === "password" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="max-w-xl space-y-10">
      <h1 className="text-2xl font-semibold">{t("account.title")}</h1>
      <AccountForm
        id="profile-heading"
        title={t("account.profileLegend")}
        intent="profile"
        done={t("account.saved")}
        formProps={getFormProps(profileForm)}
        submit={t("account.save")}
        intro={
          <p className="text-sm text-slate-600">
            {t("account.email")}: <span className="font-medium text-slate-900">{account.email}</span> (
            {account.verified ? t("account.verifiedYes") : t("account.verifiedNo")})
          </p>
        }
      >
        <TextField meta={profile.name} label={t("account.name")} autoComplete="name" translateError={te} />
        <TextField meta={profile.phone} label={t("account.phone")} type="tel" autoComplete="tel" translateError={te} />
      </AccountForm>
      <AccountForm
        id="password-heading"
        title={t("account.passwordLegend")}
        intent="password"
        done={t("account.passwordChanged")}
        formProps={getFormProps(passwordForm)}
        submit={t("account.changePassword")}
      >
        <TextField
          meta={password.currentPassword}
          label={t("account.currentPassword")}
          type="password"
          autoComplete="current-password"
          translateError={te}
        />
        <TextField
          meta={password.newPassword}
          label={t("account.newPassword")}
          hint={t("signup.passwordHint")}
          type="password"
          autoComplete="new-password"
          translateError={te}
        />
      </AccountForm>
    </div>
  );
}
