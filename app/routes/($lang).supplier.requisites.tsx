import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, SelectField, TextField } from "~/components/ui/field";
import { requireActor } from "~/modules/accounts/accounts.server";
import { getT } from "~/modules/i18n/i18n.server";
import { useLang } from "~/modules/i18n/use-lang";
import { TAX_REGIMES, taxRegimeLabel } from "~/modules/money/vat";
import { requisitesSchema } from "~/modules/payments/payments.schema";
import { getPaymentSettings, startStripeOnboarding, updateRequisites } from "~/modules/payments/payments.server";
import { publicOrigin } from "~/utils/origin.server";
import { throwAsResponse } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const s = await getPaymentSettings(actor);
  const t = await getT(request, "payments");
  return {
    title: t("title"),
    canEdit: s.canEdit,
    stripeEnabled: s.stripeEnabled,
    stripeStatus: s.stripeAccountId ? (s.stripeAccountStatus ?? "onboarding") : "none",
    values: {
      bankName: s.bankName ?? "",
      bik: s.bik ?? "",
      settlementAccount: s.settlementAccount ?? "",
      correspondentAccount: s.correspondentAccount ?? "",
      taxRegime: s.taxRegime,
      directorName: s.directorName ?? "",
      accountantName: s.accountantName ?? "",
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const formData = await request.formData();
  try {
    if (formData.get("intent") === "stripe") {
      const origin = publicOrigin();
      return redirect(await startStripeOnboarding(actor, origin));
    }
    const submission = parseWithZod(formData, { schema: requisitesSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
    await updateRequisites(actor, submission.value);
    return data({ result: submission.reply(), saved: true });
  } catch (e) {
    throwAsResponse(e);
  }
}

export default function SupplierRequisites() {
  const { values, canEdit, stripeEnabled, stripeStatus } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("payments");
  const lang = useLang();
  const te = (k: string) => (k.startsWith("errors.") ? t(k) : k);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: requisitesSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="max-w-2xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-600">{t("intro")}</p>
      </div>
      {actionData?.saved ? <FormMessage tone="success">{t("saved")}</FormMessage> : null}
      {!canEdit ? <p className="text-sm text-slate-600">{t("readOnly")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <fieldset disabled={!canEdit} className="space-y-4">
          <TextField meta={fields.bankName} label={t("bankName")} translateError={te} />
          <TextField meta={fields.bik} label={t("bik")} inputMode="numeric" translateError={te} />
          <TextField
            meta={fields.settlementAccount}
            label={t("settlementAccount")}
            inputMode="numeric"
            translateError={te}
          />
          <TextField
            meta={fields.correspondentAccount}
            label={t("correspondentAccount")}
            inputMode="numeric"
            translateError={te}
          />
          <SelectField meta={fields.taxRegime} label={t("taxRegime")} translateError={te}>
            {TAX_REGIMES.map((r) => (
              <option key={r} value={r}>
                {taxRegimeLabel(r, lang)}
              </option>
            ))}
          </SelectField>
          <p className="text-sm text-slate-600">{t("taxRegimeHint")}</p>
          <TextField meta={fields.directorName} label={t("directorName")} translateError={te} />
          <TextField meta={fields.accountantName} label={t("accountantName")} translateError={te} />
          <Button type="submit">{t("save")}</Button>
        </fieldset>
      </Form>
      {stripeEnabled ? (
        <section aria-labelledby="stripe-h" className="space-y-2">
          <h2 id="stripe-h" className="text-lg font-medium">
            {t("stripe.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("stripe.intro")}</p>
          <p className="text-sm" data-testid="stripe-status">
            {t(`stripe.status.${stripeStatus}`)}
          </p>
          {canEdit && stripeStatus !== "enabled" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="stripe" />
              <Button type="submit" variant="secondary">
                {stripeStatus === "none" ? t("stripe.connect") : t("stripe.continue")}
              </Button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
