import { ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { contentDisposition } from "~/modules/files/files.server";
import type { DocumentFile } from "./documents.server";
import { FulfilmentInputError } from "./errors";
import { AlreadyRatedError, OrderStateError } from "./orders.server";

/** Runs a use case for a route: NotFoundError → 404, ForbiddenError → 403, a status conflict → 409, bad input → 400. */
export async function orderHttp<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response("Not Found", { status: 404 });
    if (error instanceof ForbiddenError) throw new Response("Forbidden", { status: 403 });
    if (error instanceof OrderStateError || error instanceof AlreadyRatedError)
      throw new Response("Conflict", { status: 409 });
    if (error instanceof FulfilmentInputError)
      throw Response.json({ error: { code: error.field, message: error.code } }, { status: 400 });
    throw error;
  }
}

/** A stored order document as a download; the hash lets the receiver check it is the file that was signed. */
export function documentResponse(doc: DocumentFile, disposition: "attachment" | "inline" = "attachment"): Response {
  return new Response(new Uint8Array(doc.bytes), {
    headers: {
      "Content-Type": doc.mimeType,
      "Content-Length": String(doc.bytes.length),
      "Content-Disposition": contentDisposition(doc.filename, disposition),
      "Cache-Control": "private, no-store",
      "X-Content-SHA256": doc.sha256,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
