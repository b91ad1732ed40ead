import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/accounts/accounts.server";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { handleRfqFormAction, newRfqForm } from "~/modules/rfq/rfq.server";
import { RfqForm, type RfqFormActionData } from "~/modules/rfq/ui/rfq-form";
import { SupplierInvitesDraftNote } from "~/modules/rfq/ui/supplier-invites-note";
import { orHttpError } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "BUYER" });
  const url = new URL(request.url);
  const state = await orHttpError(
    newRfqForm(actor, {
      productSlug: url.searchParams.get("product"),
      fromCart: url.searchParams.get("from") === "cart",
      lang: getLang(request),
    }),
  );
  const t = await getT(request, "rfq");
  return { state, title: t("new.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "BUYER" });
  return orHttpError(handleRfqFormAction(request, actor, getLang(request), null));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function NewRfq() {
  const { state } = useLoaderData<typeof loader>();
  const actionData = useActionData<RfqFormActionData>();
  const { t } = useTranslation("rfq");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">{t("new.title")}</h1>
      <p className="text-slate-600">{t("new.lead")}</p>
      <RfqForm state={state} actionData={actionData} />
      <SupplierInvitesDraftNote />
    </div>
  );
}
