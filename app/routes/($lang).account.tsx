import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/accounts/accounts.server";
import { AccountNav } from "~/modules/accounts/ui/account-nav";

/** Layout of the signed-in user's pages: /account, /account/sessions, /account/members, /account/organization. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { allowUnverified: true });
  return { hasOrganization: actor.organizationId !== null };
}

export default function AccountLayout() {
  const { hasOrganization } = useLoaderData<typeof loader>();
  return (
    <div className="flex flex-col gap-6 md:flex-row">
      <AccountNav hasOrganization={hasOrganization} />
      <div className="min-w-0 flex-1">
        <Outlet />
      </div>
    </div>
  );
}
