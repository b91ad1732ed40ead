import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { LocalizedLink } from "~/components/ui/localized-link";
import { Pagination } from "~/components/ui/pagination";
import { listOrganizationsForAdmin, requireActor } from "~/modules/accounts/accounts.server";
import { OrgFilters, OrgStateBadge } from "~/modules/accounts/ui/operator";
import { formatDate } from "~/modules/i18n/format";
import { getT } from "~/modules/i18n/i18n.server";
import { useLang } from "~/modules/i18n/use-lang";
import { orHttpError } from "~/utils/route-errors.server";

const filtersSchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  kind: z.enum(["BUYER", "SUPPLIER"]).optional().catch(undefined),
  status: z.enum(["all", "pending", "unverified", "verified", "suspended"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { operator: true });
  const filters = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const t = await getT(request, "accounts");
  const list = await orHttpError(listOrganizationsForAdmin(actor, filters));
  return {
    title: t("admin.organizations"),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    items: list.items.map((o) => ({
      id: o.id,
      kind: o.kind,
      shortName: o.shortName,
      legalName: o.legalName,
      inn: o.inn,
      city: o.city,
      state: o.state,
      members: o.members,
      createdAt: o.createdAt.toISOString(),
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
      <OrgFilters
        statuses={[
          { value: "pending", label: t("admin.queue.statusPending") },
          { value: "unverified", label: t("admin.statusUnverified") },
          { value: "verified", label: t("admin.statusVerified") },
          { value: "suspended", label: t("admin.statusSuspended") },
        ]}
      />
      <p className="text-sm text-slate-600" role="status">
        {t("admin.total", { count: total })}
      </p>
      {items.length === 0 ? <p>{t("admin.none")}</p> : null}
      <ul
        className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
        data-testid="admin-org-list"
      >
        {items.map((o) => (
          <li key={o.id} className="space-y-1 p-4" data-testid="admin-org-row">
            <div className="flex flex-wrap items-center gap-2">
              <LocalizedLink to={`/admin/organizations/${o.id}`} className="font-medium text-brand-700 underline">
                {o.shortName}
              </LocalizedLink>
              <span className="text-sm text-slate-600">{t(`kinds.${o.kind}`)}</span>
              <OrgStateBadge state={o.state} />
            </div>
            <p className="break-words text-sm text-slate-600">
              {o.legalName} · {t("admin.inn")} {o.inn} · {o.city} · {t("admin.members")}: {o.members} ·{" "}
              {t("admin.registered")} {formatDate(o.createdAt, lang)}
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
