import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getT } from "~/modules/i18n/i18n.server";
import { buildOpenApiDocument } from "~/modules/integration/integration.server";

/** The REST API v1 documentation, rendered from the same OpenAPI 3.1 document as /api/v1/openapi.json. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getT(request, "integration");
  const doc = buildOpenApiDocument(new URL(request.url).origin);
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const o = op as {
        operationId: string;
        summary: string;
        "x-scopes": string[];
        requestBody?: { content: { "application/json": { schema: unknown } } };
      };
      return {
        id: o.operationId,
        method: method.toUpperCase(),
        path: `/api/v1${path}`,
        summary: o.summary,
        scopes: o["x-scopes"],
        body: o.requestBody ? JSON.stringify(o.requestBody.content["application/json"].schema, null, 2) : null,
      };
    }),
  );
  return { title: t("docs.title"), description: doc.info.description, operations };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export default function ApiDocs() {
  const { description, operations } = useLoaderData<typeof loader>();
  const { t } = useTranslation("integration");
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("docs.title")}</h1>
      <p className="text-slate-700">{t("docs.intro")}</p>
      <p className="text-sm text-slate-600">{description}</p>
      <p>
        <a href="/api/v1/openapi.json" className="text-brand-700 underline">
          openapi.json
        </a>
      </p>
      {operations.map((op) => (
        <section key={op.id} aria-labelledby={`op-${op.id}`} className="space-y-2 rounded border border-slate-200 p-4">
          <h2 id={`op-${op.id}`} className="break-all font-mono text-sm font-semibold">
            {op.method} {op.path}
          </h2>
          <p className="text-sm">{op.summary}</p>
          <p className="text-xs text-slate-600">
            {t("docs.scopes")}: {op.scopes.join(" | ")}
          </p>
          {op.body ? (
            <details>
              <summary className="cursor-pointer text-sm">{t("docs.body")}</summary>
              <pre className="max-h-96 overflow-auto bg-slate-50 p-2 text-xs">{op.body}</pre>
            </details>
          ) : null}
        </section>
      ))}
    </div>
  );
}
