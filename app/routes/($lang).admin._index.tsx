import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedLink, TextLink } from "~/components/ui/localized-link";
import { Panel } from "~/components/ui/panel";
import { getPlatformMetrics, requireActor } from "~/modules/accounts/accounts.server";
import { useFormatDuration } from "~/modules/accounts/ui/operator";
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from "~/modules/i18n/format";
import { getT } from "~/modules/i18n/i18n.server";
import { useLang } from "~/modules/i18n/use-lang";
import { orHttpError } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { operator: true });
  const t = await getT(request, "accounts");
  const m = await orHttpError(getPlatformMetrics(actor));
  return {
    title: t("admin.title"),
    at: m.at.toISOString(),
    organizations: m.organizations,
    products: m.products,
    rfqs: { ...m.rfqs, weekStart: m.rfqs.weekStart.toISOString() },
    response: m.response,
    orders: {
      monthStart: m.orders.monthStart.toISOString(),
      thisMonth: { count: m.orders.thisMonth.count, gmvKopecks: m.orders.thisMonth.gmvKopecks.toString() },
      lastMonth: { count: m.orders.lastMonth.count, gmvKopecks: m.orders.lastMonth.gmvKopecks.toString() },
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

function Tile({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`${testId}-value`}>
        {value}
      </dd>
      {detail ? <dd className="mt-1 text-sm text-slate-600">{detail}</dd> : null}
    </div>
  );
}

export default function OperatorDashboard() {
  const { t } = useTranslation("accounts");
  const { t: to } = useTranslation("orders");
  const lang = useLang();
  const duration = useFormatDuration();
  const d = useLoaderData<typeof loader>();
  const n = (v: number) => formatNumber(v, lang);
  const kinds = [
    ["SUPPLIER", t("admin.metrics.suppliers")],
    ["BUYER", t("admin.metrics.buyers")],
  ] as const;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
        <p className="text-sm text-slate-600">{t("admin.metrics.asOf", { date: formatDateTime(d.at, lang) })}</p>
      </div>
      <nav aria-label={t("admin.nav.label")} className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <TextLink to="/admin/verification">{t("admin.nav.verification")}</TextLink>
        <TextLink to="/admin/organizations">{t("admin.nav.organizations")}</TextLink>
        <TextLink to="/admin/categories">{t("admin.nav.categories")}</TextLink>
        <TextLink to="/admin/contract-template">{to("contractTemplate.title")}</TextLink>
      </nav>

      <Panel id="m-orgs" title={t("admin.metrics.orgs")} tone="plain">
        <div className="grid gap-3 md:grid-cols-2">
          {kinds.map(([kind, label]) => (
            <div key={kind} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`m-orgs-${kind}`}>
              <h3 className="font-medium">{label}</h3>
              <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                {(["pending", "verified", "unverified", "suspended"] as const)
                  .filter((s) => !(kind === "SUPPLIER" && s === "unverified") && !(kind === "BUYER" && s === "pending"))
                  .map((s) => (
                    <div key={s}>
                      <dt className="text-slate-600">{t(`admin.states.${s}`)}</dt>
                      <dd className="text-xl font-semibold tabular-nums" data-testid={`m-orgs-${kind}-${s}`}>
                        {n(d.organizations[kind][s])}
                      </dd>
                    </div>
                  ))}
              </dl>
            </div>
          ))}
        </div>
        {d.organizations.SUPPLIER.pending > 0 ? (
          <LocalizedLink to="/admin/verification?status=pending" className="text-sm text-brand-700 underline">
            {t("admin.metrics.pendingLink")}
          </LocalizedLink>
        ) : null}
      </Panel>

      <Panel id="m-activity" title={t("admin.metrics.rfqs")} tone="plain">
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Tile
            testId="m-rfqs-week"
            label={t("admin.metrics.thisWeek", { date: formatDate(d.rfqs.weekStart, lang) })}
            value={n(d.rfqs.thisWeek)}
            detail={`${t("admin.metrics.lastWeek")}: ${n(d.rfqs.lastWeek)}`}
          />
          <Tile
            testId="m-response"
            label={`${t("admin.metrics.responseRate")} (${t("admin.metrics.response", { days: d.response.windowDays })})`}
            value={d.response.rate === null ? t("admin.metrics.noData") : formatPercent(d.response.rate * 100, lang)}
            detail={t("admin.metrics.responseDetail", {
              answered: n(d.response.answered),
              invitations: n(d.response.invitations),
            })}
          />
          <Tile
            testId="m-median"
            label={t("admin.metrics.median")}
            value={
              d.response.medianSecondsToFirstQuote === null
                ? t("admin.metrics.noData")
                : duration(d.response.medianSecondsToFirstQuote)
            }
            detail={t("admin.metrics.medianDetail", { count: d.response.rfqsWithQuotes })}
          />
          <Tile
            testId="m-products"
            label={t("admin.metrics.products")}
            value={n(d.products.published)}
            detail={`${t("admin.metrics.published")}; ${t("admin.metrics.draft")}: ${n(d.products.draft)}`}
          />
        </dl>
      </Panel>

      <Panel id="m-orders" title={t("admin.metrics.orders")} tone="plain">
        <dl className="grid gap-3 sm:grid-cols-2">
          <Tile
            testId="m-orders-month"
            label={`${t("admin.metrics.thisMonth", { date: formatDate(d.orders.monthStart, lang) })} · ${t("admin.metrics.gmv")}`}
            value={formatMoney(d.orders.thisMonth.gmvKopecks, lang)}
            detail={t("admin.metrics.ordersCount", { count: d.orders.thisMonth.count })}
          />
          <Tile
            testId="m-orders-last-month"
            label={`${t("admin.metrics.lastMonth")} · ${t("admin.metrics.gmv")}`}
            value={formatMoney(d.orders.lastMonth.gmvKopecks, lang)}
            detail={t("admin.metrics.ordersCount", { count: d.orders.lastMonth.count })}
          />
        </dl>
      </Panel>
    </div>
  );
}
