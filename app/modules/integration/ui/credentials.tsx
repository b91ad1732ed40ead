import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormMessage } from "~/components/ui/field";
import { IntentButton } from "~/components/ui/intent-button";
import { formatDateTime } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";

/** A secret shown once, right after it is issued (an API key, a webhook secret, a 1C exchange password). */
export function ShownOnce({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <FormMessage tone="warning">
      <p className="font-medium">{title}</p>
      {children}
    </FormMessage>
  );
}

/**
 * The credentials of an organisation (API keys, 1C exchange logins): one line each, what it is and when it was revoked,
 * and while it is live a «revoke» button (intent `revoke`) named after it.
 */
export function CredentialList<C extends { id: string; revokedAt: string | Date | null }>({
  items,
  name,
  revokeLabel,
  children,
}: {
  items: readonly C[];
  /** The credential's name in the revoke button's accessible name. */
  name: (c: C) => string;
  revokeLabel: string;
  /** What the line says about the credential. */
  children: (c: C) => ReactNode;
}) {
  const { t } = useTranslation("integration");
  const lang = useLang();
  return (
    <ul className="divide-y divide-slate-200 rounded border border-slate-200">
      {items.map((c) => (
        <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
          <span className="min-w-0 break-words">
            {children(c)}
            {c.revokedAt ? ` · ${t("exchange.revokedAt", { date: formatDateTime(c.revokedAt, lang) })}` : ""}
          </span>
          {!c.revokedAt ? (
            <IntentButton intent="revoke" fields={{ id: c.id }} label={`${revokeLabel}: ${name(c)}`}>
              {revokeLabel}
            </IntentButton>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * A group of checkboxes of one name (API key scopes, webhook events) with the legend, the boxes checked again after a
 * refused submit, and the group's errors (`<name>` errors as the action returns them) next to it.
 */
export function CheckboxGroup({
  id,
  name,
  legend,
  options,
  checked,
  errors,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  options: readonly { value: string; label: ReactNode }[];
  checked?: readonly string[];
  errors?: string[];
}) {
  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="mr-4 inline-flex items-center gap-1 text-sm">
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked?.includes(o.value)} />
          {o.label}
        </label>
      ))}
      <FieldErrors id={`${id}-error`} errors={errors} ns="integration" />
    </fieldset>
  );
}

type Webhook = { id: string; url: string; events: string[]; enabled: boolean; disabledReason: string | null };
type Delivery = { id: string; createdAt: string | Date; event: string; status: string; lastStatusCode: number | null };

/**
 * An organisation's webhooks: the address, its events, why it was switched off; buttons to enable (intent
 * `webhook-enable`) and delete (`webhook-delete`) it, and its last deliveries, each with «replay» (`replay`).
 */
export function WebhookList({
  hooks,
  deliveries,
}: {
  hooks: readonly Webhook[];
  deliveries: Record<string, readonly Delivery[] | undefined>;
}) {
  const { t } = useTranslation("integration");
  return (
    <ul className="space-y-3">
      {hooks.map((h) => (
        <li key={h.id} className="space-y-2 rounded border border-slate-200 p-3 text-sm">
          <p className="break-all font-medium">{h.url}</p>
          <p>{h.events.join(", ")}</p>
          {!h.enabled ? (
            <p className="text-red-700">{t("webhooks.disabled", { reason: h.disabledReason ?? "" })}</p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {!h.enabled ? (
              <IntentButton intent="webhook-enable" fields={{ id: h.id }} label={`${t("webhooks.enable")}: ${h.url}`}>
                {t("webhooks.enable")}
              </IntentButton>
            ) : null}
            <IntentButton intent="webhook-delete" fields={{ id: h.id }} label={`${t("webhooks.delete")}: ${h.url}`}>
              {t("webhooks.delete")}
            </IntentButton>
          </div>
          <Deliveries hookId={h.id} deliveries={deliveries[h.id]} />
        </li>
      ))}
    </ul>
  );
}

/** A webhook's last deliveries, folded: when, what, how it went, and a «replay» button each. Nothing when none. */
function Deliveries({ hookId, deliveries }: { hookId: string; deliveries?: readonly Delivery[] }) {
  const { t } = useTranslation("integration");
  const lang = useLang();
  if (!deliveries?.length) return null;
  return (
    <details>
      <summary className="cursor-pointer">{t("webhooks.deliveries")}</summary>
      <ul className="mt-2 space-y-1">
        {deliveries.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-2">
            <span>
              {formatDateTime(d.createdAt, lang)} · {d.event} · {d.status} · {d.lastStatusCode ?? "—"}
            </span>
            <IntentButton
              intent="replay"
              fields={{ id: hookId, deliveryId: d.id }}
              label={`${t("webhooks.replay")}: ${d.event}, ${formatDateTime(d.createdAt, lang)}`}
            >
              {t("webhooks.replay")}
            </IntentButton>
          </li>
        ))}
      </ul>
    </details>
  );
}
