import type { LoaderFunctionArgs } from "@remix-run/node";
import { getActor } from "~/modules/accounts/accounts.server";
import { canReadFile, contentDisposition, isInlineType, readStoredFile } from "~/modules/files/files.server";

/**
 * Downloads of stored files. The owning module decides whether the actor may read the file (a foreign or missing file
 * is a 404, never a 403, so ids cannot be probed). `?download=1` forces an attachment.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const file = await canReadFile(actor, params.id ?? "");
  if (!file) throw new Response("Not Found", { status: 404 });
  const { stream } = await readStoredFile(file.id);
  const inline = isInlineType(file.mimeType) && new URL(request.url).searchParams.get("download") !== "1";
  // X-Content-Type-Options: nosniff is set on every response by the security headers (http-security.server.ts)
  return new Response(stream, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(file.originalName, inline ? "inline" : "attachment"),
      "Cache-Control": actor ? "private, max-age=300" : "public, max-age=600",
      ETag: `"${file.sha256}"`,
      // Chrome's PDF viewer does not run in a sandboxed document; everything else is sandboxed.
      "Content-Security-Policy":
        file.mimeType === "application/pdf"
          ? "default-src 'none'; object-src 'self'"
          : "default-src 'none'; img-src 'self'; sandbox",
    },
  });
}
