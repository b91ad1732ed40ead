import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, TextField } from "~/components/ui/field";
import { LocalizedLink } from "~/components/ui/localized-link";
import { acceptInvitationSchema } from "~/modules/accounts/accounts.schema";
import {
  acceptInvitation,
  getInvitation,
  getViewer,
  RateLimitedError,
  requestContext,
  workspacePath,
} from "~/modules/accounts/accounts.server";
import { useAccountsErrorT } from "~/modules/accounts/ui/account-nav";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath, stripLang } from "~/modules/i18n/paths";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await getT(request, "accounts");
  const invitation = await getInvitation(params.token ?? "");
  const viewer = await getViewer(request);
  return {
    title: t("invite.title"),
    invitation,
    viewerEmail: viewer?.email ?? null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const viewer = await getViewer(request);
  let input: { name: string; password: string } | null = null;
  if (!viewer) {
    const submission = parseWithZod(formData, { schema: acceptInvitationSchema });
    if (submission.status !== "success") {
      return data({ result: submission.reply({ hideFields: ["password"] }), error: null }, { status: 400 });
    }
    input = submission.value;
  }
  try {
    const r = await acceptInvitation(request, params.token ?? "", input, requestContext(request, context));
    if (!r.ok) {
      if (r.error === "common_password") {
        return data(
          { result: { status: "error" as const, error: { password: ["errors.passwordCommon"] } }, error: null },
          { status: 422 },
        );
      }
      return data({ result: null, error: r.error }, { status: 422 });
    }
    const next = workspacePath({ isOperator: false, orgKind: r.organizationKind });
    return redirect(
      localizePath(getLang(request), next),
      r.setCookie ? { headers: { "Set-Cookie": r.setCookie } } : undefined,
    );
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return data(
        { result: null, error: "tooMany" as const },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
      );
    }
    throw error;
  }
}

export default function Invite() {
  const { t } = useTranslation("accounts");
  const te = useAccountsErrorT();
  const location = useLocation();
  const { invitation, viewerEmail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptInvitationSchema }),
    shouldValidate: "onBlur",
  });
  if (!invitation || actionData?.error === "invalid") {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-semibold">{t("invite.title")}</h1>
        <div className="mt-4">
          <FormMessage>{t("invite.invalid")}</FormMessage>
        </div>
      </div>
    );
  }
  const loginHref = `/login?redirectTo=${encodeURIComponent(location.pathname)}`;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">{t("invite.title")}</h1>
      <p>
        {t("invite.text", {
          organization: invitation.organization.shortName,
          kind: t(`kinds.${invitation.organization.kind}`),
          role: t(`roles.${invitation.role}`),
        })}
      </p>
      <p className="text-sm text-slate-600">{t("invite.for", { email: invitation.email })}</p>
      {actionData?.error === "tooMany" ? <FormMessage>{t("errors.tooMany", { seconds: 60 })}</FormMessage> : null}
      {viewerEmail && viewerEmail !== invitation.email ? (
        <FormMessage>{t("invite.wrongAccount", { email: invitation.email })}</FormMessage>
      ) : viewerEmail ? (
        <Form method="post">
          <Button type="submit">{t("invite.accept")}</Button>
        </Form>
      ) : invitation.hasAccount || actionData?.error === "login_required" ? (
        <>
          <FormMessage tone="info">{t("invite.loginFirst")}</FormMessage>
          <LocalizedLink to={stripLang(loginHref)} className="inline-block text-brand-700 underline">
            {t("invite.login")}
          </LocalizedLink>
        </>
      ) : (
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <h2 className="text-lg font-medium">{t("invite.createAccount")}</h2>
          <TextField meta={fields.name} label={t("invite.name")} autoComplete="name" translateError={te} />
          <TextField
            meta={fields.password}
            label={t("invite.password")}
            hint={t("signup.passwordHint")}
            type="password"
            autoComplete="new-password"
            translateError={te}
          />
          <Button type="submit">{t("invite.accept")}</Button>
        </Form>
      )}
    </div>
  );
}
