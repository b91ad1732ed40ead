import { createHash, randomUUID } from "node:crypto";
import type { z } from "zod/v4";
import type { Prisma } from "~/generated/prisma/client";
import { getPrisma } from "~/utils/db.server";
import { type DomainErrorKind, isDomainError } from "~/utils/domain-error";
import { logger } from "~/utils/logger.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { WebhookInputError } from "../webhooks/webhooks.server";
import { type ApiPrincipal, type ApiScope, authenticateApiKey } from "./keys.server";

/** Requests per key per minute. */
export const API_RATE_LIMIT = 600;
const IDEMPOTENCY_TTL_HOURS = 24;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function jsonError(status: number, code: string, message: string, details?: unknown, headers = {}) {
  return Response.json(
    { error: { code, message, ...(details ? { details } : {}) } },
    { status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

/** JSON with BigInt amounts as numbers (kopecks stay far below 2^53). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(
    JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? Number(v) : v)),
    {
      status,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
    },
  );
}

export function bearerToken(request: Request): string | null {
  const h = request.headers.get("Authorization");
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h.trim()) : null;
  return m ? m[1] : null;
}

/** The key's principal; 401 without/with a bad key, 403 without the scope, 429 over the rate limit. */
export async function requireApiKey(request: Request, scopes: readonly ApiScope[]): Promise<ApiPrincipal> {
  const token = bearerToken(request);
  if (!token) throw new ApiError(401, "unauthorized", "Authorization: Bearer <API key> required");
  const principal = await authenticateApiKey(token);
  if (!principal) throw new ApiError(401, "unauthorized", "unknown or revoked API key");
  const limit = await hitRateLimit(`api:key:${principal.keyId}`, { limit: API_RATE_LIMIT, windowSeconds: 60 });
  if (!limit.ok) {
    throw new ApiError(429, "rate_limited", "too many requests", undefined, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }
  if (scopes.length > 0 && !scopes.some((s) => principal.scopes.includes(s))) {
    throw new ApiError(403, "insufficient_scope", `this key lacks the scope: ${scopes.join(" or ")}`);
  }
  return principal;
}

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const r = schema.safeParse(body);
  if (!r.success) {
    throw new ApiError(400, "invalid_request", "request body does not match the schema", {
      issues: r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return r.data;
}

export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > 1_000_000) throw new ApiError(413, "too_large", "request body larger than 1 MB");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "request body is not valid JSON");
  }
}

/** The API's code for each kind of domain error (the page edge maps the same kinds in app/utils/route-errors.server.ts). */
const API_CODE_OF_KIND: Record<DomainErrorKind, string> = {
  invalid: "validation_failed",
  not_found: "not_found",
  forbidden: "forbidden",
  conflict: "invalid_state",
  rate_limited: "rate_limited",
};

/** Maps errors of the module use cases to JSON answers; anything unexpected is a 500 with a request id, logged once. */
export function errorResponse(error: unknown): Response {
  if (error instanceof Response) return error;
  if (error instanceof ApiError)
    return jsonError(error.status, error.code, error.message, error.details, error.headers);
  if (error instanceof WebhookInputError && error.code) {
    return jsonError(422, error.code, `webhook URL refused: ${error.message}`, { fieldErrors: error.fieldErrors });
  }
  if (isDomainError(error)) {
    if (error.kind === "invalid") {
      return jsonError(422, API_CODE_OF_KIND.invalid, "the input was refused", {
        fieldErrors: error.fieldErrors,
        formErrors: error.formErrors,
      });
    }
    const headers: Record<string, string> =
      error.kind === "rate_limited" ? { "Retry-After": String(Math.max(1, error.retryAfterSeconds)) } : {};
    return jsonError(error.status, API_CODE_OF_KIND[error.kind], error.message, undefined, headers);
  }
  const requestId = randomUUID();
  logger.error({ err: error, requestId }, "api error");
  return jsonError(500, "internal", `unexpected error (request ${requestId})`);
}

/**
 * Runs a POST under `Idempotency-Key`: the same key with the same body replays the stored answer; the same key with
 * another body is refused (422 idempotency_mismatch). Answers below 500 are kept for 24 hours.
 */
export async function withIdempotency(
  request: Request,
  principal: ApiPrincipal,
  rawBody: string,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = request.headers.get("Idempotency-Key");
  if (!key) return run();
  if (key.length > 200) throw new ApiError(400, "invalid_request", "Idempotency-Key longer than 200 characters");
  const url = new URL(request.url);
  const hash = createHash("sha256").update(`${request.method} ${url.pathname}\n${rawBody}`).digest("hex");
  const prisma = getPrisma();
  const stored = await prisma.apiIdempotency.findUnique({
    where: { apiKeyId_key: { apiKeyId: principal.keyId, key } },
  });
  if (stored && stored.createdAt.getTime() > Date.now() - IDEMPOTENCY_TTL_HOURS * 3600_000) {
    if (stored.requestHash !== hash) {
      throw new ApiError(422, "idempotency_mismatch", "this Idempotency-Key was used with another request");
    }
    return json(stored.body, stored.status, { "Idempotent-Replayed": "true" });
  }
  const response = await run();
  if (response.status < 500) {
    const body = await response
      .clone()
      .json()
      .catch(() => null);
    await prisma.apiIdempotency.upsert({
      where: { apiKeyId_key: { apiKeyId: principal.keyId, key } },
      create: {
        apiKeyId: principal.keyId,
        key,
        requestHash: hash,
        status: response.status,
        body: (body ?? {}) as Prisma.InputJsonValue,
      },
      update: {
        requestHash: hash,
        status: response.status,
        body: (body ?? {}) as Prisma.InputJsonValue,
        createdAt: new Date(),
      },
    });
  }
  return response;
}

/** Opaque cursors over the page-numbered module listings. */
export function decodeCursor(cursor: string | null): number {
  if (!cursor) return 1;
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { p?: unknown };
    if (typeof v.p === "number" && Number.isInteger(v.p) && v.p >= 1 && v.p <= 100_000) return v.p;
  } catch {
    // fall through
  }
  throw new ApiError(400, "invalid_cursor", "cursor is not one this API returned");
}

export function encodeCursor(page: number): string {
  return Buffer.from(JSON.stringify({ p: page })).toString("base64url");
}
