import { z } from "zod/v4";
import { SIGNATURE_HEADER, TOLERANCE_SECONDS } from "../webhooks/signature";
import { API_ROUTES } from "./router.server";
import { ErrorBody } from "./schemas";

/** The OpenAPI 3.1 document of REST API v1, generated from the route table and its zod schemas. */
function schemaOf(s: z.ZodType, io: "input" | "output") {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return rest;
}

export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = { $ref: "#/components/schemas/Error" };
  const errorResponse = (description: string) => ({
    description,
    content: { "application/json": { schema: errorRef } },
  });
  for (const r of API_ROUTES) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const query = (r.query ?? []).map((q) => ({
      name: q.name,
      in: "query",
      required: false,
      description: q.description,
      schema: { type: "string" },
    }));
    const op: Record<string, unknown> = {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      security: [{ bearerAuth: [] }],
      "x-scopes": r.scopes,
      parameters: [
        ...params,
        ...query,
        ...(r.method === "POST"
          ? [
              {
                name: "Idempotency-Key",
                in: "header",
                required: false,
                description: "the same key and body within 24 h replays the first answer",
                schema: { type: "string", maxLength: 200 },
              },
            ]
          : []),
      ],
      responses: {
        [String(r.status ?? 200)]: {
          description: "OK",
          content: { "application/json": { schema: r.response ? schemaOf(r.response, "output") : { type: "object" } } },
        },
        "400": errorResponse("invalid request (schema, JSON, cursor)"),
        "401": errorResponse("missing, unknown or revoked API key"),
        "403": errorResponse("the key lacks the scope, or the organisation may not do this"),
        "404": errorResponse("not found (or not yours)"),
        "422": errorResponse("refused by validation"),
        "429": errorResponse("rate limit exceeded (see Retry-After)"),
      },
    };
    if (r.body) {
      op.requestBody = { required: true, content: { "application/json": { schema: schemaOf(r.body, "input") } } };
    }
    const openApiPath = r.path.replace(/^\/api\/v1/, "");
    paths[openApiPath] = { ...(paths[openApiPath] ?? {}), [r.method.toLowerCase()]: op };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "SnabMost REST API",
      version: "1.0.0",
      description:
        `REST API for ERP integration. Authorization: \`Authorization: Bearer <key>\` (keys at /account/api-keys). ` +
        `Lists use cursor pagination (\`nextCursor\`). POST accepts \`Idempotency-Key\`. Errors are ` +
        `\`{ "error": { "code", "message" } }\`. Webhooks are signed: header \`${SIGNATURE_HEADER}: t=<unix>,v1=<hex>\`, ` +
        `v1 = HMAC-SHA256(secret, "<t>.<body>"); refuse t older than ${TOLERANCE_SECONDS} s.`,
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    paths,
    components: {
      schemas: { Error: schemaOf(ErrorBody, "output") },
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "sm_<prefix>_<secret>" } },
    },
  };
}
