import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, SelectField, TextField } from "~/components/ui/field";
import { IntentButton } from "~/components/ui/intent-button";
import { Panel } from "~/components/ui/panel";
import { DataTable } from "~/components/ui/table";
import { inviteSchema } from "~/modules/accounts/accounts.schema";
import {
  inviteMember,
  listMembers,
  removeMember,
  requestContext,
  requireActor,
  revokeInvitation,
} from "~/modules/accounts/accounts.server";
import { useAccountsErrorT } from "~/modules/accounts/ui/account-nav";
import { formatDate } from "~/modules/i18n/format";
import { getT } from "~/modules/i18n/i18n.server";
import { useLang } from "~/modules/i18n/use-lang";
import { throwAsResponse } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!actor.organizationId) throw new Response("Not Found", { status: 404 });
  const t = await getT(request, "accounts");
  const { members, invitations, canManage } = await listMembers(actor);
  return {
    title: t("members.title"),
    me: actor.userId,
    canManage,
    canInviteAdmin: actor.role === "OWNER" || actor.role === "ADMIN",
    members: members.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    invitations: invitations.map((i) => ({
      ...i,
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  try {
    if (intent === "remove") {
      await removeMember(actor, String(formData.get("membershipId") ?? ""));
      return data({ result: null, invited: null, notice: "removed" as const });
    }
    if (intent === "revoke") {
      await revokeInvitation(actor, String(formData.get("invitationId") ?? ""));
      return data({ result: null, invited: null, notice: null });
    }
    const submission = parseWithZod(formData, { schema: inviteSchema });
    if (submission.status !== "success") {
      return data({ result: submission.reply(), invited: null, notice: null }, { status: 400 });
    }
    const r = await inviteMember(actor, submission.value, requestContext(request, context));
    if (!r.ok) {
      return data(
        { result: submission.reply({ fieldErrors: { email: ["errors.alreadyMember"] } }), invited: null, notice: null },
        { status: 422 },
      );
    }
    return data({ result: submission.reply({ resetForm: true }), invited: submission.value.email, notice: null });
  } catch (error) {
    throwAsResponse(error);
  }
}

export default function Members() {
  const { t } = useTranslation("accounts");
  const te = useAccountsErrorT();
  const lang = useLang();
  const { members, invitations, canManage, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { role: "MEMBER" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("members.title")}</h1>
      {actionData?.invited ? (
        <FormMessage tone="success">{t("members.invited", { email: actionData.invited })}</FormMessage>
      ) : null}
      {actionData?.notice === "removed" ? <FormMessage tone="success">{t("members.removed")}</FormMessage> : null}
      <DataTable
        testId="member-list"
        className="w-full border-collapse text-left text-sm"
        headClassName="border-b border-slate-200 text-slate-600"
        columns={[
          ...(["name", "email", "role", "since"] as const).map((c) => t(`members.${c}`)),
          ...(canManage ? [{ label: t("admin.actions"), srOnly: true }] : []),
        ]}
      >
        {members.map((m) => (
          <tr key={m.id} className="border-b border-slate-100">
            <td className="py-2 pr-3">
              {m.user.name}
              {m.user.id === me ? <span className="text-slate-500"> ({t("members.you")})</span> : null}
            </td>
            <td className="py-2 pr-3">{m.user.email}</td>
            <td className="py-2 pr-3">{t(`roles.${m.role}`)}</td>
            <td className="py-2 pr-3">{formatDate(new Date(m.createdAt), lang)}</td>
            {canManage ? (
              <td className="py-2">
                {m.role !== "OWNER" && m.user.id !== me ? (
                  <IntentButton
                    intent="remove"
                    fields={{ membershipId: m.id }}
                    label={`${t("members.remove")}: ${m.user.name}`}
                  >
                    {t("members.remove")}
                  </IntentButton>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
      {canManage ? (
        <>
          {invitations.length > 0 ? (
            <Panel id="pending-heading" title={t("members.pending")} tone="plain">
              <ul className="divide-y divide-slate-100 text-sm" data-testid="invitation-list">
                {invitations.map((i) => (
                  <li key={i.id} className="flex items-center justify-between gap-3 py-2">
                    <span>
                      {i.email} · {t(`roles.${i.role}`)} · {t("members.expires")}{" "}
                      {formatDate(new Date(i.expiresAt), lang)}
                    </span>
                    <IntentButton
                      intent="revoke"
                      fields={{ invitationId: i.id }}
                      label={`${t("members.revoke")}: ${i.email}`}
                    >
                      {t("members.revoke")}
                    </IntentButton>
                  </li>
                ))}
              </ul>
            </Panel>
          ) : null}
          <Panel id="invite-heading" title={t("members.inviteLegend")} tone="plain" className="max-w-md">
            <Form method="post" {...getFormProps(form)} className="space-y-4">
              <TextField
                meta={fields.email}
                label={t("members.inviteEmail")}
                type="email"
                autoComplete="off"
                translateError={te}
              />
              <SelectField meta={fields.role} label={t("members.inviteRole")} translateError={te}>
                <option value="MEMBER">{t("roles.MEMBER")}</option>
                <option value="ADMIN">{t("roles.ADMIN")}</option>
              </SelectField>
              <Button type="submit" name="intent" value="invite">
                {t("members.inviteSubmit")}
              </Button>
            </Form>
          </Panel>
        </>
      ) : null}
    </div>
  );
}
