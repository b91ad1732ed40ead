import { Transform } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "~/components/nonce";
import { i18nFor } from "~/modules/i18n/i18n.server";
import { langFromPath } from "~/modules/i18n/paths";
import { wireApp } from "~/startup.server";
import { checkDatabase } from "~/utils/db.server";
import { redactUrl } from "~/utils/http-security.server";
import { logger } from "~/utils/logger.server";

export { forgetHeaderCounts } from "~/components/layout/header-counts.server";
export { onSearchIndexWrite } from "~/modules/search/search.server";
export { startBackground, stopBackground, wireApp } from "~/startup.server";
export { closeDatabase } from "~/utils/db.server";
export { logger };

/**
 * Wires the app (app/startup.server.ts) and opens the database before the first request, so a bad configuration fails
 * at start-up, not on a user.
 */
export async function warmUp() {
  wireApp();
  const health = await checkDatabase();
  if (health.pendingMigrations === undefined) throw new Error(`database unreachable: ${health.error}`);
  if (health.pendingMigrations)
    logger.warn({ pending: health.pendingMigrations }, "migrations pending: run npm run db:migrate");
}

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const lang = langFromPath(new URL(request.url).pathname);
  const i18n = await i18nFor(lang);
  const nonce = loadContext?.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error, requestId: loadContext?.requestId }, "render error");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Unexpected errors are logged once, with the request id; users see only the id. */
export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (error instanceof Response) return;
  logger.error(
    { err: error, requestId: context?.requestId, method: request.method, url: redactUrl(request.url) },
    "unhandled error",
  );
}

/**
 * React 18.3's renderToPipeableStream can leave 0x00 bytes at the end of a chunk when a multi-byte (Cyrillic)
 * character does not fit the rest of its 2 KB view (facebook/react#24985, fixed in React 19 only): a «Правовые
 * доку\0менты» in the page. UTF-8 never encodes a character with a 0x00 byte and no page text holds NUL (forms strip
 * control characters), so every 0x00 byte of the stream is dropped. Checked by tests/e2e/security-probe.spec.ts #9.
 */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Uint8Array, _encoding, callback) {
      // React hands over Uint8Array views: a Buffer over the same bytes finds a 0x00 with memchr (≈ 15× faster)
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      callback(null, bytes.indexOf(0) === -1 ? chunk : bytes.filter((byte) => byte !== 0));
    },
  });
}
