import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass, secondaryButtonClass } from "~/components/ui/button";
import { LocalizedLink, TextLink } from "~/components/ui/localized-link";
import { Pagination } from "~/components/ui/pagination";
import { requireActor } from "~/modules/accounts/accounts.server";
import { getT } from "~/modules/i18n/i18n.server";
import { RFQ_STATUSES } from "~/modules/rfq/rfq.schema";
import { listBuyerRfqs } from "~/modules/rfq/rfq.server";
import { ListFilters, useListHref } from "~/modules/rfq/ui/list-filters";
import { Countdown, StatusBadge } from "~/modules/rfq/ui/status";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "BUYER" });
  const url = new URL(request.url);
  const status = url.searchParams.get("status");
  const q = url.searchParams.get("q");
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const list = await listBuyerRfqs(actor, { status, q, page });
  const t = await getT(request, "rfq");
  return { list, status, q, title: t("buyer.listTitle"), now: Date.now() };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function BuyerRfqs() {
  const { list, status, q, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation("rfq");
  const href = useListHref("/buyer/rfqs", status, q);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("buyer.listTitle")}</h1>
        <div className="flex gap-2">
          <LocalizedLink to="/rfq/cart" className={secondaryButtonClass}>
            {t("cart.title")}
          </LocalizedLink>
          <LocalizedLink to="/rfq/new" className={buttonClass}>
            {t("buyer.newRfq")}
          </LocalizedLink>
        </div>
      </div>
      <ListFilters
        href={href}
        status={status}
        q={q}
        statuses={RFQ_STATUSES}
        statusLabel={(s) => t(`rfqStatus.${s}`)}
        counts={list.counts}
        filterLabel={t("buyer.filterLabel")}
        searchId="buyer-q"
        searchPlaceholder={t("filters.searchPlaceholder")}
      />
      {list.items.length === 0 ? (
        <p className="text-slate-600">{t("buyer.empty")}</p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b text-left text-slate-600">
              <th className="p-2">№</th>
              <th className="p-2">{t("table.title")}</th>
              <th className="p-2">{t("table.status")}</th>
              <th className="p-2">{t("table.deadline")}</th>
              <th className="p-2">{t("table.items")}</th>
              <th className="p-2">{t("table.responses")}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((r) => (
              <tr key={r.id} className="border-b" data-testid="buyer-rfq-row">
                <td className="p-2">{r.number}</td>
                <td className="p-2">
                  <TextLink to={r.status === "DRAFT" ? `/rfq/${r.id}/edit` : `/buyer/rfqs/${r.id}`}>
                    {r.title || t("buyer.untitled")}
                  </TextLink>
                </td>
                <td className="p-2">
                  <StatusBadge status={r.status} kind="rfq" />
                </td>
                <td className="p-2">
                  <Countdown rfq={r} now={now} />
                </td>
                <td className="p-2">{r.itemCount}</td>
                <td className="p-2">
                  {r.quotedCount}/{r.recipientCount}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} />
    </div>
  );
}
