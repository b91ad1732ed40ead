import Stripe from "stripe";
import { env } from "~/utils/env.server";

/** Stripe is on only when both the secret key and the webhook secret are configured. */
export function isStripeEnabled(): boolean {
  const e = env();
  return Boolean(e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET);
}

let client: { key: string; stripe: Stripe } | null = null;

/** The official SDK client (host/port/protocol overridable for local test servers; no retries in tests). */
export function stripeClient(): Stripe {
  const e = env();
  if (!e.STRIPE_SECRET_KEY) throw new Error("Stripe is not configured");
  if (client?.key === e.STRIPE_SECRET_KEY) return client.stripe;
  const stripe = new Stripe(e.STRIPE_SECRET_KEY, {
    maxNetworkRetries: e.NODE_ENV === "test" || process.env.VITEST ? 0 : 2,
    timeout: 20_000,
    ...(e.STRIPE_API_HOST ? { host: e.STRIPE_API_HOST } : {}),
    ...(e.STRIPE_API_PORT ? { port: e.STRIPE_API_PORT } : {}),
    ...(e.STRIPE_API_PROTOCOL ? { protocol: e.STRIPE_API_PROTOCOL } : {}),
    appInfo: { name: "SnabMost" },
  });
  client = { key: e.STRIPE_SECRET_KEY, stripe };
  return stripe;
}

/** For tests: forget the client after changing the environment. */
export function resetStripeClientForTests() {
  client = null;
}
