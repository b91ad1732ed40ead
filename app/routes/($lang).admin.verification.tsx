import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { verificationQueueFiltersSchema } from "~/modules/accounts/accounts.schema";
import { listVerificationQueue, RECENT_DECISION_DAYS, requireActor } from "~/modules/accounts/accounts.server";
import { OrgFilters, OrgSummary, orgSummaryRow } from "~/modules/accounts/ui/operator";
import { formatDate } from "~/modules/i18n/format";
import { getT } from "~/modules/i18n/i18n.server";
import { useLang } from "~/modules/i18n/use-lang";
import { orHttpError } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { operator: true });
  const filters = verificationQueueFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const t = await getT(request, "accounts");
  const queue = await orHttpError(listVerificationQueue(actor, filters));
  return {
    title: t("admin.queue.title"),
    days: RECENT_DECISION_DAYS,
    total: queue.total,
    page: queue.page,
    pageCount: queue.pageCount,
    items: queue.items.map((o) => ({
      ...orgSummaryRow(o),
      decidedAt: o.decidedAt?.toISOString() ?? null,
      decision: o.decision,
      decisionReason: o.decisionReason,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export default function VerificationQueue() {
  const { t } = useTranslation("accounts");
  const lang = useLang();
  const { items, total, page, pageCount, days } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("admin.queue.title")}</h1>
      <p className="text-sm text-slate-600">{t("admin.queue.intro", { days })}</p>
      <OrgFilters statuses={["pending", "verified", "suspended"]} total={total} />
      {items.length === 0 ? <p>{t("admin.queue.empty")}</p> : null}
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="queue">
        {items.map((o) => (
          <li key={o.id} className="flex flex-wrap items-start justify-between gap-2 p-4" data-testid="queue-row">
            <div className="min-w-0 space-y-1">
              <OrgSummary org={o} />
              {o.decision && o.decidedAt && o.state !== "pending" ? (
                <p className="text-sm text-slate-700">
                  {t("admin.queue.decided", {
                    decision: t(`admin.decisions.${o.decision}`),
                    date: formatDate(o.decidedAt, lang),
                  })}
                  {o.decisionReason ? ` — ${o.decisionReason}` : ""}
                </p>
              ) : (
                <p className="text-sm text-amber-900">
                  {t("admin.queue.waiting", { date: formatDate(o.createdAt, lang) })}
                </p>
              )}
            </div>
          </li>
        ))}
      </ol>
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
