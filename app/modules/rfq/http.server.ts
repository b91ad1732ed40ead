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
