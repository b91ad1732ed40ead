import { createHmac, timingSafeEqual } from "node:crypto";
import { getPrisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { hitRateLimit, hitRateLimits, RateLimitedError } from "~/utils/rate-limit.server";
import { isSecureContext, readCookie } from "./session.server";
import { sha256 } from "./tokens.server";

/**
 * Login throttling that an attacker cannot turn against the owner (probe finding: 11 wrong passwords from 11 IPs
 * locked the real owner out for a minute, renewable at will):
 * - hard limits (429 + Retry-After) only per client IP and per (account, IP) pair — a flood from elsewhere does not
 *   count against the owner's address;
 * - failures per account across all IPs only slow further attempts down (a growing delay, capped), never refuse them;
 * - a browser that has signed in to the account before (a "known device" cookie) skips that delay.
 */

/** Failures per account within this window drive the delay. */
export const ACCOUNT_WINDOW_SECONDS = 15 * 60;
export const MAX_DELAY_MS = 5_000;
export const KNOWN_DEVICE_COOKIE = "sm_device";
const KNOWN_DEVICE_MAX_AGE = 180 * 24 * 60 * 60;
const MAX_DEVICES = 5;

const accountKey = (email: string) => `login:acct:${sha256(email.trim().toLowerCase())}`;

/** Hard limits: per IP and per (account, IP) pair. Throws RateLimitedError. */
export async function limitLoginAttempt(ip: string, email: string): Promise<void> {
  const account = sha256(email.trim().toLowerCase());
  const result = await hitRateLimits([`login:ip:${ip}`, `login:pair:${account}:${ip}`]);
  if (!result.ok) {
    logger.warn({ event: "auth.login.rate_limited", ip }, "rate limit exceeded");
    throw new RateLimitedError(result.retryAfterSeconds);
  }
}

/** Failed logins for this account (all IPs) in the current window. */
async function accountFailures(email: string): Promise<number> {
  const rows = await getPrisma().$queryRaw<{ count: number }[]>`
    SELECT count FROM rate_limit_bucket WHERE key = ${accountKey(email)} AND "resetAt" > now()`;
  return rows[0]?.count ?? 0;
}

/** The delay before checking a password: 0 up to the per-minute limit of failures, then doubling, capped. */
export function delayForFailures(failures: number, free = env().RATE_LIMIT_PER_MINUTE): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_MS, 250 * 2 ** Math.min(failures - free, 10));
}

/** Waits out the account-wide slowdown unless this browser is a known device of the account. */
export async function slowDownLogin(email: string, knownDevice: boolean): Promise<number> {
  if (knownDevice) return 0;
  const ms = delayForFailures(await accountFailures(email));
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  return ms;
}

export async function recordLoginFailure(email: string): Promise<void> {
  await hitRateLimit(accountKey(email), { limit: Number.MAX_SAFE_INTEGER, windowSeconds: ACCOUNT_WINDOW_SECONDS });
}

// ─── Known devices ──────────────────────────────────────────────────────────

/**
 * The mark a browser gets for an account after a successful login: an HMAC keyed with the account's password hash (and
 * SESSION_SECRET when set) — it cannot be made without the database, and a password change forgets every device.
 */
function deviceMark(user: { id: string; passwordHash: string }): string {
  return createHmac("sha256", `${env().SESSION_SECRET ?? ""}${user.passwordHash}`)
    .update(`known-device:${user.id}`)
    .digest("base64url")
    .slice(0, 32);
}

function deviceMarks(request: Request): string[] {
  return (readCookie(request, KNOWN_DEVICE_COOKIE) ?? "").split(".").filter((m) => /^[\w-]{32}$/.test(m));
}

export function isKnownDevice(request: Request, user: { id: string; passwordHash: string }): boolean {
  const mark = Buffer.from(deviceMark(user));
  return deviceMarks(request).some((m) => {
    const b = Buffer.from(m);
    return b.length === mark.length && timingSafeEqual(b, mark);
  });
}

/** Set-Cookie that remembers this browser for the account (keeps up to five accounts per browser). */
export function knownDeviceCookie(request: Request, user: { id: string; passwordHash: string }): string {
  const mark = deviceMark(user);
  const marks = [mark, ...deviceMarks(request).filter((m) => m !== mark)].slice(0, MAX_DEVICES);
  return [
    `${KNOWN_DEVICE_COOKIE}=${marks.join(".")}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${KNOWN_DEVICE_MAX_AGE}`,
    ...(isSecureContext(request) ? ["Secure"] : []),
  ].join("; ");
}
