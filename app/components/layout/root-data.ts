import { useRouteLoaderData } from "@remix-run/react";
import type { Viewer } from "~/modules/accounts/viewer";
import type { Lang } from "~/modules/i18n/i18n";

/** What the root route's loader (app/root.tsx) gives every page: language, viewer, header counters, request id. */
export interface RootLoaderData {
  lang: Lang;
  viewer: Viewer | null;
  unreadNotifications: number;
  cartCount: number;
  requestId: string | null;
}

/** The root loader's data from any component (undefined in an error boundary before the loader ran). */
export function useRootData(): RootLoaderData | undefined {
  return useRouteLoaderData<RootLoaderData>("root");
}
