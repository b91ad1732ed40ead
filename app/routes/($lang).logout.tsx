import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { logout } from "~/modules/accounts/accounts.server";
import { getLang } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";

/** Sign-out is a POST (a link or prefetch must not end a session); GET just goes home. */
export async function loader({ request }: LoaderFunctionArgs) {
  return redirect(localizePath(getLang(request), "/"));
}

export async function action({ request }: ActionFunctionArgs) {
  const setCookie = await logout(request);
  return redirect(localizePath(getLang(request), "/"), { headers: { "Set-Cookie": setCookie } });
}
