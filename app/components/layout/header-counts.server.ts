import crypto from "node:crypto";
import type { Actor } from "~/modules/accounts/accounts.server";
import { countUnread } from "~/modules/notifications/notifications.server";
import { countCart } from "~/modules/rfq/rfq.server";
import { TtlCache } from "~/utils/ttl-cache.server";

/**
 * The header's counts (unread notifications, RFQ cart) of a signed-in page, cached per session for a few seconds: every
 * page of a session otherwise pays two counting queries. The session's own writes (any POST/PUT/PATCH/DELETE it sends,
 * see scripts/serve.ts) forget its entry, so a user sees their own change at once; changes by others (a new
 * notification) show within HEADER_COUNTS_TTL_MS. Per process.
 */
export const HEADER_COUNTS_TTL_MS = 5_000;
const cache = new TtlCache<{ unreadNotifications: number; cartCount: number }>(HEADER_COUNTS_TTL_MS, 10_000);

const SESSION = /(?:^|;\s*)sm_session=([^;]*)/;

function sessionKey(cookieHeader: string | null | undefined): string | null {
  const token = SESSION.exec(cookieHeader ?? "")?.[1];
  return token ? crypto.createHash("sha256").update(token).digest("base64url").slice(0, 22) : null;
}

export async function headerCounts(
  request: Request,
  actor: Actor | null,
): Promise<{ unreadNotifications: number; cartCount: number }> {
  if (!actor) return { unreadNotifications: 0, cartCount: 0 };
  const load = async () => {
    const [unreadNotifications, cartCount] = await Promise.all([countUnread(actor), countCart(actor)]);
    return { unreadNotifications, cartCount };
  };
  const key = sessionKey(request.headers.get("cookie"));
  if (!key) return load();
  return cache.get(`${key}|${actor.userId}|${actor.organizationId ?? ""}`, load);
}

/** Called after a session's write request: its next page counts afresh. */
export function forgetHeaderCounts(cookieHeader: string | null | undefined): void {
  const key = sessionKey(cookieHeader);
  if (key) cache.forgetPrefix(`${key}|`);
}
