import type { LoaderFunctionArgs } from "@remix-run/node";
import { getActor } from "~/modules/accounts/accounts.server";
import { countUnread } from "~/modules/notifications/notifications.server";

/** Unread in-app notifications of the signed-in user (header bell). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const unread = actor ? await countUnread(actor) : 0;
  return Response.json({ unread }, { headers: { "Cache-Control": "private, no-store" } });
}
