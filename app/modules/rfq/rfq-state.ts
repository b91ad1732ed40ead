/**
 * What an RFQ's deadline and a recipient's status mean right now — the one place that decides it (issue #25: closed
 * RFQs showed «осталось 2 д 23 ч», a supplier who never quoted showed «Срок истёк» after an early close).
 * Pure and shared by the server and the browser; the buyer's list and page, the supplier's inbox and page use it
 * through `Countdown` and `RecipientStatusBadge` in ./ui/status.tsx.
 */

export type RfqStatusValue = "DRAFT" | "PUBLISHED" | "CLOSED" | "AWARDED" | "CANCELLED";
export type RecipientStatusValue = "NEW" | "VIEWED" | "QUOTED" | "DECLINED" | "EXPIRED";

export interface RfqClock {
  status: RfqStatusValue;
  deadline: string | Date | null;
  closedAt?: string | Date | null;
}

export type DeadlineState =
  /** no deadline set (a fresh draft) */
  | { kind: "none" }
  /** a draft: the planned date, no clock */
  | { kind: "draft" }
  /** published and running: the only state with a countdown */
  | { kind: "open"; days: number; hours: number; minutes: number; urgent: boolean }
  /** published, the deadline has passed, the closing job has not run yet */
  | { kind: "passed" }
  /** closed or awarded; early when closed before the deadline */
  | { kind: "closed"; early: boolean }
  | { kind: "cancelled" };

const time = (v: string | Date | null | undefined) => (v == null ? null : new Date(v).getTime());

/** True when the RFQ stopped taking quotes before its deadline (closed early, or awarded after an early close). */
export function closedEarly(rfq: RfqClock, now: number): boolean {
  const deadline = time(rfq.deadline);
  if (deadline === null) return false;
  const closedAt = time(rfq.closedAt) ?? now;
  return closedAt < deadline;
}

export function deadlineState(rfq: RfqClock, now: number): DeadlineState {
  if (rfq.status === "CANCELLED") return { kind: "cancelled" };
  if (rfq.status === "CLOSED" || rfq.status === "AWARDED") return { kind: "closed", early: closedEarly(rfq, now) };
  const deadline = time(rfq.deadline);
  if (deadline === null) return { kind: "none" };
  if (rfq.status === "DRAFT") return { kind: "draft" };
  const ms = deadline - now;
  if (ms <= 0) return { kind: "passed" };
  const totalMinutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  return { kind: "open", days, hours, minutes, urgent: ms < 24 * 3_600_000 };
}

/**
 * The status a recipient is shown with. Stored statuses say what the supplier did; this adds what happened to the
 * RFQ: a silent supplier is «Срок истёк» only when the deadline really passed, «Без ответа» after an early close,
 * «Запрос отменён» when the buyer cancelled.
 */
export type RecipientView = RecipientStatusValue | "NO_RESPONSE" | "CANCELLED";

export function recipientView(rfq: RfqClock, status: RecipientStatusValue, now: number): RecipientView {
  if (status === "QUOTED" || status === "DECLINED") return status;
  switch (rfq.status) {
    case "DRAFT":
      return "NEW";
    case "CANCELLED":
      return "CANCELLED";
    case "CLOSED":
    case "AWARDED":
      return closedEarly(rfq, now) ? "NO_RESPONSE" : "EXPIRED";
    case "PUBLISHED": {
      const deadline = time(rfq.deadline);
      if (deadline !== null && deadline <= now) return "EXPIRED";
      return status === "EXPIRED" ? "VIEWED" : status;
    }
  }
}
