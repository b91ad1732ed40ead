import { ForbiddenError, NotFoundError } from "~/modules/accounts/actor";

/** Runs a use case and turns NotFoundError → 404 and ForbiddenError → 403 responses for routes. */
export async function orHttpError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response("Not Found", { status: 404 });
    if (error instanceof ForbiddenError) throw new Response("Forbidden", { status: 403 });
    throw error;
  }
}

/** The 422 answer of an RFQ page action: which intent failed, its field errors (only fields that have some) and form errors. */
export function intentFailure(
  intent: string,
  errors: Record<string, string[] | null> | null | undefined,
  formErrors: string[] = [],
): Response {
  const fieldErrors = Object.fromEntries(
    Object.entries(errors ?? {}).filter((e): e is [string, string[]] => Array.isArray(e[1])),
  );
  return Response.json({ intent, errors: fieldErrors, formErrors }, { status: 422 });
}
