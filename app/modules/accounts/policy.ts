import type { MemberRole } from "~/generated/prisma/enums";

/**
 * Who may do what inside an organisation. Pure functions, used by the accounts use cases (never by routes directly).
 */

const RANK: Record<MemberRole, number> = { OWNER: 3, ADMIN: 2, MEMBER: 1 };

/** Owners and admins manage people: invite colleagues, revoke invitations, remove members. */
export function canManageMembers(role: MemberRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN";
}

/** Owners and admins edit the organisation's contact details. */
export function canEditOrganization(role: MemberRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN";
}

/** A role may grant (by invitation) only roles below OWNER and not above its own. */
export function canGrantRole(actorRole: MemberRole | null | undefined, role: MemberRole): boolean {
  if (!canManageMembers(actorRole) || !actorRole) return false;
  if (role === "OWNER") return false;
  return RANK[role] <= RANK[actorRole];
}

/**
 * Whether `actorRole` may remove a member with `targetRole`. Nobody removes an owner here (ownership transfer is a
 * separate step); admins remove admins and members; the last owner can therefore never be removed.
 */
export function canRemoveMember(actorRole: MemberRole | null | undefined, targetRole: MemberRole): boolean {
  if (!canManageMembers(actorRole) || !actorRole) return false;
  if (targetRole === "OWNER") return false;
  return RANK[targetRole] <= RANK[actorRole];
}

/** Only local paths are accepted as a post-login destination (no open redirects). */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to === "") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\r\n\t]/.test(to) || to.includes("\\")) return fallback;
  try {
    const url = new URL(to, "http://local.invalid");
    if (url.origin !== "http://local.invalid") return fallback;
    // percent-encoded, so a Cyrillic query (/catalog?q=трансформатор) is a valid Location header
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
