import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, TextField } from "~/components/ui/field";
import { LocalizedLink, TextLink } from "~/components/ui/localized-link";
import { signupSchema } from "~/modules/accounts/accounts.schema";
import { getViewer, requestContext, signUp } from "~/modules/accounts/accounts.server";
import { useAccountsErrorT } from "~/modules/accounts/ui/account-nav";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { claimSupplierInvite, getSupplierInvite } from "~/modules/rfq/rfq.server";
import { replyOnRateLimit } from "~/utils/rate-limit-reply.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  // a supplier invited to an RFQ: the sign-up is for the invited ИНН
  const token = new URL(request.url).searchParams.get("rfqInvite");
  if (viewer && token === null) throw redirect(localizePath(getLang(request), "/account"));
  const t = await getT(request, "accounts");
  if (viewer) {
    // an invitation link opened while signed in (someone else's, or one's own after signing up): it registers a new
    // organisation, so the page says so instead of a form
    return {
      title: t("signup.title"),
      rfqInvite: null,
      inviteProblem: null,
      signedInAs: viewer.organization?.shortName ?? viewer.email,
    };
  }
  const invite = token !== null ? await getSupplierInvite(token) : null;
  return {
    title: t("signup.title"),
    signedInAs: null,
    rfqInvite: token && invite?.ok ? { token, ...invite } : null,
    // an unknown, expired, used or cancelled link: the page says which, and the ordinary sign-up stays open
    inviteProblem: invite && !invite.ok ? invite.problem : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const inviteToken = String(formData.get("rfqInvite") ?? "");
  const found = inviteToken ? await getSupplierInvite(inviteToken) : null;
  const invite = found?.ok ? found : null;
  if (invite) {
    // locked to the invitation: a supplier with the invited ИНН, whatever the request says
    formData.set("inn", invite.inn);
    formData.set("kind", "SUPPLIER");
  }
  const submission = parseWithZod(formData, { schema: signupSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAfter: null }, { status: 400 });
  }
  return replyOnRateLimit(
    async () => {
      const result = await signUp(
        submission.value,
        requestContext(request, context),
        invite ? { request, email: invite.email } : undefined,
      );
      if (!result.ok) {
        return data(
          { result: submission.reply({ fieldErrors: result.fieldErrors, hideFields: ["password"] }), retryAfter: null },
          { status: 422 },
        );
      }
      const lang = getLang(request);
      const rfqId = invite ? await claimSupplierInvite(inviteToken) : null;
      // the invited address itself: signed in, straight to the RFQ to quote
      if (rfqId && result.setCookie)
        return redirect(localizePath(lang, `/supplier/rfqs/${rfqId}`), { headers: { "Set-Cookie": result.setCookie } });
      const next = rfqId ? `&next=${encodeURIComponent(localizePath(lang, `/supplier/rfqs/${rfqId}`))}` : "";
      return redirect(
        localizePath(lang, `/verify-email?sent=1&email=${encodeURIComponent(submission.value.email)}${next}`),
      );
    },
    () => submission.reply({ hideFields: ["password"] }),
  );
}

export default function Signup() {
  const { t } = useTranslation("accounts");
  const te = useAccountsErrorT();
  const { t: tl } = useTranslation("legal");
  const actionData = useActionData<typeof action>();
  const { rfqInvite, inviteProblem, signedInAs } = useLoaderData<typeof loader>();
  const { t: tr } = useTranslation("rfq");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: rfqInvite
      ? {
          kind: "SUPPLIER",
          inn: rfqInvite.inn,
          email: rfqInvite.email,
          ...(rfqInvite.orgName ? { shortName: rfqInvite.orgName, legalName: rfqInvite.orgName } : {}),
        }
      : { kind: "BUYER" },
    constraint: getZodConstraint(signupSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const field = { translateError: te };
  if (signedInAs) {
    return (
      <div className="mx-auto max-w-3xl">
        <h1 className="text-2xl font-semibold">{t("signup.title")}</h1>
        <div
          role="alert"
          className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm"
          data-testid="rfq-invite-problem"
        >
          <p>{tr("invite.signedIn", { name: signedInAs })}</p>
          <p className="mt-1">
            <TextLink to="/account">{tr("invite.toAccount")}</TextLink>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold">{t("signup.title")}</h1>
      <p className="mt-1 text-slate-600">{t("signup.lead")}</p>
      {rfqInvite ? (
        <p className="mt-3 rounded border border-brand-200 bg-brand-50 p-3 text-sm" data-testid="rfq-invite">
          {tr("invite.signupLead", {
            buyer: rfqInvite.buyer,
            number: rfqInvite.rfqNumber,
            title: rfqInvite.rfqTitle,
            inn: rfqInvite.inn,
          })}
        </p>
      ) : null}
      {inviteProblem ? (
        <div
          role="alert"
          className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm"
          data-testid="rfq-invite-problem"
        >
          <p className="font-semibold">{tr("invite.signupInvalid.title")}</p>
          <p className="mt-1">{tr(`invite.signupInvalid.${inviteProblem}`)}</p>
          {inviteProblem === "used" ? (
            <p className="mt-1">
              <TextLink to="/login">{t("login.submit")}</TextLink>
            </p>
          ) : null}
          <p className="mt-1">{tr("invite.signupInvalid.orSignup")}</p>
        </div>
      ) : null}
      {actionData?.retryAfter ? (
        <div className="mt-4">
          <FormMessage>{t("errors.tooMany", { seconds: actionData.retryAfter })}</FormMessage>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-8">
        {rfqInvite ? <input type="hidden" name="rfqInvite" value={rfqInvite.token} /> : null}
        <fieldset>
          <legend className="text-lg font-medium">{t("signup.kindLegend")}</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {(["BUYER", "SUPPLIER"] as const).map((kind) => {
              const props = getInputProps(fields.kind, { type: "radio", value: kind });
              return (
                <label
                  key={kind}
                  className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                >
                  <input {...props} key={props.key} id={`${fields.kind.id}-${kind}`} className="mt-1" />
                  <span>
                    <span className="block font-medium">
                      {t(kind === "BUYER" ? "signup.kindBuyer" : "signup.kindSupplier")}
                    </span>
                    <span className="block text-sm text-slate-600">
                      {t(kind === "BUYER" ? "signup.kindBuyerHint" : "signup.kindSupplierHint")}
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-lg font-medium">{t("signup.orgLegend")}</legend>
          <TextField
            meta={fields.legalName}
            label={t("signup.legalName")}
            hint={t("signup.legalNameHint")}
            className="sm:col-span-2"
            {...field}
          />
          <TextField meta={fields.shortName} label={t("signup.shortName")} {...field} />
          <TextField
            meta={fields.inn}
            label={t("signup.inn")}
            hint={rfqInvite ? tr("invite.innLocked") : t("signup.innHint")}
            readOnly={Boolean(rfqInvite)}
            inputMode="numeric"
            autoComplete="off"
            {...field}
          />
          <TextField
            meta={fields.kpp}
            label={t("signup.kpp")}
            hint={t("signup.kppHint")}
            autoComplete="off"
            {...field}
          />
          <TextField
            meta={fields.ogrn}
            label={t("signup.ogrn")}
            hint={t("signup.ogrnHint")}
            inputMode="numeric"
            autoComplete="off"
            {...field}
          />
          <TextField meta={fields.region} label={t("signup.region")} autoComplete="address-level1" {...field} />
          <TextField meta={fields.city} label={t("signup.city")} autoComplete="address-level2" {...field} />
          <TextField
            meta={fields.legalAddress}
            label={t("signup.legalAddress")}
            className="sm:col-span-2"
            autoComplete="street-address"
            {...field}
          />
          <TextField meta={fields.phone} label={t("signup.phone")} type="tel" autoComplete="tel" {...field} />
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-lg font-medium">{t("signup.userLegend")}</legend>
          <TextField meta={fields.name} label={t("signup.name")} autoComplete="name" {...field} />
          <TextField meta={fields.email} label={t("signup.email")} type="email" autoComplete="email" {...field} />
          <TextField
            meta={fields.password}
            label={t("signup.password")}
            hint={t("signup.passwordHint")}
            type="password"
            autoComplete="new-password"
            {...field}
          />
        </fieldset>
        <div>
          <div className="flex items-start gap-2 text-sm text-slate-800">
            <input
              {...getInputProps(fields.consent, { type: "checkbox", ariaAttributes: false })}
              key={fields.consent.key}
              aria-required="true"
              aria-invalid={fields.consent.errors?.length ? true : undefined}
              aria-describedby={fields.consent.errors?.length ? fields.consent.errorId : undefined}
              className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300"
            />
            {/* a tap on a link inside the label opens the document in a new tab; it does not tick the box */}
            <label htmlFor={fields.consent.id}>
              <Trans
                t={tl}
                i18nKey="consent.label"
                components={{
                  privacy: <LocalizedLink to="/legal/privacy" target="_blank" className="text-brand-700 underline" />,
                  terms: <LocalizedLink to="/legal/terms" target="_blank" className="text-brand-700 underline" />,
                  offer: <LocalizedLink to="/legal/offer" target="_blank" className="text-brand-700 underline" />,
                }}
              />
              <span className="ml-0.5 text-red-700" aria-hidden="true">
                *
              </span>
            </label>
          </div>
          {fields.consent.errors?.length ? (
            <p id={fields.consent.errorId} className="mt-1 text-sm text-red-700" data-field-error="consent">
              {fields.consent.errors.map(te).join(". ")}
            </p>
          ) : null}
        </div>
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor="signup-website">{t("signup.honeypot")}</label>
          <input id="signup-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("signup.submit")}
          </Button>
          <p className="text-sm text-slate-600">
            {t("signup.haveAccount")} <TextLink to="/login">{t("login.submit")}</TextLink>
          </p>
        </div>
      </Form>
    </div>
  );
}
