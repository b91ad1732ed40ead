import type { MemberRole, OrgKind } from "~/generated/prisma/enums";
import { getPrisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { randomToken, sha256 } from "./tokens.server";

/**
 * Database sessions. The cookie carries a random 256-bit token; the `session` table stores only its SHA-256.
 * A session ends when revoked, after IDLE_MS without a request, or ABSOLUTE_MS after it began (`expiresAt`).
 */
export const SESSION_COOKIE = "sm_session";
export const IDLE_MS = 7 * 24 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often (not on every request). */
const TOUCH_MS = 60 * 1000;

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * Secure cookies when the public origin is HTTPS, or in production when the request itself arrived over HTTPS
 * (behind a TLS-terminating proxy with TRUST_PROXY). The local demo on http://localhost keeps working.
 */
export function isSecureContext(request: Request): boolean {
  const origin = env().APP_ORIGIN;
  if (origin) return origin.startsWith("https://");
  return env().NODE_ENV === "production" && new URL(request.url).protocol === "https:";
}

export function sessionCookie(request: Request, token: string): string {
  const maxAge = Math.floor(ABSOLUTE_MS / 1000);
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
    ...(isSecureContext(request) ? ["Secure"] : []),
  ].join("; ");
}

export function clearSessionCookie(request: Request): string {
  return [
    `${SESSION_COOKIE}=`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    "Max-Age=0",
    ...(isSecureContext(request) ? ["Secure"] : []),
  ].join("; ");
}

export async function createSession(input: {
  userId: string;
  activeOrganizationId: string | null;
  ip: string | null;
  userAgent: string | null;
}): Promise<{ token: string; sessionId: string }> {
  const token = randomToken();
  const now = Date.now();
  const session = await getPrisma().session.create({
    data: {
      tokenHash: sha256(token),
      userId: input.userId,
      activeOrganizationId: input.activeOrganizationId,
      ip: input.ip?.slice(0, 64) ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + ABSOLUTE_MS),
    },
  });
  return { token, sessionId: session.id };
}

export interface SessionMembership {
  membershipId: string;
  role: MemberRole;
  organization: {
    id: string;
    kind: OrgKind;
    slug: string;
    shortName: string;
    verifiedAt: Date | null;
  };
}

export interface ResolvedSession {
  sessionId: string;
  user: { id: string; email: string; name: string; isOperator: boolean; emailVerifiedAt: Date | null };
  /** Memberships in organisations that are not suspended, oldest first. */
  memberships: SessionMembership[];
  active: SessionMembership | null;
}

const cache = new WeakMap<Request, Promise<ResolvedSession | null>>();

/** The live session of a request (memoised per Request object), or null. */
export function resolveSession(request: Request): Promise<ResolvedSession | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = loadSession(request);
    cache.set(request, pending);
  }
  return pending;
}

/** Forget the memoised session of a request (after a write that changes it within the same request). */
export function forgetSession(request: Request) {
  cache.delete(request);
}

export function isSessionLive(
  s: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date },
  now = Date.now(),
): boolean {
  return s.revokedAt === null && s.expiresAt.getTime() > now && s.lastSeenAt.getTime() > now - IDLE_MS;
}

async function loadSession(request: Request): Promise<ResolvedSession | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token || token.length > 200) return null;
  const prisma = getPrisma();
  const session = await prisma.session.findUnique({
    where: { tokenHash: sha256(token) },
    include: {
      user: {
        include: {
          memberships: {
            orderBy: { createdAt: "asc" },
            include: {
              organization: {
                select: { id: true, kind: true, slug: true, shortName: true, verifiedAt: true, suspendedAt: true },
              },
            },
          },
        },
      },
    },
  });
  const now = Date.now();
  if (!session || !isSessionLive(session, now)) return null;
  const { user } = session;
  const memberships: SessionMembership[] = user.memberships
    .filter((m) => m.organization.suspendedAt === null)
    .map((m) => ({
      membershipId: m.id,
      role: m.role,
      organization: {
        id: m.organization.id,
        kind: m.organization.kind,
        slug: m.organization.slug,
        shortName: m.organization.shortName,
        verifiedAt: m.organization.verifiedAt,
      },
    }));
  // A user whose every organisation is suspended is signed out (operators stay).
  if (!user.isOperator && user.memberships.length > 0 && memberships.length === 0) return null;
  const active = memberships.find((m) => m.organization.id === session.activeOrganizationId) ?? memberships[0] ?? null;
  if (now - session.lastSeenAt.getTime() > TOUCH_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return {
    sessionId: session.id,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      isOperator: user.isOperator,
      emailVerifiedAt: user.emailVerifiedAt,
    },
    memberships,
    active,
  };
}
