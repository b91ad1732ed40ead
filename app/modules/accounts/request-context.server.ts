import type { Lang } from "~/modules/i18n/i18n";
import { langFromPath } from "~/modules/i18n/paths";
import { logger } from "~/utils/logger.server";
import { publicOrigin } from "~/utils/origin.server";
import { hitRateLimits, RateLimitedError } from "~/utils/rate-limit.server";
import type { MailContext } from "./emails.server";
import { sha256 } from "./tokens.server";

/** The request facts the accounts use cases need (rate limits, session records, links in mails), and their limits. */

/** What the HTTP layer knows about a request, for rate limits, session records and links in mails. */
export interface RequestContext {
  ip: string;
  userAgent: string | null;
  origin: string;
  lang: Lang;
}

export function requestContext(request: Request, context?: { clientIp?: string } | null): RequestContext {
  const url = new URL(request.url);
  return {
    ip: context?.clientIp ?? "unknown",
    userAgent: request.headers.get("user-agent"),
    origin: publicOrigin(),
    lang: langFromPath(url.pathname),
  };
}

export function mailCtx(ctx: RequestContext): MailContext {
  return { origin: ctx.origin, lang: ctx.lang };
}

/** Logged instead of an email address: enough to correlate attempts, not the address itself. */
export function emailRef(email: string): string {
  return sha256(`email:${email.toLowerCase()}`).slice(0, 12);
}

export async function limit(scope: string, ctx: RequestContext, account?: string) {
  const keys = [`${scope}:ip:${ctx.ip}`];
  if (account) keys.push(`${scope}:acct:${sha256(account.toLowerCase())}`);
  const result = await hitRateLimits(keys);
  if (!result.ok) {
    logger.warn({ event: `auth.${scope}.rate_limited`, ip: ctx.ip }, "rate limit exceeded");
    throw new RateLimitedError(result.retryAfterSeconds);
  }
}
