import type { PrismaClient } from "~/generated/prisma/client";
import { getPrisma } from "./db.server";
import { DomainError } from "./domain-error";
import { env } from "./env.server";

/**
 * Fixed-window rate limits stored in the database (table rate_limit_bucket), so all app processes share them.
 * One atomic upsert per hit: a bucket whose window has passed starts again at 1.
 */
export interface RateLimitResult {
  ok: boolean;
  count: number;
  limit: number;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

export async function hitRateLimit(
  key: string,
  opts: { limit?: number; windowSeconds?: number } = {},
  prisma: PrismaClient = getPrisma(),
): Promise<RateLimitResult> {
  const limit = opts.limit ?? env().RATE_LIMIT_PER_MINUTE;
  const windowSeconds = opts.windowSeconds ?? 60;
  const [row] = await prisma.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO rate_limit_bucket (key, count, "resetAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_bucket."resetAt" <= now() THEN 1 ELSE rate_limit_bucket.count + 1 END,
      "resetAt" = CASE WHEN rate_limit_bucket."resetAt" <= now()
                  THEN now() + make_interval(secs => ${windowSeconds}) ELSE rate_limit_bucket."resetAt" END
    RETURNING count, "resetAt"`;
  const retryAfterSeconds = Math.max(1, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000));
  return { ok: row.count <= limit, count: row.count, limit, retryAfterSeconds };
}

/** Hits every key; the result is the most restrictive one (all keys are counted, so one flood does not hide another). */
export async function hitRateLimits(
  keys: string[],
  opts: { limit?: number; windowSeconds?: number } = {},
): Promise<RateLimitResult> {
  let worst: RateLimitResult | undefined;
  for (const key of keys) {
    const r = await hitRateLimit(key, opts);
    if (!worst || (!r.ok && (worst.ok || r.retryAfterSeconds > worst.retryAfterSeconds))) worst = r;
  }
  return worst ?? { ok: true, count: 0, limit: opts.limit ?? env().RATE_LIMIT_PER_MINUTE, retryAfterSeconds: 0 };
}

/** Removes expired buckets (run periodically). */
export async function pruneRateLimits(prisma: PrismaClient = getPrisma()): Promise<number> {
  const { count } = await prisma.rateLimitBucket.deleteMany({ where: { resetAt: { lt: new Date() } } });
  return count;
}

/** Thrown by use cases when a limit is exceeded; routes answer 429 with Retry-After. */
export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super("rate_limited", "too many requests", { retryAfterSeconds });
  }
}
