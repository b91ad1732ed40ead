import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";

/** Translates an error stored as "key" or "ns:key::{json params}". */
export function useErrorText() {
  const { t } = useTranslation("rfq");
  return (message: string) => {
    const [key, raw] = message.split("::");
    let params: Record<string, unknown> = {};
    if (raw) {
      try {
        params = JSON.parse(raw);
      } catch {
        // keep empty
      }
    }
    return t(key, params) as string;
  };
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700" role="alert">
      {errors.map(text).join(" ")}
    </p>
  );
}

export const inputClass =
  "mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600 focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";
export const buttonClass =
  "inline-flex items-center rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50";
export const secondaryButtonClass =
  "inline-flex items-center rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50";
export const dangerButtonClass =
  "inline-flex items-center rounded border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50";

const statusColors: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  PUBLISHED: "bg-blue-100 text-blue-800",
  CLOSED: "bg-amber-100 text-amber-800",
  AWARDED: "bg-green-100 text-green-800",
  CANCELLED: "bg-red-100 text-red-800",
  NEW: "bg-blue-100 text-blue-800",
  VIEWED: "bg-slate-100 text-slate-700",
  SENT: "bg-blue-50 text-blue-800",
  QUOTED: "bg-green-100 text-green-800",
  DECLINED: "bg-red-100 text-red-800",
  EXPIRED: "bg-amber-100 text-amber-800",
};

export function StatusBadge({ status, kind }: { status: string; kind: "rfq" | "recipient" }) {
  const { t } = useTranslation("rfq");
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${statusColors[status] ?? ""}`}
      data-status={status}
    >
      {t(kind === "rfq" ? `rfqStatus.${status}` : `recipientStatus.${status}`)}
    </span>
  );
}

/** «осталось 2 д 5 ч» / «срок истёк», computed against the render time. */
export function Countdown({ deadline, now }: { deadline: string | null; now?: number }) {
  const { t } = useTranslation("rfq");
  const lang = useLang();
  if (!deadline) return <span>—</span>;
  const ms = new Date(deadline).getTime() - (now ?? Date.now());
  const at = formatDateTime(deadline, lang);
  if (ms <= 0)
    return (
      <span className="text-slate-500">
        {at} · {t("countdown.passed")}
      </span>
    );
  const hours = Math.floor(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  const left =
    days > 0
      ? t("countdown.daysHours", { days, hours: hours % 24 })
      : hours > 0
        ? t("countdown.hours", { hours, minutes: Math.floor((ms % 3_600_000) / 60_000) })
        : t("countdown.minutes", { minutes: Math.max(1, Math.floor(ms / 60_000)) });
  return (
    <span className={days < 1 ? "font-medium text-amber-700" : ""}>
      {at} · <span data-testid="countdown">{left}</span>
    </span>
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

export function AttachmentList({ attachments }: { attachments: { id: string; name: string; size: number }[] }) {
  const { t } = useTranslation("rfq");
  if (attachments.length === 0) return <p className="text-sm text-slate-500">{t("attachments.none")}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={`/files/${a.id}?download=1`} className="text-brand-700 underline" download>
            {a.name}
          </a>{" "}
          <span className="text-slate-500">({formatSize(a.size)})</span>
        </li>
      ))}
    </ul>
  );
}

export function Pagination({
  page,
  pageCount,
  makeHref,
}: {
  page: number;
  pageCount: number;
  makeHref: (p: number) => string;
}) {
  const { t } = useTranslation("rfq");
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("pagination.label")} className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <a href={makeHref(page - 1)} className="text-brand-700 underline" rel="prev">
          {t("pagination.prev")}
        </a>
      ) : null}
      <span>{t("pagination.page", { page, pageCount })}</span>
      {page < pageCount ? (
        <a href={makeHref(page + 1)} className="text-brand-700 underline" rel="next">
          {t("pagination.next")}
        </a>
      ) : null}
    </nav>
  );
}
