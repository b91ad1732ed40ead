import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireActor, switchOrganization, workspacePath } from "~/modules/accounts/accounts.server";
import { getLang } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { orHttpError } from "~/utils/route-errors.server";

/** POST organizationId: the session acts for that organisation from now on; goes to its workspace. */
export async function loader({ request }: LoaderFunctionArgs) {
  return redirect(localizePath(getLang(request), "/account"));
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { allowUnverified: true });
  const formData = await request.formData();
  const next = await orHttpError(switchOrganization(request, actor, String(formData.get("organizationId") ?? "")));
  return redirect(localizePath(getLang(request), workspacePath(next)));
}
