/** What the HTTP server hands every loader and action (see scripts/serve.ts). */
export interface AppLoadContext {
  /** Per-request id, also sent as X-Request-Id and shown on error pages. */
  requestId: string;
  /** Per-request CSP nonce for inline scripts. */
  cspNonce: string;
  /** Client IP address as seen by the server (for rate limits and session records). */
  clientIp: string;
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    requestId: string;
    cspNonce: string;
    clientIp: string;
  }
}
declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId: string;
    cspNonce: string;
    clientIp: string;
  }
}
