/**
 * Event types that produce a notification (in-app + email). A later issue adding an event adds its type here and the
 * strings `types.<type>.title` / `types.<type>.body` to app/locales/{ru,en}/notifications.json.
 * Users can turn email off per type on /settings/notifications.
 */
export const NOTIFICATION_TYPES = [
  "rfq_published",
  "rfq_question",
  "rfq_answer",
  "rfq_deadline_changed",
  "rfq_cancelled",
  "rfq_reminder",
  "rfq_declined",
  "rfq_closed",
  "rfq_closed_early",
  "quote_submitted",
  "quote_revised",
  "quote_withdrawn",
  "quote_awarded",
  "quote_not_selected",
  "order_created",
  "order_confirmed",
  "order_paid",
  "order_shipped",
  "order_delivered",
  "order_closed",
  "order_cancelled",
  "order_rated",
  "payment_mismatch",
  "rebid_round_started",
  "webhook_disabled",
  "organization_verified",
  "organization_unverified",
  "organization_blocked",
  "organization_unblocked",
] as const;

export type KnownNotificationType = (typeof NOTIFICATION_TYPES)[number];
