import { data } from "@remix-run/node";
import { type DomainError, isDomainError } from "./domain-error";

/**
 * The one mapping from domain errors to page responses (loaders and actions). Missing or foreign resources answer 404,
 * a forbidden step 403, a rate limit 429 with Retry-After — thrown as responses, so the error boundary renders them.
 * User mistakes (422) and conflicts (409) go back to the page as `data()` built by `reply`, so the form shows the
 * message next to the field and keeps what was typed. Anything that is not a domain error is rethrown: the error
 * boundary answers 500 with the request id, and the log has the stack.
 */
export function throwAsResponse(error: unknown): never {
  if (isDomainError(error)) throw statusResponse(error);
  throw error;
}

/**
 * Runs a use case for a loader or an action: a missing or foreign resource, a forbidden step and a rate limit become
 * responses as above. A user mistake or a conflict is rethrown as it is, for the action's own catch to give back to
 * the form (`replyToDomainError`, or the page's reply with its field errors).
 */
export async function orHttpError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isDomainError(error) && (error.kind === "invalid" || error.kind === "conflict")) throw error;
    throwAsResponse(error);
  }
}

/**
 * For an action's catch: a user mistake or a conflict becomes `data(reply(error), { status })`; any other domain
 * error is thrown as its response; anything else is rethrown.
 */
export function replyToDomainError<T>(error: unknown, reply: (error: DomainError) => T) {
  if (!isDomainError(error)) throw error;
  if (error.kind === "invalid" || error.kind === "conflict") return data(reply(error), { status: error.status });
  if (error.kind === "rate_limited") return data(reply(error), { status: 429, headers: retryAfter(error) });
  throw statusResponse(error);
}

/**
 * The field errors of a user mistake, for forms that put them into their own reply; errors of the whole input (a file
 * that is not a spreadsheet, say) go under `formField`. Other domain errors are thrown as responses; anything else is
 * rethrown.
 */
export function fieldErrorsOf(error: unknown, formField = "file"): Record<string, string[]> {
  if (!isDomainError(error)) throw error;
  if (error.kind !== "invalid") throw statusResponse(error);
  return error.formErrors.length > 0 ? { ...error.fieldErrors, [formField]: error.formErrors } : error.fieldErrors;
}

function statusResponse(error: DomainError): Response {
  const text = {
    404: "Not Found",
    403: "Forbidden",
    409: "Conflict",
    422: "Unprocessable Content",
    429: "Too Many Requests",
  };
  return new Response(text[error.status as keyof typeof text] ?? "Error", {
    status: error.status,
    headers: error.kind === "rate_limited" ? retryAfter(error) : undefined,
  });
}

function retryAfter(error: DomainError): Record<string, string> {
  return { "Retry-After": String(Math.max(1, error.retryAfterSeconds)) };
}
