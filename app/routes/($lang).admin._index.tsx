import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { FormMessage } from "~/components/ui/field";
import { LocalizedLink } from "~/components/ui/localized-link";
import { suspendSchema } from "~/modules/accounts/accounts.schema";
import {
  ForbiddenError,
  listOrganizationsForAdmin,
  NotFoundError,
  requireActor,
  restoreOrganization,
  suspendOrganization,
  unverifyOrganization,
  verifyOrganization,
} from "~/modules/accounts/accounts.server";
import { VerifiedBadge } from "~/modules/accounts/ui/verified-badge";
import { formatDate } from "~/modules/i18n/format";
import { getT } from "~/modules/i18n/i18n.server";
import { useLang } from "~/modules/i18n/use-lang";

const filtersSchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  kind: z.enum(["BUYER", "SUPPLIER"]).optional().catch(undefined),
  status: z.enum(["all", "unverified", "verified", "suspended"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { operator: true });
  const url = new URL(request.url);
  const filters = filtersSchema.parse(Object.fromEntries(url.searchParams));
  const t = await getT(request, "accounts");
  const list = await listOrganizationsForAdmin(actor, filters);
  return {
    title: t("admin.title"),
    total: list.total,
    page: list.page,
    pageSize: list.pageSize,
    items: list.items.map((o) => ({
      id: o.id,
      kind: o.kind,
      slug: o.slug,
      shortName: o.shortName,
      legalName: o.legalName,
      inn: o.inn,
      city: o.city,
      verified: o.verifiedAt !== null,
      suspended: o.suspendedAt !== null,
      suspendReason: o.suspendReason,
      createdAt: o.createdAt.toISOString(),
      members: o._count.memberships,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { operator: true });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const organizationId = String(formData.get("organizationId") ?? "");
  try {
    if (intent === "verify") await verifyOrganization(actor, organizationId);
    else if (intent === "unverify") await unverifyOrganization(actor, organizationId);
    else if (intent === "restore") await restoreOrganization(actor, organizationId);
    else if (intent === "suspend") {
      const parsed = suspendSchema.safeParse({ reason: formData.get("reason") });
      if (!parsed.success) return data({ error: { organizationId, message: "errors.required" } }, { status: 400 });
      await suspendOrganization(actor, organizationId, parsed.data.reason);
    } else throw new Response("Bad Request", { status: 400 });
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response("Not Found", { status: 404 });
    if (error instanceof ForbiddenError) throw new Response("Forbidden", { status: 403 });
    throw error;
  }
  const url = new URL(request.url);
  return redirect(url.pathname + url.search);
}

function withPage(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  next.set("page", String(page));
  return next.toString();
}

export default function AdminConsole() {
  const { t } = useTranslation("accounts");
  const { t: tcat } = useTranslation("catalog");
  const lang = useLang();
  const { items, total, page, pageSize } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
      <nav aria-label={tcat("admin.manage")}>
        <LocalizedLink to="/admin/categories" className="text-brand-700 underline hover:text-brand-800">
          {tcat("admin.manage")}
        </LocalizedLink>
        <span className="ml-2 text-sm text-slate-600">{tcat("admin.manageHint")}</span>
        <LocalizedLink to="/admin/contract-template" className="ml-4 underline">
          {t("contractTemplate.title", { ns: "orders" })}
        </LocalizedLink>
      </nav>
      <section aria-labelledby="orgs-heading" className="space-y-4">
        <h2 id="orgs-heading" className="text-lg font-medium">
          {t("admin.organizations")}
        </h2>
        <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("admin.filters")}>
          <div>
            <label htmlFor="admin-q" className="block text-sm font-medium">
              {t("admin.q")}
            </label>
            <input
              id="admin-q"
              name="q"
              defaultValue={params.get("q") ?? ""}
              className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </div>
          <div>
            <label htmlFor="admin-kind" className="block text-sm font-medium">
              {t("admin.kind")}
            </label>
            <select
              id="admin-kind"
              name="kind"
              defaultValue={params.get("kind") ?? ""}
              className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
            >
              <option value="">{t("admin.kindAll")}</option>
              <option value="BUYER">{t("kinds.BUYER")}</option>
              <option value="SUPPLIER">{t("kinds.SUPPLIER")}</option>
            </select>
          </div>
          <div>
            <label htmlFor="admin-status" className="block text-sm font-medium">
              {t("admin.status")}
            </label>
            <select
              id="admin-status"
              name="status"
              defaultValue={params.get("status") ?? "all"}
              className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
            >
              <option value="all">{t("admin.statusAll")}</option>
              <option value="unverified">{t("admin.statusUnverified")}</option>
              <option value="verified">{t("admin.statusVerified")}</option>
              <option value="suspended">{t("admin.statusSuspended")}</option>
            </select>
          </div>
          <Button type="submit" variant="secondary">
            {t("admin.apply")}
          </Button>
        </Form>
        <p className="text-sm text-slate-600" role="status">
          {t("admin.total", { count: total })}
        </p>
        {items.length === 0 ? <p>{t("admin.none")}</p> : null}
        <ul
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          data-testid="admin-org-list"
        >
          {items.map((o) => (
            <li key={o.id} className="space-y-2 p-4" data-testid="admin-org-row" data-org-slug={o.slug}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{o.shortName}</span>
                <span className="text-sm text-slate-600">· {t(`kinds.${o.kind}`)}</span>
                {o.kind === "SUPPLIER" && o.verified ? <VerifiedBadge /> : null}
                {o.suspended ? (
                  <span className="rounded bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800">
                    {t("admin.suspended")}
                  </span>
                ) : null}
              </div>
              <p className="text-sm text-slate-600">
                {o.legalName} · {t("admin.inn")} {o.inn} · {o.city} · {t("admin.members")}: {o.members} ·{" "}
                {t("admin.registered")} {formatDate(new Date(o.createdAt), lang)}
              </p>
              {o.suspended && o.suspendReason ? (
                <p className="text-sm text-red-800">
                  {t("admin.reason")}: {o.suspendReason}
                </p>
              ) : null}
              <div className="flex flex-wrap items-end gap-2">
                {o.kind === "SUPPLIER" ? (
                  <Form method="post">
                    <input type="hidden" name="organizationId" value={o.id} />
                    <Button
                      type="submit"
                      size="sm"
                      variant={o.verified ? "secondary" : "primary"}
                      name="intent"
                      value={o.verified ? "unverify" : "verify"}
                    >
                      {o.verified ? t("admin.unverify") : t("admin.verify")}
                    </Button>
                  </Form>
                ) : null}
                {o.suspended ? (
                  <Form method="post">
                    <input type="hidden" name="organizationId" value={o.id} />
                    <Button type="submit" size="sm" variant="secondary" name="intent" value="restore">
                      {t("admin.restore")}
                    </Button>
                  </Form>
                ) : (
                  <Form method="post" className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="organizationId" value={o.id} />
                    <div>
                      <label htmlFor={`reason-${o.id}`} className="block text-xs text-slate-600">
                        {t("admin.reasonFor", { name: o.shortName })}
                      </label>
                      <input
                        id={`reason-${o.id}`}
                        name="reason"
                        required
                        maxLength={500}
                        aria-invalid={actionData?.error?.organizationId === o.id ? true : undefined}
                        className="mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
                      />
                    </div>
                    <Button type="submit" size="sm" variant="danger" name="intent" value="suspend">
                      {t("admin.suspend")}
                    </Button>
                  </Form>
                )}
              </div>
              {actionData?.error?.organizationId === o.id ? (
                <FormMessage>{t(actionData.error.message)}</FormMessage>
              ) : null}
            </li>
          ))}
        </ul>
        {total > pageSize ? (
          <nav aria-label={t("admin.pages")} className="flex items-center gap-4 text-sm">
            {page > 1 ? (
              <Link to={`?${withPage(params, page - 1)}`} className="text-brand-700 underline">
                {t("admin.prev")}
              </Link>
            ) : null}
            <span>{t("admin.page", { page, pages: Math.ceil(total / pageSize) })}</span>
            {page * pageSize < total ? (
              <Link to={`?${withPage(params, page + 1)}`} className="text-brand-700 underline">
                {t("admin.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
