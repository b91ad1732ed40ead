import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { loadCatalogPage } from "~/modules/search/search.server";
import { CatalogView } from "~/modules/search/ui/catalog-view";

/** /catalog/<category-slug>: the catalog narrowed to a category and its children, with its spec facets. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadCatalogPage(request, { lang: getLang(request), t: await getT(request, "search") }, params.category);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "description", content: data?.description },
];

export default function CategoryCatalogPage() {
  const data = useLoaderData<typeof loader>();
  return <CatalogView data={data.search} />;
}
