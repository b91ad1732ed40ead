import { z } from "zod";

/**
 * Configuration, parsed once at start-up. A bad value stops the process with one clear line naming the variable.
 * Every variable is documented in `.env.example`.
 */
const databaseUrl = z
  .string()
  .refine((v) => v === "" || v === "memory://" || /^postgres(ql)?:\/\/.+/.test(v) || /^file:.+/.test(v), {
    message: "must be empty (embedded PGlite in DATA_DIR), memory://, file:<dir> or postgres://user@host:port/db",
  });

const boolish = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public origin used in emails and the Origin check, e.g. https://snabmost.ru */
  APP_ORIGIN: z.string().url().optional(),
  DATABASE_URL: databaseUrl.default(""),
  DATA_DIR: z.string().default("./data"),
  /**
   * Streaming replicas of the PostgreSQL DATABASE_URL, comma-separated postgres:// URLs: reads of GET requests go there,
   * except for a client that wrote within DATABASE_REPLICA_STICKY_MS (read-your-writes). See app/utils/db-replicas.server.ts.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .refine((v) => v.split(",").every((u) => u.trim() === "" || /^postgres(ql)?:\/\/.+/.test(u.trim())), {
      message: "must be comma-separated postgres://user@host:port/db URLs",
    })
    .optional(),
  DATABASE_REPLICA_STICKY_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_SECRET: z.string().min(16).optional(),
  MEILI_HOST: z.string().url().optional(),
  /**
   * Several Meilisearch nodes, comma-separated URLs (same MEILI_API_KEY): every node gets every index change from the
   * outbox (its own delivery state), searches go to the first healthy node. Takes precedence over MEILI_HOST.
   */
  MEILI_HOSTS: z
    .string()
    .refine(
      (v) =>
        v
          .split(",")
          .map((u) => u.trim())
          .filter(Boolean)
          .every((u) => /^https?:\/\/[^\s,]+$/.test(u)),
      {
        message: "must be comma-separated http(s):// URLs",
      },
    )
    .optional(),
  MEILI_API_KEY: z.string().optional(),
  MEILI_SEARCH_KEY: z.string().optional(),
  MEILI_INDEX: z.string().default("products"),
  /**
   * Search engine: "postgres" (embedded; the default without MEILI_HOST) or "meilisearch" (MEILI_HOST, or else the
   * bundled binary started as a child process with data in DATA_DIR/meilisearch; linux-x64 only).
   */
  SEARCH_ENGINE: z.enum(["postgres", "meilisearch"]).optional(),
  /**
   * How long this process answers repeats of an anonymous catalog, category, product or supplier page from the page it
   * rendered (ms; 0 = off). Any write it serves, or a search index write, forgets them at once.
   */
  PAGE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Embedded search engine: how long identical searches share a result (ms; 0 = off). */
  SEARCH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * Embedded search engine: matches ranked and counted per query (more = exact counts further, slower). 500 keeps
   * p95 ≤ 50 ms at 8 concurrent searches on 2 cores (1000: 54–64 ms for broad terms; docs/performance-search.md).
   */
  SEARCH_PG_CANDIDATES: z.coerce.number().int().min(100).max(100_000).default(500),
  /**
   * Embedded search engine: when a query has more matches than SEARCH_PG_CANDIDATES, the total and the facet counts are
   * still counted exactly over up to this many matches (beyond it they are a sample and the total a lower bound, «≈»).
   */
  SEARCH_PG_EXACT: z.coerce.number().int().min(100).max(1_000_000).default(5_000),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("СнабМост <noreply@snabmost.local>"),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  STRIPE_API_HOST: z.string().optional(),
  STRIPE_API_PORT: z.coerce.number().int().optional(),
  STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
  PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(5000).default(300),
  /** The platform operator's requisites on the legal pages (offer, terms, personal-data policy); demo defaults. */
  OPERATOR_LEGAL_NAME: z.string().default("ООО «СнабМост»"),
  OPERATOR_INN: z.string().default("7801000000"),
  OPERATOR_OGRN: z.string().default("1237800000000"),
  OPERATOR_ADDRESS: z.string().default("199106, г. Санкт-Петербург, Кожевенная линия, д. 1, офис 1"),
  OPERATOR_EMAIL: z.string().default("legal@snabmost.demo"),
  OPERATOR_PHONE: z.string().default("+7 812 000-00-00"),
  /** The version of the legal documents a sign-up agrees to (recorded with the consent). */
  LEGAL_DOCS_VERSION: z.string().default("2026-12-01"),
  WORKER_IN_PROCESS: boolish.default("true"),
  /** Embedded PGlite on its own worker thread (SQL overlaps with HTTP work); "false" runs it on the main thread. */
  PGLITE_THREAD: boolish.default("true"),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Outgoing webhooks may target http:// and private/loopback addresses (tests, closed networks only). */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: boolish.default("false"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  // an explicitly empty DATABASE_URL means "embedded"
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue.path.join(".");
    throw new EnvError(`Invalid environment variable ${name}: ${issue.message} (got ${JSON.stringify(source[name])})`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The parsed configuration of this process. */
export function env(): Env {
  if (!cached) cached = parseEnv();
  return cached;
}

/** For tests only: forget the cached configuration so a changed process.env is read again. */
export function resetEnvForTests() {
  cached = undefined;
}
