import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";

/** The optional language segment: only /en/... is a language; anything else in its place is a missing page. */
export async function loader({ params }: LoaderFunctionArgs) {
  if (params.lang !== undefined && params.lang !== "en") {
    throw new Response("Not Found", { status: 404 });
  }
  return null;
}

export default function LangLayout() {
  return <Outlet />;
}
