import { Form, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { LocalizedLink } from "~/components/ui/localized-link";
import type { OrganizationState } from "../operator.server";

const STATE_CLASS: Record<OrganizationState, string> = {
  pending: "bg-amber-50 text-amber-900 ring-amber-600/30",
  verified: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  unverified: "bg-slate-100 text-slate-700 ring-slate-500/20",
  suspended: "bg-red-50 text-red-800 ring-red-600/20",
};

/** An organisation's state in the operator console: awaiting verification, verified, not verified, blocked. */
export function OrgStateBadge({ state }: { state: OrganizationState }) {
  const { t } = useTranslation("accounts");
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATE_CLASS[state]}`}
      data-testid="org-state"
    >
      {t(`admin.states.${state}`)}
    </span>
  );
}

const controlClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

const STATUS_LABEL = {
  pending: "admin.queue.statusPending",
  unverified: "admin.statusUnverified",
  verified: "admin.statusVerified",
  suspended: "admin.statusSuspended",
} as const;

/** A labelled select of the filter bar: «all» (its value `all`) first, then the options. */
function FilterSelect({
  name,
  label,
  all,
  options,
}: {
  name: string;
  label: string;
  all: { value: string; label: string };
  options: readonly { value: string; label: string }[];
}) {
  const [params] = useSearchParams();
  return (
    <div>
      <label htmlFor={`admin-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`admin-${name}`} name={name} defaultValue={params.get(name) ?? all.value} className={controlClass}>
        {[all, ...options].map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The console's filter bar (GET form, works without JavaScript): search by name or ИНН, kind, status; and under it
 * how many organisations match. The status options differ per page (the queue has «ждут проверки», the list has «без
 * проверки»).
 */
export function OrgFilters({ statuses, total }: { statuses: readonly (keyof typeof STATUS_LABEL)[]; total: number }) {
  const { t } = useTranslation("accounts");
  const [params] = useSearchParams();
  return (
    <>
      <Form
        method="get"
        className="grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end"
        aria-label={t("admin.filters")}
      >
        <div>
          <label htmlFor="admin-q" className="block text-sm font-medium">
            {t("admin.q")}
          </label>
          <input id="admin-q" name="q" type="search" defaultValue={params.get("q") ?? ""} className={controlClass} />
        </div>
        <FilterSelect
          name="kind"
          label={t("admin.kind")}
          all={{ value: "", label: t("admin.kindAll") }}
          options={(["BUYER", "SUPPLIER"] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <FilterSelect
          name="status"
          label={t("admin.status")}
          all={{ value: "all", label: t("admin.statusAll") }}
          options={statuses.map((s) => ({ value: s, label: t(STATUS_LABEL[s]) }))}
        />
        <Button type="submit" variant="secondary">
          {t("admin.apply")}
        </Button>
      </Form>
      <p className="text-sm text-slate-600" role="status">
        {t("admin.total", { count: total })}
      </p>
    </>
  );
}

/** Seconds as «2 ч 15 мин» / «3 д 4 ч» / «12 мин». */
export function useFormatDuration(): (seconds: number) => string {
  const { t } = useTranslation("accounts");
  return (seconds) => {
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return t("admin.duration.minutes", { minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return t("admin.duration.hours", { hours, minutes: minutes % 60 });
    return t("admin.duration.days", { days: Math.floor(hours / 24), hours: hours % 24 });
  };
}

/** What `OrgSummary` shows of an organisation, and when it registered, as a loader returns it (date as ISO text). */
export type OrgSummaryRow = {
  id: string;
  kind: "BUYER" | "SUPPLIER";
  shortName: string;
  legalName: string;
  inn: string;
  city: string;
  state: OrganizationState;
  createdAt: string;
};

/** A console list's row for `OrgSummary`, from an organisation of the operator's use cases. */
export function orgSummaryRow(o: Omit<OrgSummaryRow, "createdAt"> & { createdAt: Date }): OrgSummaryRow {
  const { id, kind, shortName, legalName, inn, city, state } = o;
  return { id, kind, shortName, legalName, inn, city, state, createdAt: o.createdAt.toISOString() };
}

/** An organisation in the console's lists: name (a link to its page), kind, state, legal name, ИНН, city and more. */
export function OrgSummary({ org, children }: { org: Omit<OrgSummaryRow, "createdAt">; children?: ReactNode }) {
  const { t } = useTranslation("accounts");
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <LocalizedLink to={`/admin/organizations/${org.id}`} className="font-medium text-brand-700 underline">
          {org.shortName}
        </LocalizedLink>
        <span className="text-sm text-slate-600">{t(`kinds.${org.kind}`)}</span>
        <OrgStateBadge state={org.state} />
      </div>
      <p className="break-words text-sm text-slate-600">
        {org.legalName} · {t("admin.inn")} {org.inn} · {org.city}
        {children}
      </p>
    </>
  );
}
