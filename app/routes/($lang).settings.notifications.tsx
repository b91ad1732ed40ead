import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/accounts/accounts.server";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { getEmailPreferences, setEmailPreferences } from "~/modules/notifications/notifications.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const prefs = await getEmailPreferences(actor);
  const t = await getT(request, "notifications");
  return { prefs, title: t("settings.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  await setEmailPreferences(actor, form.getAll("email").map(String));
  return redirect(localizePath(getLang(request), "/settings/notifications?saved=1"));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function NotificationSettings() {
  const { prefs } = useLoaderData<typeof loader>();
  const { t } = useTranslation("notifications");
  const [params] = useSearchParams();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
      {params.get("saved") ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
          {t("settings.saved")}
        </p>
      ) : null}
      <Form method="post" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <fieldset className="space-y-2">
          <legend className="mb-2 font-medium">{t("settings.legend")}</legend>
          {prefs.map((p) => (
            <div key={p.type} className="flex items-center gap-2">
              <input id={`pref-${p.type}`} type="checkbox" name="email" value={p.type} defaultChecked={p.enabled} />
              <label htmlFor={`pref-${p.type}`} className="text-sm">
                {t(`settings.types.${p.type}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <p className="text-xs text-slate-500">{t("settings.inAppNote")}</p>
        <button
          type="submit"
          className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t("settings.save")}
        </button>
      </Form>
    </div>
  );
}
