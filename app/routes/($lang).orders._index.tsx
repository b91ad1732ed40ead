import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextLink } from "~/components/ui/localized-link";
import { DataTable } from "~/components/ui/table";
import { requireActor } from "~/modules/accounts/accounts.server";
import { formatDate, formatMoney } from "~/modules/i18n/format";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { orderHttp } from "~/modules/orders/index.server";
import { listOrders } from "~/modules/orders/orders.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lang = getLang(request);
  const t = await getT(request, "orders");
  const orders = await orderHttp(listOrders(actor));
  return {
    title: t("title"),
    orders: orders.map((o) => ({
      id: o.id,
      number: o.number,
      status: o.status,
      party: o.party,
      counterparty: o.party === "BUYER" ? o.supplier.shortName : o.buyer.shortName,
      total: formatMoney(o.totalKopecks, lang),
      date: formatDate(o.createdAt, lang),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

/** The list's columns (keys of `col.*`); the total is a number. */
const COLUMNS = ["number", "counterparty", "role", "status", "total", "date"] as const;

export default function OrdersIndex() {
  const { orders } = useLoaderData<typeof loader>();
  const { t } = useTranslation("orders");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {orders.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable
          density="roomy"
          headClassName="border-b text-left text-slate-600"
          columns={COLUMNS.map((c) => ({ label: t(`col.${c}`), numeric: c === "total" }))}
        >
          {orders.map((o) => (
            <tr key={o.id} className="border-b" data-testid="order-row">
              <td className="py-2 pr-4">
                <TextLink to={`/orders/${o.id}`}>{t("number", { number: o.number })}</TextLink>
              </td>
              <td className="py-2 pr-4">{o.counterparty}</td>
              <td className="py-2 pr-4">{t(`role.${o.party}`)}</td>
              <td className="py-2 pr-4">{t(`status.${o.status}`)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{o.total}</td>
              <td className="py-2 pr-4">{o.date}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
