import { parseWithZod } from "@conform-to/zod";
import { json, redirect } from "@remix-run/node";
import type { Actor } from "~/modules/accounts/actor";
import type { Lang } from "~/modules/i18n/i18n";
import { localizePath } from "~/modules/i18n/paths";
import { getDraftForm } from "./draft-form.server";
import { draftInputFromForm, specRowsFromForm, specTitle } from "./draft-input.server";
import { publishRfq, saveDraft, type UploadProblem } from "./drafts.server";
import { rfqPublishSchema } from "./rfq.schema";
import { RfqValidationError } from "./shared.server";
import { SPEC_MAX_LINES } from "./spec-import.server";
import { readRfqForm } from "./upload.server";

function problemMessage(p: UploadProblem): string {
  if (p.code === "supplier_not_found") return `errors.supplierNotFound::${JSON.stringify({ query: p.name })}`;
  if (p.code === "too_many") return `errors.tooManyFiles::${JSON.stringify(p.params)}`;
  return `errors.file_${p.code}::${JSON.stringify({ ...p.params, name: p.name })}`;
}

/**
 * The action of /rfq/new and /rfq/<id>/edit. Every submit first saves the draft as typed (attachments included), so a
 * validation error never loses input; `publish` then validates strictly and publishes; `autosave` answers JSON for the
 * fetcher; `save` redirects to the draft.
 */
export async function handleRfqFormAction(request: Request, actor: Actor, lang: Lang, routeDraftId: string | null) {
  const { form, uploads } = await readRfqForm(request);
  const intent = String(form.get("intent") ?? "save");
  const submission = parseWithZod(form, { schema: rfqPublishSchema() });
  // conform list intents (add/remove item) without JavaScript: answer with the updated form
  if (submission.status !== "success" && submission.status !== "error") {
    return json({ lastResult: submission.reply() }, { status: 200 });
  }
  const draftId = routeDraftId ?? (String(form.get("draftId") ?? "") || null);
  const input = draftInputFromForm(form);
  if (intent === "addSpec") {
    // lines from the спецификация preview: appended to what is typed (blank rows, such as the new form's first empty
    // line, are dropped), then the draft is saved and shown again
    input.items = input.items.filter((i) => i.productId || i.name.trim() || i.notes.trim());
    const added = specRowsFromForm(form);
    if (input.items.length + added.length > SPEC_MAX_LINES) {
      const reply = submission.reply({
        formErrors: [`spec.errors.tooManyItems::${JSON.stringify({ max: SPEC_MAX_LINES })}`],
      });
      return json({ lastResult: reply }, { status: 422 });
    }
    input.items.push(...added);
    if (!input.title && added.length)
      input.title = await specTitle(
        added.map((a) => a.name),
        lang,
      );
  }
  const saved = await saveDraft(actor, draftId, input, intent === "autosave" ? [] : uploads);
  const problems = saved.uploadProblems.map(problemMessage);

  if (intent === "autosave") {
    return json({ draftId: saved.id, savedAt: new Date().toISOString() });
  }
  const state = await getDraftForm(actor, saved.id);
  if (intent !== "publish") {
    if (problems.length) {
      return json({ lastResult: submission.reply({ fieldErrors: { attachments: problems } }), state }, { status: 422 });
    }
    return redirect(localizePath(lang, `/rfq/${saved.id}/edit?saved=1`));
  }
  if (submission.status !== "success" || problems.length) {
    const reply = submission.reply(problems.length ? { fieldErrors: { attachments: problems } } : undefined);
    return json({ lastResult: reply, state }, { status: 422 });
  }
  try {
    await publishRfq(actor, saved.id);
  } catch (error) {
    if (error instanceof RfqValidationError) {
      const reply = submission.reply({ formErrors: error.formErrors, fieldErrors: error.fieldErrors });
      return json({ lastResult: reply, state: await getDraftForm(actor, saved.id) }, { status: 422 });
    }
    throw error;
  }
  return redirect(localizePath(lang, `/buyer/rfqs/${saved.id}?published=1`));
}
