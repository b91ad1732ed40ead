import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/ui/icon";
import { LocalizedLink } from "~/components/ui/localized-link";

/**
 * The header bell: a link to /notifications with the unread count. Pass `count` when the page already knows it;
 * otherwise the component asks /api/notifications/unread after hydration and every minute.
 */
export function NotificationBell({ count }: { count?: number }) {
  const { t } = useTranslation("notifications");
  const fetcher = useFetcher<{ unread: number }>();
  const { load } = fetcher;
  useEffect(() => {
    if (count !== undefined) return;
    load("/api/notifications/unread");
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") load("/api/notifications/unread");
    }, 60_000);
    return () => clearInterval(timer);
  }, [count, load]);
  const unread = count ?? fetcher.data?.unread ?? 0;
  return (
    <LocalizedLink
      to="/notifications"
      className="relative inline-flex items-center rounded p-2 text-slate-700 hover:bg-slate-100"
      aria-label={unread > 0 ? t("bell.labelUnread", { count: unread }) : t("bell.label")}
      data-testid="notification-bell"
    >
      <Icon>
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </Icon>
      {unread > 0 ? (
        <span
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
          data-testid="notification-count"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </LocalizedLink>
  );
}
