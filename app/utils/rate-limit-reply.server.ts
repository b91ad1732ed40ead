import { data } from "@remix-run/node";
import { RateLimitedError } from "./rate-limit.server";

/**
 * Runs a form action's use case; when it is rate limited, answers 429 with `Retry-After` and `{ result, retryAfter }`
 * (the form's reply, and the seconds the page shows in its "try again in N s" message). Other errors propagate.
 */
export async function replyOnRateLimit<T, R>(run: () => Promise<T>, reply: () => R) {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return data(
        { result: reply(), retryAfter: error.retryAfterSeconds },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
      );
    }
    throw error;
  }
}
