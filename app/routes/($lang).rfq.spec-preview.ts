import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { handleSpecPreview } from "~/modules/rfq/rfq.server";
import { orHttpError } from "~/utils/route-errors.server";

/** POST a спецификация (file or pasted rows) → the preview of RFQ lines with matched products (JSON). */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "BUYER" });
  return orHttpError(handleSpecPreview(request, actor));
}
