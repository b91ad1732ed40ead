import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { IntentButton } from "~/components/ui/intent-button";
import { listSessions, logoutEverywhere, requireActor, revokeSession } from "~/modules/accounts/accounts.server";
import { formatDateTime } from "~/modules/i18n/format";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";
import { orHttpError } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { allowUnverified: true });
  const t = await getT(request, "accounts");
  return { title: t("sessions.title"), sessions: await listSessions(request, actor) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { allowUnverified: true });
  const formData = await request.formData();
  const lang = getLang(request);
  if (formData.get("intent") === "everywhere") {
    const setCookie = await logoutEverywhere(request, actor);
    return redirect(localizePath(lang, "/login?notice=everywhere"), { headers: { "Set-Cookie": setCookie } });
  }
  await orHttpError(revokeSession(actor, String(formData.get("sessionId") ?? "")));
  return redirect(localizePath(lang, "/account/sessions"));
}

function browserName(ua: string | null, fallback: string): string {
  if (!ua) return fallback;
  const m = /(Edg|OPR|YaBrowser|Firefox|Chrome|Safari)\/[\d.]+/.exec(ua);
  const os = /(Windows|Mac OS X|Android|iPhone|Linux)/.exec(ua)?.[1];
  return [m?.[0].replace("Edg", "Edge").replace("OPR", "Opera"), os].filter(Boolean).join(", ") || fallback;
}

export default function Sessions() {
  const { t } = useTranslation("accounts");
  const lang = useLang();
  const { sessions } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("sessions.title")}</h1>
        <p className="mt-1 text-slate-600">{t("sessions.lead")}</p>
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="session-list">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 p-4" data-testid="session-row">
            <div className="text-sm">
              <p className="font-medium">
                {browserName(s.userAgent, t("sessions.unknownDevice"))}
                {s.current ? (
                  <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-800">
                    {t("sessions.current")}
                  </span>
                ) : null}
              </p>
              <p className="text-slate-600">
                {t("sessions.ip")}: {s.ip ?? "—"} · {t("sessions.started")}: {formatDateTime(s.createdAt, lang)} ·{" "}
                {t("sessions.lastSeen")}: {formatDateTime(s.lastSeenAt, lang)}
              </p>
            </div>
            {!s.current ? (
              <IntentButton
                intent="revoke"
                fields={{ sessionId: s.id }}
                label={`${t("sessions.revoke")}: ${browserName(s.userAgent, t("sessions.unknownDevice"))}`}
              >
                {t("sessions.revoke")}
              </IntentButton>
            ) : null}
          </li>
        ))}
      </ul>
      <Form method="post">
        <Button type="submit" variant="danger" name="intent" value="everywhere">
          {t("sessions.logoutEverywhere")}
        </Button>
      </Form>
    </div>
  );
}
