import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { ErrorWays } from "~/components/layout/error-ways";
import { headerCounts } from "~/components/layout/header-counts.server";
import type { RootLoaderData } from "~/components/layout/root-data";
import { SiteFooter } from "~/components/layout/site-footer";
import { SiteHeader } from "~/components/layout/site-header";
import { useNonce } from "~/components/nonce";
import { LinkNavigation } from "~/components/ui/localized-link";
import { getActor, getViewer } from "~/modules/accounts/accounts.server";
import type { Lang } from "~/modules/i18n/i18n";
import { getLang } from "~/modules/i18n/i18n.server";
import { langFromPath } from "~/modules/i18n/paths";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs): Promise<RootLoaderData> {
  const lang = getLang(request);
  const [viewer, actor] = await Promise.all([getViewer(request), getActor(request)]);
  const { unreadNotifications, cartCount } = await headerCounts(request, actor);
  return { lang, viewer, unreadNotifications, cartCount, requestId: context?.requestId ?? null };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const lang: Lang = data?.lang ?? langFromPath(location.pathname);
  const nonce = useNonce();
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {error ? <title>{`${errorTitle(error, t)} — ${t("brand")}`}</title> : null}
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { lang } = useLoaderData<typeof loader>();
  useChangeLanguage(lang);
  return (
    <Page>
      <Outlet />
    </Page>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <LinkNavigation>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
      <SiteFooter />
    </LinkNavigation>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const lang = data?.lang ?? langFromPath(location.pathname);
  useChangeLanguage(lang);
  return (
    <Page>
      <ErrorMessage error={error} requestId={data?.requestId ?? null} />
    </Page>
  );
}

function errorTitle(error: unknown, t: TFunction): string {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return status === 404
    ? t("errors.notFoundTitle")
    : status === 400 || status === 422
      ? t("errors.badRequestTitle")
      : status === 403
        ? t("errors.forbiddenTitle")
        : status === 429
          ? t("errors.tooManyTitle")
          : t("errors.errorTitle");
}

export function ErrorMessage({ error, requestId }: { error: unknown; requestId: string | null }) {
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = errorTitle(error, t);
  return (
    <section className="mx-auto max-w-xl py-16 text-center" aria-labelledby="error-title">
      <p className="text-5xl font-bold text-slate-600">{status}</p>
      <h1 id="error-title" className="mt-4 text-2xl font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-slate-600">{status === 404 ? t("errors.notFoundText") : t("errors.errorText")}</p>
      {status >= 500 && requestId ? (
        <p className="mt-4 font-mono text-sm text-slate-500" data-testid="request-id">
          {t("errors.requestId", { id: requestId })}
        </p>
      ) : null}
      <ErrorWays />
    </section>
  );
}
