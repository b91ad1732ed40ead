import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/accounts/accounts.server";
import { contentDisposition } from "~/modules/files/files.server";
import { renderQuotePdf } from "~/modules/quotes/quotes.server";
import { orHttpError } from "~/utils/route-errors.server";

/** A submitted version of the supplier's own quote as a КП PDF (`?version=N`; not its quote / not submitted → 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const version = Number(new URL(request.url).searchParams.get("version") ?? "");
  const { pdf, name } = await orHttpError(renderQuotePdf(actor, params.id ?? "", version));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
