import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import { deadlineState, type RecipientStatusValue, type RfqClock, recipientView } from "../rfq-state";

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
