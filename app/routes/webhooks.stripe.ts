import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  isStripeEnabled,
  processStripeEvent,
  RetryLaterError,
  verifyStripeEvent,
  WebhookSignatureError,
} from "~/modules/payments/payments.server";
import { logger } from "~/utils/logger.server";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/**
 * Stripe webhooks: the signature is verified on the raw body; each event is applied once (its id stored in the same
 * transaction as the change). Bad signature → 400 and nothing changes; unknown events → 200.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (!isStripeEnabled()) return json(404, { error: { code: "not_found", message: "Stripe is not enabled" } });
  const raw = Buffer.from(await request.arrayBuffer());
  let event: ReturnType<typeof verifyStripeEvent>;
  try {
    event = verifyStripeEvent(raw, request.headers.get("stripe-signature"));
  } catch (e) {
    if (e instanceof WebhookSignatureError) {
      logger.warn({ err: e.message }, "stripe webhook with a bad signature");
      return json(400, { error: { code: "bad_signature", message: "Invalid signature" } });
    }
    throw e;
  }
  try {
    const outcome = await processStripeEvent(event);
    return json(200, { received: true, outcome });
  } catch (e) {
    if (e instanceof RetryLaterError) return json(409, { error: { code: "retry_later", message: e.message } });
    throw e;
  }
}

export function loader(_: LoaderFunctionArgs) {
  return json(405, { error: { code: "method_not_allowed", message: "POST only" } });
}
