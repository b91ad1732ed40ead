import { randomBytes } from "node:crypto";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { getPrisma } from "~/utils/db.server";
import { DomainError } from "~/utils/domain-error";
import { sameHash, sha256Hex } from "../exchange/credentials.server";

/**
 * REST API keys of an organisation. A key is `sm_<prefix>_<secret>`: the prefix finds the row, the secret is checked
 * against its SHA-256 (keys are 192-bit random, so a fast hash is enough). Shown once at creation.
 */
export const API_SCOPES = ["catalog:read", "products:write", "rfqs", "quotes", "orders", "webhooks"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Which organisation kind a scope makes sense for (a buyer's key cannot manage products). */
const SCOPE_KINDS: Record<ApiScope, readonly ("BUYER" | "SUPPLIER")[]> = {
  "catalog:read": ["BUYER", "SUPPLIER"],
  "products:write": ["SUPPLIER"],
  rfqs: ["BUYER", "SUPPLIER"],
  quotes: ["BUYER", "SUPPLIER"],
  orders: ["BUYER", "SUPPLIER"],
  webhooks: ["BUYER", "SUPPLIER"],
};

export function scopesFor(kind: "BUYER" | "SUPPLIER"): ApiScope[] {
  return API_SCOPES.filter((s) => SCOPE_KINDS[s].includes(kind));
}

function requireOrgAdmin(
  actor: Actor,
): asserts actor is Actor & { organizationId: string; orgKind: "BUYER" | "SUPPLIER" } {
  if (!actor.organizationId || !actor.orgKind) throw new ForbiddenError("organisation required");
  if (actor.role !== "OWNER" && actor.role !== "ADMIN") throw new ForbiddenError("owner or admin required");
}

export class ApiKeyInputError extends DomainError {
  constructor(fieldErrors: Record<string, string[]>) {
    super("invalid", "invalid api key input", { fieldErrors });
  }
}

export async function createApiKey(
  actor: Actor,
  input: { name: string; scopes: string[] },
): Promise<{ id: string; key: string; prefix: string }> {
  requireOrgAdmin(actor);
  const name = input.name.trim();
  const allowed = scopesFor(actor.orgKind);
  const scopes = [...new Set(input.scopes)].filter((s): s is ApiScope => (allowed as string[]).includes(s));
  const errors: Record<string, string[]> = {};
  if (!name || name.length > 100) errors.name = ["apiKeys.errors.name"];
  if (scopes.length === 0) errors.scopes = ["apiKeys.errors.scopes"];
  if (Object.keys(errors).length) throw new ApiKeyInputError(errors);
  const prefix = randomBytes(6).toString("hex");
  const secret = randomBytes(24).toString("base64url");
  const row = await getPrisma().$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        organizationId: actor.organizationId,
        name,
        prefix,
        secretHash: sha256Hex(secret),
        scopes,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, { entityType: "api_key", entityId: created.id, action: "created", actor, data: { scopes } });
    return created;
  });
  return { id: row.id, key: `sm_${prefix}_${secret}`, prefix };
}

export async function listApiKeys(actor: Actor) {
  if (!actor.organizationId) throw new ForbiddenError("organisation required");
  return getPrisma().apiKey.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function revokeApiKey(actor: Actor, id: string): Promise<void> {
  requireOrgAdmin(actor);
  await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id, organizationId: actor.organizationId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new NotFoundError("api key");
    await recordAudit(tx, { entityType: "api_key", entityId: id, action: "revoked", actor });
  });
}

export interface ApiPrincipal {
  actor: Actor;
  keyId: string;
  scopes: ApiScope[];
}

/** The organisation acting through a key (as the user who created it), or null for an unknown/revoked key. */
export async function authenticateApiKey(token: string): Promise<ApiPrincipal | null> {
  const m = /^sm_([0-9a-f]{12})_([\w-]{20,64})$/.exec(token.trim());
  if (!m) return null;
  const prisma = getPrisma();
  const key = await prisma.apiKey.findUnique({ where: { prefix: m[1] } });
  if (!key || key.revokedAt || !sameHash(key.secretHash, sha256Hex(m[2]))) return null;
  const membership = await prisma.membership.findFirst({
    where: { userId: key.createdById, organizationId: key.organizationId, organization: { suspendedAt: null } },
    include: { organization: { select: { kind: true } } },
  });
  if (!membership) return null;
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    actor: {
      userId: key.createdById,
      organizationId: key.organizationId,
      orgKind: membership.organization.kind,
      role: membership.role,
      isOperator: false,
    },
    keyId: key.id,
    scopes: key.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s)),
  };
}
