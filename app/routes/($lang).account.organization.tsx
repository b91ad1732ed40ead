import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, TextField } from "~/components/ui/field";
import { organizationSettingsSchema } from "~/modules/accounts/accounts.schema";
import { getOrganizationSettings, requireActor, updateOrganizationSettings } from "~/modules/accounts/accounts.server";
import { useAccountsErrorT } from "~/modules/accounts/ui/account-nav";
import { VerifiedBadge } from "~/modules/accounts/ui/verified-badge";
import { getT } from "~/modules/i18n/i18n.server";
import { orHttpError } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!actor.organizationId) throw new Response("Not Found", { status: 404 });
  const org = await getOrganizationSettings(actor, actor.organizationId);
  const t = await getT(request, "accounts");
  return {
    title: t("organization.title"),
    canEdit: actor.role === "OWNER" || actor.role === "ADMIN",
    org: {
      kind: org.kind,
      shortName: org.shortName,
      legalName: org.legalName,
      inn: org.inn,
      kpp: org.kpp,
      ogrn: org.ogrn,
      verified: org.verifiedAt !== null,
      phone: org.phone,
      email: org.email ?? "",
      website: org.website ?? "",
      legalAddress: org.legalAddress,
      deliveryAddress: org.deliveryAddress ?? "",
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!actor.organizationId) throw new Response("Not Found", { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: organizationSettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  await orHttpError(updateOrganizationSettings(actor, actor.organizationId, submission.value));
  return data({ result: submission.reply(), saved: true });
}

export default function OrganizationSettings() {
  const { t } = useTranslation("accounts");
  const te = useAccountsErrorT();
  const { org, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: org,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organizationSettingsSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="max-w-2xl space-y-8">
      <div>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          {org.shortName} {org.kind === "SUPPLIER" && org.verified ? <VerifiedBadge /> : null}
        </h1>
        <p className="text-slate-600">{t(`kinds.${org.kind}`)}</p>
      </div>
      <section aria-labelledby="legal-heading">
        <h2 id="legal-heading" className="text-lg font-medium">
          {t("organization.legal")}
        </h2>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t("organization.legalName")}</dt>
          <dd>{org.legalName}</dd>
          <dt className="text-slate-600">{t("organization.inn")}</dt>
          <dd>{org.inn}</dd>
          {org.kpp ? (
            <>
              <dt className="text-slate-600">{t("organization.kpp")}</dt>
              <dd>{org.kpp}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">{t("organization.ogrn")}</dt>
          <dd>{org.ogrn}</dd>
        </dl>
      </section>
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading" className="text-lg font-medium">
          {t("organization.contactsLegend")}
        </h2>
        {actionData?.saved ? (
          <div className="mt-2">
            <FormMessage tone="success">{t("organization.saved")}</FormMessage>
          </div>
        ) : null}
        {!canEdit ? <p className="mt-2 text-sm text-slate-600">{t("organization.readOnly")}</p> : null}
        <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
          <fieldset disabled={!canEdit} className="space-y-4">
            <TextField meta={fields.phone} label={t("organization.phone")} type="tel" translateError={te} />
            <TextField meta={fields.email} label={t("organization.email")} type="email" translateError={te} />
            <TextField meta={fields.website} label={t("organization.website")} type="url" translateError={te} />
            <TextField meta={fields.legalAddress} label={t("organization.legalAddress")} translateError={te} />
            <TextField meta={fields.deliveryAddress} label={t("organization.deliveryAddress")} translateError={te} />
            <Button type="submit">{t("organization.save")}</Button>
          </fieldset>
        </Form>
      </section>
    </div>
  );
}
