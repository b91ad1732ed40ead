import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { requireActor } from "~/modules/accounts/accounts.server";
import { getT } from "~/modules/i18n/i18n.server";
import { useLocalizePath } from "~/modules/i18n/use-lang";
import { RECIPIENT_STATUSES } from "~/modules/rfq/rfq.schema";
import { listInbox } from "~/modules/rfq/rfq.server";
import { Countdown, inputClass, Pagination, StatusBadge, secondaryButtonClass } from "~/modules/rfq/ui/bits";

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
  const localize = useLocalizePath();
  const href = (params: Record<string, string | null | undefined>) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries({ status, q, ...params })) if (v) sp.set(k, v);
    const s = sp.toString();
    return localize(`/supplier/inbox${s ? `?${s}` : ""}`);
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("inbox.title")}</h1>
      <nav aria-label={t("inbox.filterLabel")} className="flex flex-wrap gap-2 text-sm">
        <a
          href={href({ status: null, page: null })}
          aria-current={!status ? "page" : undefined}
          className={`rounded px-3 py-1 ${!status ? "bg-brand-600 text-white" : "bg-slate-100"}`}
        >
          {t("filters.all")}
        </a>
        {RECIPIENT_STATUSES.map((s) => (
          <a
            key={s}
            href={href({ status: s, page: null })}
            aria-current={status === s ? "page" : undefined}
            className={`rounded px-3 py-1 ${status === s ? "bg-brand-600 text-white" : "bg-slate-100"}`}
          >
            {t(`recipientStatus.${s}`)} ({inbox.counts[s] ?? 0})
          </a>
        ))}
      </nav>
      <Form method="get" className="flex gap-2" role="search">
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <label htmlFor="inbox-q" className="sr-only">
          {t("filters.search")}
        </label>
        <input
          id="inbox-q"
          name="q"
          defaultValue={q ?? ""}
          placeholder={t("inbox.searchPlaceholder")}
          className={`${inputClass} mt-0 max-w-md`}
        />
        <button type="submit" className={secondaryButtonClass}>
          {t("filters.find")}
        </button>
      </Form>
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
                  <Countdown deadline={r.deadline} now={now} />
                </td>
                <td className="p-2">
                  <StatusBadge status={r.status} kind="recipient" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={inbox.page} pageCount={inbox.pageCount} makeHref={(p) => href({ page: String(p) })} />
    </div>
  );
}
