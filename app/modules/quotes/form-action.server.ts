import { parseWithZod } from "@conform-to/zod";
import { redirect } from "@remix-run/node";
import type { Actor } from "~/modules/accounts/actor";
import type { Lang } from "~/modules/i18n/i18n";
import { localizePath } from "~/modules/i18n/paths";
import { readRfqForm } from "~/modules/rfq/rfq.server";
import { orHttpError } from "~/utils/route-errors.server";
import { confirmQuoteSheet, previewQuoteSheet } from "./quote-xlsx.server";
import { quoteFormSchema } from "./quotes.schema";
import { reconfirmQuote } from "./rounds.server";
import { QuoteValidationError } from "./shared.server";
import { saveQuote, withdrawQuote } from "./supplier.server";

/** The quote panel posts multipart forms (attachments); the supplier RFQ route hands those to this. */
export function isQuoteFormRequest(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
}

/**
 * Handles the quote panel's intents (quote-save, quote-submit, quote-withdraw): 422 with conform's lastResult (field
 * errors next to the fields, input kept) or a redirect back to the page with a done flag.
 */
export async function handleQuoteFormAction(actor: Actor, rfqId: string, request: Request, lang: Lang) {
  const { form, uploads } = await readRfqForm(request, "attachments");
  const intent = String(form.get("intent") ?? "");
  const submission = parseWithZod(form, { schema: quoteFormSchema });
  const back = (done: string) => redirect(localizePath(lang, `/supplier/rfqs/${rfqId}?quote=${done}#quote-panel`));
  /** Runs a step, then back to the page with its done flag; a QuoteValidationError → 422 with the errors on the form. */
  const answer = async (step: () => Promise<string>) => {
    try {
      return back(await step());
    } catch (error) {
      if (error instanceof QuoteValidationError)
        return Response.json(
          { quote: submission.reply({ fieldErrors: error.fieldErrors, formErrors: error.formErrors }) },
          { status: 422 },
        );
      throw error;
    }
  };
  if (intent === "quote-withdraw")
    return answer(async () => {
      await orHttpError(withdrawQuote(actor, rfqId));
      return "withdrawn";
    });
  if (intent === "quote-reconfirm")
    return answer(async () => {
      await orHttpError(reconfirmQuote(actor, rfqId, String(form.get("validUntil") ?? "")));
      return "reconfirmed";
    });
  if (intent !== "quote-save" && intent !== "quote-submit")
    return Response.json({ error: { code: "bad_intent", message: "unknown intent" } }, { status: 400 });
  const tooLarge = uploads.filter((u) => u.tooLarge);
  if (submission.status !== "success" || tooLarge.length) {
    const reply = submission.reply({
      fieldErrors: tooLarge.length
        ? { attachments: tooLarge.map((u) => `errors.file.too_large::${JSON.stringify({ name: u.file.name })}`) }
        : undefined,
    });
    return Response.json({ quote: reply }, { status: 422 });
  }
  const { value } = submission;
  return answer(async () => {
    const res = await orHttpError(
      saveQuote(actor, rfqId, value, {
        mode: intent === "quote-submit" ? "submit" : "draft",
        uploads: uploads.map((u) => u.file),
      }),
    );
    return intent === "quote-submit" ? (res.version > 1 ? "revised" : "submitted") : "saved";
  });
}

/**
 * The XLSX upload page's action: `intent=preview` (multipart, field `sheet`) answers the preview; `intent=confirm`
 * (the previewed lines as JSON in `payload`) saves the draft and returns to the quote form. Bad input: 422 with
 * translated-on-the-page keys, never a 500.
 */
export async function handleQuoteSheetAction(actor: Actor, rfqId: string, request: Request, lang: Lang) {
  const { form, uploads } = await readRfqForm(request, "sheet");
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "preview") {
      const upload = uploads[0];
      if (!upload) return Response.json({ errors: { sheet: ["sheet.errors.noFile"] } }, { status: 422 });
      if (upload.tooLarge) return Response.json({ errors: { sheet: ["sheet.errors.tooLarge"] } }, { status: 422 });
      const preview = await orHttpError(previewQuoteSheet(actor, rfqId, upload.file));
      return Response.json({ preview });
    }
    if (intent === "confirm") {
      await orHttpError(confirmQuoteSheet(actor, rfqId, String(form.get("payload") ?? "")));
      return redirect(localizePath(lang, `/supplier/rfqs/${rfqId}?quote=imported#quote-panel`));
    }
  } catch (error) {
    if (error instanceof QuoteValidationError) {
      const { file, ...rest } = error.fieldErrors;
      return Response.json({ errors: { sheet: file, ...rest }, formErrors: error.formErrors, intent }, { status: 422 });
    }
    throw error;
  }
  return Response.json({ error: { code: "bad_intent", message: "unknown intent" } }, { status: 400 });
}
