import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { NotFoundError, requireActor, switchOrganization, workspacePath } from "~/modules/accounts/accounts.server";
import { getLang } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";

/** POST organizationId: the session acts for that organisation from now on; goes to its workspace. */
export async function loader({ request }: LoaderFunctionArgs) {
  return redirect(localizePath(getLang(request), "/account"));
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { allowUnverified: true });
  const formData = await request.formData();
  try {
    const next = await switchOrganization(request, actor, String(formData.get("organizationId") ?? ""));
    return redirect(localizePath(getLang(request), workspacePath(next)));
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}
