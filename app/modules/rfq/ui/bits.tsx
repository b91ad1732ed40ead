import { useTranslation } from "react-i18next";
import { useErrorText } from "~/components/ui/error-text";
import { formatDateTime } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import { deadlineState, type RecipientStatusValue, type RfqClock, recipientView } from "../rfq-state";

export function FieldErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  const text = useErrorText("rfq");
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
  NO_RESPONSE: "bg-slate-100 text-slate-700",
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

/**
 * The deadline of an RFQ with what it means now (`deadlineState`): «осталось 2 д 5 ч» only while it takes quotes;
 * «срок истёк», «приём завершён досрочно», «запрос отменён» otherwise. `now` is the server's render time.
 */
export function Countdown({ rfq, now }: { rfq: RfqClock; now?: number }) {
  const { t } = useTranslation("rfq");
  const lang = useLang();
  if (!rfq.deadline) return <span>—</span>;
  const state = deadlineState(rfq, now ?? Date.now());
  const at = formatDateTime(rfq.deadline, lang);
  switch (state.kind) {
    case "none":
      return <span>—</span>;
    case "draft":
      return <span>{at}</span>;
    case "open": {
      const left =
        state.days > 0
          ? t("countdown.daysHours", { days: state.days, hours: state.hours })
          : state.hours > 0
            ? t("countdown.hours", { hours: state.hours, minutes: state.minutes })
            : t("countdown.minutes", { minutes: state.minutes });
      return (
        <span className={state.urgent ? "font-medium text-amber-700" : ""}>
          {at} · <span data-testid="countdown">{left}</span>
        </span>
      );
    }
    case "passed":
      return (
        <span className="text-slate-500">
          {at} · {t("countdown.passed")}
        </span>
      );
    case "closed":
      return (
        <span className="text-slate-500" data-testid="deadline-state">
          {at}
          {state.early ? ` · ${t("countdown.closedEarly")}` : ""}
        </span>
      );
    case "cancelled":
      return (
        <span className="text-slate-500 line-through" data-testid="deadline-state">
          {at}
        </span>
      );
  }
}

/** A recipient's status as it reads now (`recipientView`): a silent supplier after an early close is «Без ответа». */
export function RecipientStatusBadge({
  rfq,
  status,
  now,
  sentForNew,
}: {
  rfq: RfqClock;
  status: RecipientStatusValue;
  now?: number;
  /** the buyer sees «Отправлен» where the supplier sees «Новый» */
  sentForNew?: boolean;
}) {
  const shown = recipientView(rfq, status, now ?? Date.now());
  return <StatusBadge status={sentForNew && shown === "NEW" ? "SENT" : shown} kind="recipient" />;
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
