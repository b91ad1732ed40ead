import type { OrgKind } from "~/generated/prisma/enums";
import type { Actor } from "./actor";
import type { Viewer } from "./viewer";

export type { Actor, Viewer };

/**
 * PUBLIC SURFACE OF THE ACCOUNTS MODULE (contract used by other modules and routes; implementation in progress).
 */

/** The signed-in viewer of a request, or null for a visitor. */
export async function getViewer(_request: Request): Promise<Viewer | null> {
  return null;
}

/** The acting user + organisation of a request, or null for a visitor. */
export async function getActor(_request: Request): Promise<Actor | null> {
  return null;
}

/**
 * The acting user + organisation; a visitor is redirected to /login?redirectTo=<path> (a thrown redirect Response);
 * with `kind`, an organisation of another kind gets 403.
 */
export async function requireActor(
  request: Request,
  _opts: { kind?: OrgKind; operator?: boolean } = {},
): Promise<Actor> {
  const url = new URL(request.url);
  throw new Response(null, {
    status: 302,
    headers: { Location: `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}` },
  });
}
