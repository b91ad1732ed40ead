import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { loadCatalogPage } from "~/modules/search/search.server";
import { CatalogView } from "~/modules/search/ui/catalog-view";

/** /catalog: search and browse, all state in the URL (q, filters, sort, page). */
export async function loader({ request }: LoaderFunctionArgs) {
  return loadCatalogPage(request, { lang: getLang(request), t: await getT(request, "search") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "description", content: data?.description },
];

export default function CatalogPage() {
  const data = useLoaderData<typeof loader>();
  return <CatalogView data={data.search} />;
}
