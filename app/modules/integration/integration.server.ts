/**
 * PUBLIC SURFACE OF THE INTEGRATION MODULE — 1C «обмен с сайтом» (CommerceML 2 both ways), the REST API's keys and
 * outgoing webhooks. Catalog, RFQ, quote and order changes go through those modules' own use cases, so their
 * authorization and tenant scoping apply unchanged.
 *
 * 1C:       handleExchange(request, ctx) — the whole `/exchange/1c` protocol; listExchangeLog(actor);
 *           exchange credentials (issue/list/revoke); settings (price type, group → category mapping);
 *           importUploadedCommerceMl(actor, files) — the same importer for files uploaded by hand.
 */

export { bearerToken, errorResponse as apiErrorResponse, json as apiJson, requireApiKey } from "./api/http.server";
export {
  API_SCOPES,
  ApiKeyInputError,
  type ApiScope,
  createApiKey,
  listApiKeys,
  revokeApiKey,
  scopesFor,
} from "./api/keys.server";
export { buildOpenApiDocument } from "./api/openapi";
// REST API v1 (keys, routes, OpenAPI) and outgoing webhooks.
export { handleApiRequest } from "./api/router.server";
export { buildOrdersXml, stepsFromRequisites } from "./commerceml/orders-xml";
export { CommerceMlError, parseCatalog, parseOffers, parseOrders, sniffCommerceMl } from "./commerceml/parse";
export { WEBHOOK_EVENT_TYPES } from "./events.server";
export { pruneIntegrationData } from "./exchange/cleanup.server";
export {
  issueExchangeCredential,
  listExchangeCredentials,
  revokeExchangeCredential,
} from "./exchange/credentials.server";
export {
  EXCHANGE_COOKIE,
  type ExchangeReport,
  FILE_LIMIT,
  handleExchange,
  IMPORT_STEP_ITEMS,
  importUploadedCommerceMl,
  listExchangeLog,
} from "./exchange/protocol.server";
export { getExchangeSettings, mapGroups, setPriceType } from "./exchange/settings.server";
export { SIGNATURE_HEADER, signPayload, verifySignature } from "./webhooks/signature";
export {
  createWebhook,
  deleteWebhook,
  enableWebhook,
  handleWebhookEvents,
  listDeliveries,
  listWebhooks,
  replayDelivery,
  WebhookInputError,
} from "./webhooks/webhooks.server";
