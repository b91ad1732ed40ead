import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { organizationListFiltersSchema } from "~/modules/accounts/accounts.schema";
import { listOrganizationsForAdmin, requireActor } from "~/modules/accounts/accounts.server";
import { OrgFilters, OrgSummary, orgSummaryRow } from "~/modules/accounts/ui/operator";
import { formatDate } from "~/modules/i18n/format";
import { getT } from "~/modules/i18n/i18n.server";
import { useLang } from "~/modules/i18n/use-lang";
import { orHttpError } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { operator: true });
  const filters = organizationListFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const t = await getT(request, "accounts");
  const list = await orHttpError(listOrganizationsForAdmin(actor, filters));
  return {
    title: t("admin.organizations"),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    items: list.items.map((o) => ({
      ...orgSummaryRow(o),
      members: o.members,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export default function OperatorOrganizations() {
  const { t } = useTranslation("accounts");
  const lang = useLang();
  const { items, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("admin.organizations")}</h1>
      <OrgFilters statuses={["pending", "unverified", "verified", "suspended"]} total={total} />
      {items.length === 0 ? <p>{t("admin.none")}</p> : null}
      <ul
        className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
        data-testid="admin-org-list"
      >
        {items.map((o) => (
          <li key={o.id} className="space-y-1 p-4" data-testid="admin-org-row">
            <OrgSummary org={o}>
              {" "}
              · {t("admin.members")}: {o.members} · {t("admin.registered")} {formatDate(o.createdAt, lang)}
            </OrgSummary>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
