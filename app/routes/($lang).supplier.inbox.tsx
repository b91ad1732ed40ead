import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { Pagination } from "~/components/ui/pagination";
import { requireActor } from "~/modules/accounts/accounts.server";
import { getT } from "~/modules/i18n/i18n.server";
import { RECIPIENT_STATUSES } from "~/modules/rfq/rfq.schema";
import { listInbox } from "~/modules/rfq/rfq.server";
import { ListFilters, useListHref } from "~/modules/rfq/ui/list-filters";
import { Countdown, RecipientStatusBadge, StatusBadge } from "~/modules/rfq/ui/status";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const url = new URL(request.url);
  const status = url.searchParams.get("status");
  const q = url.searchParams.get("q");
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const inbox = await listInbox(actor, { status, q, page });
  const t = await getT(request, "rfq");
  return { inbox, status, q, now: Date.now(), title: t("inbox.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function SupplierInbox() {
  const { inbox, status, q, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation("rfq");
  const href = useListHref("/supplier/inbox", status, q);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("inbox.title")}</h1>
      <ListFilters
        href={href}
        status={status}
        q={q}
        statuses={RECIPIENT_STATUSES}
        statusLabel={(s) => t(`recipientStatus.${s}`)}
        counts={inbox.counts}
        filterLabel={t("inbox.filterLabel")}
        searchId="inbox-q"
        searchPlaceholder={t("inbox.searchPlaceholder")}
      />
      {inbox.items.length === 0 ? (
        <p className="text-slate-600">{t("inbox.empty")}</p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b text-left text-slate-600">
              <th className="p-2">№</th>
              <th className="p-2">{t("table.title")}</th>
              <th className="p-2">{t("table.buyer")}</th>
              <th className="p-2">{t("table.items")}</th>
              <th className="p-2">{t("table.deadline")}</th>
              <th className="p-2">{t("table.status")}</th>
            </tr>
          </thead>
          <tbody>
            {inbox.items.map((r) => (
              <tr key={r.id} className="border-b" data-testid="inbox-row" data-status={r.status}>
                <td className="p-2">{r.number}</td>
                <td className="p-2">
                  <LocalizedLink
                    to={`/supplier/rfqs/${r.id}`}
                    className={`text-brand-700 underline ${r.status === "NEW" ? "font-semibold" : ""}`}
                  >
                    {r.title}
                  </LocalizedLink>
                  {r.rfqStatus !== "PUBLISHED" ? (
                    <span className="ml-2">
                      <StatusBadge status={r.rfqStatus} kind="rfq" />
                    </span>
                  ) : null}
                </td>
                <td className="p-2">{r.buyer}</td>
                <td className="p-2">{r.itemCount}</td>
                <td className="p-2">
                  <Countdown rfq={{ status: r.rfqStatus, deadline: r.deadline, closedAt: r.closedAt }} now={now} />
                </td>
                <td className="p-2">
                  <RecipientStatusBadge
                    rfq={{ status: r.rfqStatus, deadline: r.deadline, closedAt: r.closedAt }}
                    status={r.status}
                    now={now}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={inbox.page} pageCount={inbox.pageCount} />
    </div>
  );
}
