import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { TextLink } from "~/components/ui/localized-link";
import { getT } from "~/modules/i18n/i18n.server";
import { legalDocsVersion, legalOperator } from "~/modules/legal/legal.server";
import { isLegalDoc, LEGAL_DOCS } from "~/modules/legal/ui/docs";

/** /legal/offer, /legal/terms, /legal/privacy: the platform's public documents with the operator's requisites. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLegalDoc(params.doc)) throw new Response("Not Found", { status: 404 });
  const t = await getT(request, "legal");
  return {
    doc: params.doc,
    title: t(`docs.${params.doc}.title`),
    description: t(`docs.${params.doc}.description`),
    operator: legalOperator(),
    version: legalDocsVersion(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} — СнабМост` },
  { name: "description", content: data?.description ?? "" },
];

export default function LegalPage() {
  const { doc, operator, version } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("legal");
  const sections = t(`docs.${doc}.sections`, { returnObjects: true }) as { h: string; p: string }[];
  const versionDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: "long" }).format(new Date(version));
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumbs items={[{ label: t("nav") }, { label: t(`docs.${doc}.title`) }]} />
      <article className="rounded-lg border border-slate-200 bg-white p-5 sm:p-8" data-testid="legal-document">
        <h1 className="text-2xl font-semibold">{t(`docs.${doc}.title`)}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("version", { version: versionDate })}</p>
        {sections.map((s) => (
          <section key={s.h} className="mt-6">
            <h2 className="text-lg font-medium">{s.h}</h2>
            <p className="mt-2 leading-relaxed text-slate-800">{s.p}</p>
          </section>
        ))}
        <section className="mt-8 border-t border-slate-200 pt-4 text-sm text-slate-700" data-testid="legal-operator">
          <h2 className="font-medium text-slate-900">{t("operator")}</h2>
          <p className="mt-1">{t("requisites", operator)}</p>
          <p>{t("address", operator)}</p>
          <p>{t("contacts", operator)}</p>
        </section>
      </article>
      <nav aria-label={t("nav")} className="mt-4 flex flex-wrap gap-4 text-sm">
        {LEGAL_DOCS.filter((d) => d !== doc).map((d) => (
          <TextLink key={d} to={`/legal/${d}`}>
            {t(`docs.${d}.title`)}
          </TextLink>
        ))}
      </nav>
    </div>
  );
}
