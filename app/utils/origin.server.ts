import { type Env, env } from "./env.server";

/**
 * The one public origin of this instance, for links in mails (reset, verify, invite), canonical and og:url links,
 * robots.txt, the sitemap and payment return URLs: `APP_ORIGIN` when set, else the configured HOST and PORT. Never the
 * request's Host or X-Forwarded-Host header — a forged header would otherwise steer a password-reset link to another
 * site.
 */
export function publicOrigin(config: Pick<Env, "APP_ORIGIN" | "HOST" | "PORT"> = env()): string {
  if (config.APP_ORIGIN) return new URL(config.APP_ORIGIN).origin;
  const host = config.HOST === "0.0.0.0" || config.HOST === "::" || config.HOST === "" ? "localhost" : config.HOST;
  const hostPart = host.includes(":") ? `[${host}]` : host;
  return config.PORT === 80 ? `http://${hostPart}` : `http://${hostPart}:${config.PORT}`;
}
