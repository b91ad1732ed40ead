import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { env } from "~/utils/env.server";
import { classifyAddress } from "./address";

/**
 * SSRF protection for outgoing webhooks. A target must be https (http only with WEBHOOK_ALLOW_PRIVATE_TARGETS), carry
 * no credentials, and its host must resolve to public addresses only (every address DNS returns is checked). The
 * request then connects to the checked address (the socket's lookup is pinned to it, so a second DNS answer cannot
 * point it elsewhere) and redirects are not followed.
 */
export type WebhookTargetProblem = "url" | "https" | "unresolvable" | "private";

export class WebhookTargetError extends Error {
  readonly problem: WebhookTargetProblem;
  constructor(problem: WebhookTargetProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

export interface WebhookTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

function allowPrivate(): boolean {
  return env().WEBHOOK_ALLOW_PRIVATE_TARGETS;
}

/** Parses and checks a webhook URL; resolves its host and returns the address to connect to. */
export async function resolveWebhookTarget(raw: string): Promise<WebhookTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError("url", "not a valid URL");
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password || !url.hostname) {
    throw new WebhookTargetError("url", "the URL must be http(s):// without credentials");
  }
  const privateOk = allowPrivate();
  if (url.protocol === "http:" && !privateOk) throw new WebhookTargetError("https", "the URL must use https://");
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new WebhookTargetError("unresolvable", `the host ${host} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new WebhookTargetError("unresolvable", `the host ${host} does not resolve`);
  if (!privateOk) {
    const bad = addresses.find((a) => classifyAddress(a.address) !== "public");
    if (bad) {
      throw new WebhookTargetError(
        "private",
        `the host ${host} resolves to a non-public address (${classifyAddress(bad.address)})`,
      );
    }
  }
  const first = addresses[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * POSTs `body` to a checked target, connecting to `target.address` whatever DNS says now (TLS still verifies the
 * certificate for the URL's host name). Redirects are answered as they are (3xx counts as a failed delivery).
 */
export function postToWebhookTarget(
  target: WebhookTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise<number>((resolve, reject) => {
    const req = client.request(
      target.url,
      {
        method: "POST",
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
        lookup: pinned,
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        res.resume(); // the answer's body is not kept
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    req.on("timeout", () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on("close", () => clearTimeout(timer));
    req.on("error", reject);
    req.end(body);
  });
}
