import { ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { AlreadyRatedError, OrderStateError } from "./orders.server";

/** Runs a use case for a route: NotFoundError → 404, ForbiddenError → 403, a status conflict → 409. */
export async function orderHttp<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response("Not Found", { status: 404 });
    if (error instanceof ForbiddenError) throw new Response("Forbidden", { status: 403 });
    if (error instanceof OrderStateError || error instanceof AlreadyRatedError)
      throw new Response("Conflict", { status: 409 });
    throw error;
  }
}
