import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

/** Every unknown path is a 404 rendered by the root error boundary, in the page's language. */
export async function loader(_args: LoaderFunctionArgs) {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
