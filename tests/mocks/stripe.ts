/**
 * A fake Stripe API for MSW 2: the few endpoints the payments module calls (Connect accounts, account links, Checkout
 * Sessions, refunds, events list), recording each request's form body and headers so tests can assert what the SDK sent.
 * Usage: `const stripe = fakeStripe(); const server = setupServer(...stripe.handlers);`
 */
import { HttpResponse, http } from "msw";

export interface StripeRequest {
  method: string;
  path: string;
  /** the x-www-form-urlencoded body as flat key → value ("payment_intent_data[transfer_data][destination]") */
  form: Record<string, string>;
  idempotencyKey: string | null;
  authorization: string | null;
}

const API = "https://api.stripe.com";

export function fakeStripe(opts: { events?: () => unknown[] } = {}) {
  const requests: StripeRequest[] = [];
  let n = 0;
  const sessionsByKey = new Map<string, unknown>();
  const refundsByKey = new Map<string, unknown>();

  const record = async (request: Request) => {
    const url = new URL(request.url);
    const text = request.method === "GET" ? url.search.slice(1) : await request.text();
    const form = Object.fromEntries(new URLSearchParams(text));
    const r: StripeRequest = {
      method: request.method,
      path: url.pathname,
      form,
      idempotencyKey: request.headers.get("idempotency-key"),
      authorization: request.headers.get("authorization"),
    };
    requests.push(r);
    return r;
  };

  const handlers = [
    http.post(`${API}/v1/accounts`, async ({ request }) => {
      await record(request);
      n += 1;
      return HttpResponse.json({
        id: `acct_test${n}`,
        object: "account",
        type: "express",
        charges_enabled: false,
        details_submitted: false,
      });
    }),
    http.post(`${API}/v1/account_links`, async ({ request }) => {
      const r = await record(request);
      return HttpResponse.json({
        object: "account_link",
        url: `https://connect.stripe.com/setup/e/${r.form.account}/onboard`,
        created: Math.floor(Date.now() / 1000),
        expires_at: Math.floor(Date.now() / 1000) + 300,
      });
    }),
    http.post(`${API}/v1/checkout/sessions`, async ({ request }) => {
      const r = await record(request);
      const key = r.idempotencyKey ?? `none-${requests.length}`;
      const existing = sessionsByKey.get(key);
      if (existing) return HttpResponse.json(existing);
      n += 1;
      const session = {
        id: `cs_test_${n}`,
        object: "checkout.session",
        url: `https://checkout.stripe.com/c/pay/cs_test_${n}`,
        amount_total: Number(r.form["line_items[0][price_data][unit_amount]"]),
        currency: "rub",
        payment_status: "unpaid",
        status: "open",
        metadata: { orderId: r.form["metadata[orderId]"] },
        client_reference_id: r.form.client_reference_id,
      };
      sessionsByKey.set(key, session);
      return HttpResponse.json(session);
    }),
    http.post(`${API}/v1/refunds`, async ({ request }) => {
      const r = await record(request);
      const key = r.idempotencyKey ?? `none-${requests.length}`;
      const existing = refundsByKey.get(key);
      if (existing) return HttpResponse.json(existing);
      n += 1;
      const refund = {
        id: `re_test_${n}`,
        object: "refund",
        payment_intent: r.form.payment_intent,
        status: "succeeded",
        currency: "rub",
      };
      refundsByKey.set(key, refund);
      return HttpResponse.json(refund);
    }),
    http.get(`${API}/v1/events`, async ({ request }) => {
      await record(request);
      return HttpResponse.json({ object: "list", url: "/v1/events", has_more: false, data: opts.events?.() ?? [] });
    }),
  ];

  return { handlers, requests };
}
