import type { z } from "zod/v4";
import type { Actor } from "~/modules/accounts/actor";
import type { ProductFormInput } from "~/modules/catalog/catalog.schema";
import {
  createProduct,
  getSupplierProduct,
  listSupplierProducts,
  setProductsStatus,
  updateProduct,
} from "~/modules/catalog/catalog.server";
import { getOrder, listOrders, performOrderStep } from "~/modules/orders/orders.server";
import { getComparison, saveQuote } from "~/modules/quotes/quotes.server";
import { toMoscowDateTimeInput } from "~/modules/rfq/rfq.schema";
import {
  getBuyerRfq,
  listBuyerRfqs,
  listInbox,
  publishRfq,
  saveDraft,
  viewRfqAsSupplier,
} from "~/modules/rfq/rfq.server";
import { formWithSpec } from "../exchange/importer.server";
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  replayDelivery,
} from "../webhooks/webhooks.server";
import {
  ApiError,
  decodeCursor,
  encodeCursor,
  errorResponse,
  json,
  parseBody,
  readJson,
  requireApiKey,
  withIdempotency,
} from "./http.server";
import type { ApiScope } from "./keys.server";
import * as S from "./schemas";

/**
 * The REST API v1 route table: each entry is dispatched here and described in the OpenAPI document from the same
 * schemas. Handlers call the modules' use cases with the key's actor, so authorization stays in the modules.
 */

interface Ctx {
  actor: Actor;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface ApiRoute {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  scopes: readonly ApiScope[];
  body?: z.ZodType;
  response: z.ZodType | null;
  status?: number;
  query?: { name: string; description: string }[];
  handler: (ctx: Ctx) => Promise<unknown>;
}

const pageQuery = [{ name: "cursor", description: "opaque cursor from nextCursor" }];

function productForm(input: z.output<typeof S.ProductInput>): ProductFormInput {
  return {
    categoryId: input.categoryId,
    title: input.title,
    sku: input.sku,
    manufacturer: input.manufacturer,
    description: input.description,
    priceOnRequest: input.price === null,
    price: input.price ?? undefined,
    vatRate: input.vatRate,
    unit: input.unit,
    minOrderQty: input.minOrderQty,
    leadTimeDays: input.leadTimeDays,
    stockStatus: input.stockStatus,
    spec: Object.fromEntries(Object.entries(input.specs).map(([k, v]) => [k, String(v)])),
  };
}

function productOut(p: Awaited<ReturnType<typeof getSupplierProduct>>) {
  return {
    id: p.id,
    slug: p.slug,
    sku: p.sku,
    title: p.title,
    categoryId: p.categoryId,
    status: p.status,
    priceKopecks: p.priceKopecks === null ? null : Number(p.priceKopecks),
    vatRate: p.vatRate,
    unit: p.unit,
    stockStatus: p.stockStatus,
    updatedAt: p.updatedAt.toISOString(),
  };
}

const isBuyer = (a: Actor) => a.orgKind === "BUYER";

export const API_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/products",
    operationId: "listProducts",
    summary: "The supplier's own products",
    tag: "Products",
    scopes: ["catalog:read", "products:write"],
    response: S.page(S.Product),
    query: [...pageQuery, { name: "status", description: "DRAFT | PUBLISHED | ARCHIVED" }],
    async handler({ actor, query }) {
      const page = decodeCursor(query.get("cursor"));
      const status = query.get("status");
      const r = await listSupplierProducts(actor, {
        page,
        status: status === "DRAFT" || status === "PUBLISHED" || status === "ARCHIVED" ? status : undefined,
      });
      return {
        data: r.items.map((p) => ({
          ...p,
          categoryId: p.category.id,
          priceKopecks: p.priceKopecks === null ? null : Number(p.priceKopecks),
          updatedAt: p.updatedAt.toISOString(),
          category: undefined,
        })),
        nextCursor: page < r.pageCount ? encodeCursor(page + 1) : null,
      };
    },
  },
  {
    method: "POST",
    path: "/api/v1/products",
    operationId: "createProduct",
    summary: "Create a product (draft, or published with publish=true)",
    tag: "Products",
    scopes: ["products:write"],
    body: S.ProductInput,
    response: S.Product,
    status: 201,
    async handler({ actor, body }) {
      const input = body as z.output<typeof S.ProductInput>;
      const { id } = await createProduct(actor, productForm(input));
      if (input.publish) await setProductsStatus(actor, [id], "PUBLISHED");
      return productOut(await getSupplierProduct(actor, id));
    },
  },
  {
    method: "GET",
    path: "/api/v1/products/{id}",
    operationId: "getProduct",
    summary: "One of the supplier's products",
    tag: "Products",
    scopes: ["catalog:read", "products:write"],
    response: S.Product,
    async handler({ actor, params }) {
      return productOut(await getSupplierProduct(actor, params.id));
    },
  },
  {
    method: "PUT",
    path: "/api/v1/products/{id}",
    operationId: "updateProduct",
    summary: "Replace a product's data",
    tag: "Products",
    scopes: ["products:write"],
    body: S.ProductInput,
    response: S.Product,
    async handler({ actor, params, body }) {
      const input = body as z.output<typeof S.ProductInput>;
      await updateProduct(actor, params.id, productForm(input));
      if (input.publish) await setProductsStatus(actor, [params.id], "PUBLISHED");
      return productOut(await getSupplierProduct(actor, params.id));
    },
  },
  {
    method: "PATCH",
    path: "/api/v1/products/{id}/stock-price",
    operationId: "updateStockPrice",
    summary: "Update only the price and/or stock status",
    tag: "Products",
    scopes: ["products:write"],
    body: S.StockPriceInput,
    response: S.Product,
    async handler({ actor, params, body }) {
      const input = body as z.output<typeof S.StockPriceInput>;
      const existing = await getSupplierProduct(actor, params.id);
      const form = formWithSpec(existing);
      if (input.price !== undefined) {
        form.priceOnRequest = input.price === null;
        form.price = input.price ?? undefined;
      }
      if (input.stockStatus) form.stockStatus = input.stockStatus;
      await updateProduct(actor, params.id, form);
      return productOut(await getSupplierProduct(actor, params.id));
    },
  },
  {
    method: "GET",
    path: "/api/v1/rfqs",
    operationId: "listRfqs",
    summary: "A buyer's own RFQs, or a supplier's RFQ inbox",
    tag: "RFQs",
    scopes: ["rfqs"],
    response: S.page(S.RfqSummary),
    query: pageQuery,
    async handler({ actor, query }) {
      const page = decodeCursor(query.get("cursor"));
      if (isBuyer(actor)) {
        const r = await listBuyerRfqs(actor, { page });
        return { data: r.items, nextCursor: page < r.pageCount ? encodeCursor(page + 1) : null };
      }
      const r = await listInbox(actor, { page });
      return {
        data: r.items.map((i) => ({ ...i, ...("rfq" in i ? (i.rfq as object) : {}) })),
        nextCursor: page < r.pageCount ? encodeCursor(page + 1) : null,
      };
    },
  },
  {
    method: "POST",
    path: "/api/v1/rfqs",
    operationId: "createRfq",
    summary: "Create an RFQ as a buyer and publish it to the suppliers of its products (publish=false keeps a draft)",
    tag: "RFQs",
    scopes: ["rfqs"],
    body: S.RfqInput,
    response: S.RfqSummary,
    status: 201,
    async handler({ actor, body }) {
      const input = body as z.output<typeof S.RfqInput>;
      const { id } = await saveDraft(actor, null, {
        title: input.title,
        deliveryAddress: input.deliveryAddress,
        neededBy: input.neededBy ?? "",
        deadline: toMoscowDateTimeInput(new Date(input.deadline)),
        paymentTerms: input.paymentTerms ?? "",
        comment: input.comment ?? "",
        sealed: input.sealed,
        includeOtherSuppliers: input.includeOtherSuppliers,
        items: input.items.map((i) => ({
          productId: i.productId ?? null,
          name: i.name,
          quantity: String(i.quantity),
          unit: i.unit,
          notes: i.notes ?? "",
          analoguesAllowed: i.analoguesAllowed,
        })),
      });
      if (input.publish) await publishRfq(actor, id);
      const { rfq } = await getBuyerRfq(actor, id);
      return {
        id: rfq.id,
        number: rfq.number,
        title: rfq.title,
        status: rfq.status,
        deadline: rfq.deadline ?? null,
      };
    },
  },
  {
    method: "GET",
    path: "/api/v1/rfqs/{id}",
    operationId: "getRfq",
    summary: "One RFQ (the buyer's own, or one the supplier received)",
    tag: "RFQs",
    scopes: ["rfqs"],
    response: null,
    async handler({ actor, params }) {
      if (isBuyer(actor)) return getBuyerRfq(actor, params.id);
      return viewRfqAsSupplier(actor, params.id, { markViewed: false });
    },
  },
  {
    method: "PUT",
    path: "/api/v1/rfqs/{id}/quote",
    operationId: "submitQuote",
    summary: "Submit (or revise: a new version) the supplier's quote",
    tag: "Quotes",
    scopes: ["quotes"],
    body: S.QuoteInput,
    response: S.QuoteResult,
    async handler({ actor, params, body }) {
      const input = body as z.output<typeof S.QuoteInput>;
      const r = await saveQuote(
        actor,
        params.id,
        {
          lines: input.lines.map((l) => ({
            rfqItemId: l.rfqItemId,
            unitPrice: l.unitPrice,
            quantity: String(l.quantity),
            vatRate: l.vatRate,
            leadTimeDays: l.leadTimeDays === undefined ? undefined : String(l.leadTimeDays),
            analogueModel: l.analogueModel,
            analogueNote: undefined,
          })),
          deliveryCost: input.deliveryCost,
          deliveryVatRate: input.deliveryVatRate,
          deliveryTerms: input.deliveryTerms,
          prepaymentPercent: input.prepaymentPercent === undefined ? undefined : String(input.prepaymentPercent),
          paymentDaysAfterDelivery: undefined,
          validUntil: input.validUntil,
          comment: input.comment,
          removeFileIds: [],
        },
        { mode: "submit" },
      );
      return { quoteId: r.quoteId, version: r.version, status: "SUBMITTED" };
    },
  },
  {
    method: "GET",
    path: "/api/v1/rfqs/{id}/comparison",
    operationId: "getComparison",
    summary: "The buyer's comparison of the quotes (sealed RFQs show no prices before opening)",
    tag: "Quotes",
    scopes: ["quotes", "rfqs"],
    response: null,
    async handler({ actor, params }) {
      return getComparison(actor, params.id);
    },
  },
  {
    method: "GET",
    path: "/api/v1/orders",
    operationId: "listOrders",
    summary: "Orders of the organisation (as buyer or supplier)",
    tag: "Orders",
    scopes: ["orders"],
    response: S.page(S.OrderSummary),
    query: pageQuery,
    async handler({ actor, query }) {
      const page = decodeCursor(query.get("cursor"));
      const all = await listOrders(actor);
      const size = 50;
      return {
        data: all.slice((page - 1) * size, page * size).map((o) => ({
          id: o.id,
          number: o.number,
          status: o.status,
          party: o.party,
          totalKopecks: Number(o.totalKopecks),
          createdAt: o.createdAt.toISOString(),
        })),
        nextCursor: page * size < all.length ? encodeCursor(page + 1) : null,
      };
    },
  },
  {
    method: "GET",
    path: "/api/v1/orders/{id}",
    operationId: "getOrder",
    summary: "One order with lines, totals and the actions available now",
    tag: "Orders",
    scopes: ["orders"],
    response: null,
    async handler({ actor, params }) {
      const r = await getOrder(actor, params.id);
      return { order: r.order, party: r.party, actions: r.actions };
    },
  },
  {
    method: "POST",
    path: "/api/v1/orders/{id}/transitions",
    operationId: "transitionOrder",
    summary: "Move the order one step (confirm, ship, deliver, cancel …) where the state machine allows",
    tag: "Orders",
    scopes: ["orders"],
    body: S.OrderTransitionInput,
    response: null,
    async handler({ actor, params, body }) {
      const input = body as z.output<typeof S.OrderTransitionInput>;
      if (input.action === "cancel") {
        if (!input.reason) throw new ApiError(400, "invalid_request", "reason is required to cancel");
        return performOrderStep(actor, params.id, { action: "cancel", reason: input.reason });
      }
      if (input.action === "ship") {
        if (!input.trackingNote) throw new ApiError(400, "invalid_request", "trackingNote is required to ship");
        return performOrderStep(actor, params.id, { action: "ship", trackingNote: input.trackingNote });
      }
      return performOrderStep(actor, params.id, { action: input.action });
    },
  },
  {
    method: "GET",
    path: "/api/v1/webhooks",
    operationId: "listWebhooks",
    summary: "The organisation's webhook endpoints",
    tag: "Webhooks",
    scopes: ["webhooks"],
    response: S.page(S.Webhook),
    async handler({ actor }) {
      return { data: await listWebhooks(actor), nextCursor: null };
    },
  },
  {
    method: "POST",
    path: "/api/v1/webhooks",
    operationId: "createWebhook",
    summary: "Register an endpoint for events; the answer carries the signing secret once",
    tag: "Webhooks",
    scopes: ["webhooks"],
    body: S.WebhookInput,
    response: S.Webhook,
    status: 201,
    async handler({ actor, body }) {
      return createWebhook(actor, body as z.output<typeof S.WebhookInput>);
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/webhooks/{id}",
    operationId: "deleteWebhook",
    summary: "Remove an endpoint",
    tag: "Webhooks",
    scopes: ["webhooks"],
    response: null,
    async handler({ actor, params }) {
      await deleteWebhook(actor, params.id);
      return { deleted: true };
    },
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "The delivery log of an endpoint (latest first)",
    tag: "Webhooks",
    scopes: ["webhooks"],
    response: S.page(S.WebhookDelivery),
    async handler({ actor, params }) {
      return { data: await listDeliveries(actor, params.id), nextCursor: null };
    },
  },
  {
    method: "POST",
    path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay",
    operationId: "replayWebhookDelivery",
    summary: "Send a logged delivery again",
    tag: "Webhooks",
    scopes: ["webhooks"],
    response: null,
    async handler({ actor, params }) {
      await replayDelivery(actor, params.id, params.deliveryId);
      return { queued: true };
    },
  },
];

function match(route: ApiRoute, pathname: string): Record<string, string> | null {
  const a = route.path.split("/");
  const b = pathname.replace(/\/+$/, "").split("/");
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const m = /^\{(\w+)\}$/.exec(a[i]);
    if (m) params[m[1]] = decodeURIComponent(b[i]);
    else if (a[i] !== b[i]) return null;
  }
  return params;
}

/** Dispatches an /api/v1 request to its route; unknown paths are a JSON 404, wrong methods a JSON 405. */
export async function handleApiRequest(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const candidates = API_ROUTES.map((r) => ({ r, params: match(r, url.pathname) })).filter((x) => x.params);
    if (candidates.length === 0) throw new ApiError(404, "not_found", "no such API endpoint");
    const hit = candidates.find((x) => x.r.method === request.method);
    if (!hit?.params) {
      throw new ApiError(405, "method_not_allowed", `allowed: ${candidates.map((x) => x.r.method).join(", ")}`);
    }
    const { r, params } = hit;
    const principal = await requireApiKey(request, r.scopes);
    const raw = r.body ? await request.text() : "";
    const run = async () => {
      let body: unknown;
      if (r.body) {
        let parsed: unknown;
        try {
          parsed = raw.trim() === "" ? {} : JSON.parse(raw);
        } catch {
          throw new ApiError(400, "invalid_json", "request body is not valid JSON");
        }
        body = parseBody(r.body, parsed);
      }
      try {
        const result = await r.handler({ actor: principal.actor, params, query: url.searchParams, body });
        return json(result, r.status ?? 200);
      } catch (error) {
        return errorResponse(error);
      }
    };
    if (raw.length > 1_000_000) throw new ApiError(413, "too_large", "request body larger than 1 MB");
    if (request.method === "POST") return await withIdempotency(request, principal, raw, run);
    return await run();
  } catch (error) {
    return errorResponse(error);
  }
}

export { readJson };
