import { ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { FileError } from "~/modules/files/files.server";
import { CatalogValidationError } from "./errors";

/**
 * Maps a use-case error to what a route returns: field errors (422) for user mistakes, a thrown 404/403 response for
 * missing/foreign resources; anything else is rethrown (500).
 */
export function toFieldErrors(error: unknown, fileField = "file"): Record<string, string[]> {
  if (error instanceof CatalogValidationError) return error.fieldErrors;
  if (error instanceof FileError) return { [fileField]: [error.i18nKey] };
  if (error instanceof NotFoundError) throw new Response("Not Found", { status: 404 });
  if (error instanceof ForbiddenError) throw new Response("Forbidden", { status: 403 });
  throw error;
}
