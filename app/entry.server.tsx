import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "~/components/nonce";
import { i18nFor } from "~/modules/i18n/i18n.server";
import { langFromPath } from "~/modules/i18n/paths";
import { wireApp } from "~/startup.server";
import { checkDatabase } from "~/utils/db.server";
import { redactUrl } from "~/utils/http-security.server";
import { logger } from "~/utils/logger.server";
import { PageCollector } from "~/utils/page-collector.server";

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

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    // the whole page in memory, then one Response (app/utils/page-collector.server.ts); a bot gets the same bytes
    const collector = new PageCollector((page) => {
      clearTimeout(timer);
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(new Response(page, { headers: responseHeaders, status: responseStatusCode }));
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
          pipe(collector as unknown as NodeJS.WritableStream);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error, requestId: loadContext?.requestId }, "render error");
        },
      },
    );
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
