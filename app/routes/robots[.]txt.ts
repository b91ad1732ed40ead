import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicOrigin } from "~/utils/origin.server";

export async function loader(_args: LoaderFunctionArgs) {
  const origin = publicOrigin();
  const body = [
    "User-agent: *",
    "Disallow: /supplier/",
    "Disallow: /buyer/",
    "Disallow: /admin",
    "Disallow: /account",
    "Disallow: /orders",
    "Disallow: /rfq/",
    "Disallow: /api/",
    "Disallow: /en/supplier/",
    "Disallow: /en/buyer/",
    "Disallow: /en/admin",
    "Disallow: /en/account",
    "Allow: /",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
