import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/accounts/accounts.server";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { handleQuoteSheetAction } from "~/modules/quotes/quotes.server";
import { QuoteSheetPage, type SheetActionData } from "~/modules/quotes/ui/sheet-upload";
import { viewRfqAsSupplier } from "~/modules/rfq/rfq.server";
import { orHttpError } from "~/utils/route-errors.server";

/** The supplier's filled-in quote workbook: upload → preview with per-row errors → confirm (saves a draft). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  const { rfq } = await orHttpError(viewRfqAsSupplier(actor, params.id ?? ""));
  const t = await getT(request, "quotes");
  return { rfqId: rfq.id, title: `№ ${rfq.number}: ${rfq.title}`, pageTitle: t("sheet.title") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "SUPPLIER" });
  return handleQuoteSheetAction(actor, params.id ?? "", request, getLang(request));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle }];

export default function SupplierQuoteUpload() {
  const { rfqId, title } = useLoaderData<typeof loader>();
  const data = useActionData<SheetActionData>();
  return <QuoteSheetPage rfqId={rfqId} title={title} data={data} />;
}
