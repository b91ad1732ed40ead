import { redirect } from "@remix-run/node";
import type { OrgKind } from "~/generated/prisma/enums";
import { langFromPath, localizePath } from "~/modules/i18n/paths";
import type { Actor } from "./actor";
import { type ResolvedSession, resolveSession } from "./session.server";
import type { Viewer } from "./viewer";

/** Who is asking: the viewer and the actor of a request, the sign-in wall, where a signed-in user starts. */

function toActor(s: ResolvedSession): Actor {
  return {
    userId: s.user.id,
    organizationId: s.active?.organization.id ?? null,
    orgKind: s.active?.organization.kind ?? null,
    role: s.active?.role ?? null,
    isOperator: s.user.isOperator,
  };
}

/** The signed-in viewer of a request, or null for a visitor. */
export async function getViewer(request: Request): Promise<Viewer | null> {
  const s = await resolveSession(request);
  if (!s) return null;
  return {
    userId: s.user.id,
    name: s.user.name,
    email: s.user.email,
    isOperator: s.user.isOperator,
    emailVerified: s.user.emailVerifiedAt !== null,
    organization: s.active
      ? {
          id: s.active.organization.id,
          kind: s.active.organization.kind,
          shortName: s.active.organization.shortName,
          slug: s.active.organization.slug,
          role: s.active.role,
          verified: s.active.organization.verifiedAt !== null,
        }
      : null,
    organizations: s.memberships.map((m) => ({
      id: m.organization.id,
      kind: m.organization.kind,
      shortName: m.organization.shortName,
      role: m.role,
    })),
  };
}

/** The acting user + organisation of a request, or null for a visitor. */
export async function getActor(request: Request): Promise<Actor | null> {
  const s = await resolveSession(request);
  return s ? toActor(s) : null;
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  // a JSON API caller is told, not sent to an HTML page
  if (/^\/api\//.test(url.pathname)) {
    return Response.json(
      { error: { code: "unauthorized", message: "Sign in first" } },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    );
  }
  const lang = langFromPath(url.pathname);
  return redirect(
    `${localizePath(lang, "/login")}?redirectTo=${encodeURIComponent(url.pathname + url.search)}`,
  ) as unknown as Response;
}

/**
 * The acting user + organisation; a visitor is redirected to /login?redirectTo=<path> (a thrown redirect Response);
 * with `kind`, an organisation of another kind gets 403; with `operator`, a non-operator gets 403. A user who has not
 * confirmed the email address is sent to /verify-email unless `allowUnverified`.
 */
export async function requireActor(
  request: Request,
  opts: { kind?: OrgKind; operator?: boolean; allowUnverified?: boolean } = {},
): Promise<Actor> {
  const s = await resolveSession(request);
  if (!s) throw loginRedirect(request);
  if (!opts.allowUnverified && !s.user.emailVerifiedAt && !s.user.isOperator) {
    const lang = langFromPath(new URL(request.url).pathname);
    throw redirect(localizePath(lang, "/verify-email"));
  }
  const actor = toActor(s);
  if (opts.operator && !actor.isOperator) throw new Response("Forbidden", { status: 403 });
  if (opts.kind && actor.orgKind !== opts.kind) throw new Response("Forbidden", { status: 403 });
  return actor;
}

/** Where a signed-in user starts: the operator console, the supplier inbox or the buyer's RFQs. */
export function workspacePath(actor: Pick<Actor, "isOperator" | "orgKind">): string {
  if (actor.orgKind === "SUPPLIER") return "/supplier/inbox";
  if (actor.orgKind === "BUYER") return "/buyer/rfqs";
  if (actor.isOperator) return "/admin";
  return "/account";
}
