import type { LoaderFunctionArgs } from "@remix-run/node";
import { getActor } from "~/modules/accounts/accounts.server";
import { canReadFile, imageVariant, parseVariant, VARIANT_MIME } from "~/modules/files/files.server";

/**
 * `/images/<fileId>/<width>.<avif|webp>`: a responsive variant of a stored image for `srcset`. Who may read it is
 * decided as for `/files/<id>` (the owning module's policy; foreign or missing → 404). A stored file never changes,
 * so the answer is cached for a year as immutable — publicly when a visitor may see it (a published product's photo),
 * privately otherwise.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const variant = parseVariant(params.variant ?? "");
  if (!variant) throw new Response("Not Found", { status: 404 });
  const actor = await getActor(request);
  const file = await canReadFile(actor, params.id ?? "");
  if (!file) throw new Response("Not Found", { status: 404 });
  const etag = `"${file.sha256.slice(0, 32)}-${variant.width}-${variant.format}"`;
  const cacheControl = `${actor ? "private" : "public"}, max-age=31536000, immutable`;
  if (request.headers.get("If-None-Match") === etag) {
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": cacheControl } });
  }
  const out = await imageVariant(file, variant.width, variant.format);
  if (!out) throw new Response("Not Found", { status: 404 });
  return new Response(out.stream, {
    headers: {
      "Content-Type": VARIANT_MIME[variant.format],
      "Content-Length": String(out.size),
      "Cache-Control": cacheControl,
      ETag: etag,
      Vary: "Cookie",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
