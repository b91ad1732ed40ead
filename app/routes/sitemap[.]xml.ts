import type { LoaderFunctionArgs } from "@remix-run/node";
import { listSitemapEntries } from "~/modules/catalog/catalog.server";
import { publicOrigin } from "~/utils/origin.server";

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Public pages for search engines: home, catalog, categories, products, suppliers (Russian, with the English alternate). */
export async function loader(_args: LoaderFunctionArgs) {
  const origin = publicOrigin();
  const { products, suppliers, categories } = await listSitemapEntries();
  const url = (path: string, lastmod?: Date) =>
    `<url><loc>${xmlEscape(origin + path)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString().slice(0, 10)}</lastmod>` : ""}` +
    `<xhtml:link rel="alternate" hreflang="en" href="${xmlEscape(`${origin}/en${path === "/" ? "" : path}`)}"/></url>`;
  const body = [
    url("/"),
    url("/catalog"),
    ...categories.map((c) => url(`/catalog/${encodeURIComponent(c.slug)}`, c.updatedAt)),
    ...suppliers.map((s) => url(`/suppliers/${encodeURIComponent(s.slug)}`, s.updatedAt)),
    ...products.map((p) => url(`/products/${encodeURIComponent(p.slug)}`, p.updatedAt)),
  ].join("\n");
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`,
    { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } },
  );
}
