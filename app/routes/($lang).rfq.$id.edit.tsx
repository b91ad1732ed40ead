import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/ui/field";
import { requireActor } from "~/modules/accounts/accounts.server";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { getDraftForm, handleRfqFormAction, listSupplierInvites } from "~/modules/rfq/rfq.server";
import { RfqForm, type RfqFormActionData } from "~/modules/rfq/ui/rfq-form";
import { SupplierInvites } from "~/modules/rfq/ui/supplier-invites";
import { orHttpError } from "~/utils/route-errors.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "BUYER" });
  const state = await orHttpError(getDraftForm(actor, params.id ?? ""));
  const invites = await orHttpError(listSupplierInvites(actor, params.id ?? ""));
  const t = await getT(request, "rfq");
  return { state, invites, title: t("edit.title", { number: state.number }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "BUYER" });
  return orHttpError(handleRfqFormAction(request, actor, getLang(request), params.id ?? ""));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function EditRfq() {
  const { state, invites } = useLoaderData<typeof loader>();
  const actionData = useActionData<RfqFormActionData>();
  const [params] = useSearchParams();
  const { t } = useTranslation("rfq");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">{t("edit.title", { number: state.number })}</h1>
      {params.get("saved") ? <FormMessage tone="success">{t("edit.saved")}</FormMessage> : null}
      <RfqForm state={state} actionData={actionData} />
      {/* outside the RFQ form (a form of its own); posts to the buyer RFQ page's action */}
      <SupplierInvites rfqId={state.draftId} invites={invites} canInvite={state.status === "DRAFT"} />
    </div>
  );
}
