/**
 * Every action written to an RFQ's history (audit entries with entityType "rfq"). The rfq module writes through
 * `auditRfq` (shared.server.ts), which takes only these names, others with `satisfies RfqEvent`; `rfq-events.test.ts`
 * makes tsc fail when a language lacks a translation of one, so the history can never show a raw key such as
 * `closed_early`.
 */
export const RFQ_EVENTS = [
  "created",
  "published",
  "recipient_viewed",
  "recipient_declined",
  "question_asked",
  "answer_sent",
  "answer_published",
  "deadline_extended",
  "cancelled",
  "closed",
  "closed_early",
  "quotes_opened",
  "awarded",
  "supplier_invited",
  "supplier_invite_used",
  "supplier_invite_resent",
  "supplier_invite_cancelled",
  "supplier_added",
] as const;

export type RfqEvent = (typeof RFQ_EVENTS)[number];

export function isRfqEvent(action: string): action is RfqEvent {
  return (RFQ_EVENTS as readonly string[]).includes(action);
}

/** The i18n key (namespace "rfq") that names a history entry; unknown actions get a generic label, never the raw key. */
export function rfqEventKey(action: string): `audit.actions.${RfqEvent}` | "audit.other" {
  return isRfqEvent(action) ? `audit.actions.${action}` : "audit.other";
}
