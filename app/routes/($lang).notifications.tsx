import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextLink } from "~/components/ui/localized-link";
import { Pagination } from "~/components/ui/pagination";
import { requireActor, safeRedirect } from "~/modules/accounts/accounts.server";
import { formatDateTime } from "~/modules/i18n/format";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { useLang, useLocalizePath } from "~/modules/i18n/use-lang";
import {
  listNotifications,
  markAllRead,
  markGroupRead,
  markRead,
  type NotificationView,
} from "~/modules/notifications/notifications.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const unreadOnly = url.searchParams.get("unread") === "1";
  const list = await listNotifications(actor, { page, unreadOnly, lang: getLang(request) });
  const t = await getT(request, "notifications");
  return { list, unreadOnly, title: t("title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const lang = getLang(request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "readAll") {
    await markAllRead(actor);
    return redirect(localizePath(lang, "/notifications"));
  }
  if (intent === "readGroup") {
    await markGroupRead(actor, String(form.get("group") ?? ""));
    return redirect(localizePath(lang, "/notifications"));
  }
  if (intent === "open" || intent === "read") {
    const link = await markRead(actor, String(form.get("id") ?? ""));
    if (intent === "open" && link) return redirect(localizePath(lang, safeRedirect(link, "/notifications")));
    return redirect(localizePath(lang, "/notifications"));
  }
  return Response.json({ error: { code: "bad_intent", message: "unknown intent" } }, { status: 400 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function Notifications() {
  const { list, unreadOnly } = useLoaderData<typeof loader>();
  const { t } = useTranslation("notifications");
  const lang = useLang();
  const localize = useLocalizePath();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="flex items-center gap-3 text-sm">
          <a
            href={localize(unreadOnly ? "/notifications" : "/notifications?unread=1")}
            className="text-brand-700 underline"
          >
            {unreadOnly ? t("showAll") : t("showUnread")}
          </a>
          <TextLink to="/settings/notifications">{t("settingsLink")}</TextLink>
          {list.unread > 0 ? (
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="readAll"
                className="rounded border border-slate-300 bg-white px-3 py-1"
              >
                {t("markAllRead")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {t("unreadCount", { count: list.unread })}
      </p>
      {list.groups.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {list.groups.map((g) => (
            <li
              key={g.key}
              className={`space-y-2 p-3 ${g.unread > 0 ? "bg-brand-50" : ""}`}
              data-testid="notification-group"
              data-unread={g.unread}
            >
              <NotificationRow n={g.latest} lang={lang} />
              {g.older.length > 0 || g.unread > 1 ? (
                <div className="flex flex-wrap items-start gap-x-4 gap-y-2 text-sm">
                  {g.older.length > 0 ? (
                    <details className="min-w-0 flex-1" data-testid="notification-older">
                      <summary className="cursor-pointer text-brand-700 underline">
                        {t("more", { count: g.older.length })}
                      </summary>
                      <ul className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3">
                        {g.older.map((n) => (
                          <li key={n.id}>
                            <NotificationRow n={n} lang={lang} />
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                  {g.unread > 1 ? (
                    <Form method="post">
                      <input type="hidden" name="group" value={g.key} />
                      <button type="submit" name="intent" value="readGroup" className="text-slate-600 underline">
                        {t("markGroupRead", { count: g.unread })}
                      </button>
                    </Form>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} />
    </div>
  );
}

/** One notification: its text (who, what, how much), the time, open and mark-read. */
function NotificationRow({ n, lang }: { n: NotificationView; lang: "ru" | "en" }) {
  const { t } = useTranslation("notifications");
  return (
    <div className="flex items-start gap-3" data-testid="notification" data-type={n.type}>
      <div className="min-w-0 flex-1">
        <p className={`break-words ${n.readAt ? "" : "font-semibold"}`}>{n.title}</p>
        <p className="text-xs text-slate-600">{formatDateTime(n.createdAt, lang)}</p>
      </div>
      <Form method="post" className="flex gap-2 text-sm">
        <input type="hidden" name="id" value={n.id} />
        {n.link ? (
          <button type="submit" name="intent" value="open" className="text-brand-700 underline">
            {t("open")}
          </button>
        ) : null}
        {!n.readAt ? (
          <button type="submit" name="intent" value="read" className="text-slate-600 underline">
            {t("markRead")}
          </button>
        ) : null}
      </Form>
    </div>
  );
}
