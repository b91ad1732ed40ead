/**
 * The loader and action frame of the RFQ pages (the buyer's RFQ page and its comparison, the supplier's RFQ page),
 * between the routes and the rfq and quotes modules: who is asking (the page's organisation kind), the RFQ id of the
 * URL, the page language and texts; for an action the posted form and its `intent`, the handler of that intent, a
 * user mistake given back to the form and a 400 for an unknown intent. It builds no view: each route says what it
 * reads and what each intent does.
 */
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { TFunction } from "i18next";
import type { z } from "zod";
import { requireActor } from "~/modules/accounts/accounts.server";
import type { Actor } from "~/modules/accounts/actor";
import type { Lang } from "~/modules/i18n/i18n";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { intentFailure, RfqValidationError } from "~/modules/rfq/rfq.server";
import { orHttpError } from "~/utils/route-errors.server";

type Kind = "BUYER" | "SUPPLIER";

/**
 * A page loader: the actor of `kind`, then `read(actor, id)` with the RFQ id of the URL; a missing or foreign RFQ (or
 * a forbidden step) answers as its HTTP status. The page gets the server's clock (`now`, for deadlines) and its
 * `title` (from the texts of `ns`).
 */
export async function loadRfqPage<T>(
  { request, params }: LoaderFunctionArgs,
  kind: Kind,
  read: (actor: Actor, id: string) => Promise<T>,
  ns: string,
  title: (t: TFunction, view: T) => string,
): Promise<T & { now: number; title: string }> {
  const actor = await requireActor(request, { kind });
  const view = await orHttpError(read(actor, params.id ?? ""));
  return { ...view, now: Date.now(), title: title(await getT(request, ns), view) };
}

/** The title of a page about one RFQ: the text `key` of the page's namespace with the RFQ's number and title. */
export const rfqTitle =
  (key: string) =>
  (t: TFunction, { rfq }: { rfq: { number: number | string; title: string } }) =>
    t(key, { number: rfq.number, title: rfq.title });

export interface IntentContext {
  request: Request;
  actor: Actor;
  /** the RFQ id of the URL */
  id: string;
  lang: Lang;
  form: FormData;
  intent: string;
}

/** What an action answers: a response, a redirect or `data()`. */
export type IntentHandler = (ctx: IntentContext) => Promise<unknown>;

/**
 * A page action whose forms post an `intent`: the handler named by it runs; `onError` turns a user mistake into the
 * form's reply (anything else it rethrows); an unknown intent is a 400. `beforeForm` answers a request the page takes
 * whole (a multipart quote form) before the body is read as a form; `undefined` goes on.
 */
export async function intentAction(
  { request, params }: ActionFunctionArgs,
  kind: Kind,
  intents: Record<string, IntentHandler>,
  onError: (error: unknown, intent: string) => unknown,
  beforeForm?: (ctx: Omit<IntentContext, "form" | "intent">) => Promise<unknown> | undefined,
): Promise<unknown> {
  const actor = await requireActor(request, { kind });
  const id = params.id ?? "";
  const lang = getLang(request);
  const early = await beforeForm?.({ request, actor, id, lang });
  if (early !== undefined) return early;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const handler = Object.hasOwn(intents, intent) ? intents[intent] : undefined;
  if (!handler) return Response.json({ error: { code: "bad_intent", message: "unknown intent" } }, { status: 400 });
  try {
    return await handler({ request, actor, id, lang, form, intent });
  } catch (error) {
    return onError(error, intent);
  }
}

/**
 * A step of a form with one schema: the input checked (its errors back to the form), the use case run, then to the
 * page `to` names (in the page language).
 */
export function formStep<S extends z.ZodTypeAny>(
  schema: S,
  run: (ctx: IntentContext, value: z.output<S>) => Promise<unknown>,
  to: (ctx: IntentContext) => string,
): IntentHandler {
  return async (ctx) => {
    const s = parseWithZod(ctx.form, { schema });
    if (s.status !== "success") return intentFailure(ctx.intent, s.error);
    await orHttpError(run(ctx, s.value));
    return redirect(localizePath(ctx.lang, to(ctx)));
  };
}

/**
 * The action of an RFQ page (the buyer's, the supplier's): `intentAction` whose user mistakes are RFQ validation
 * errors, given back to the form they came from.
 */
export function rfqPageAction(
  args: ActionFunctionArgs,
  kind: Kind,
  intents: Record<string, IntentHandler>,
  beforeForm?: (ctx: Omit<IntentContext, "form" | "intent">) => Promise<unknown> | undefined,
): Promise<unknown> {
  return intentAction(args, kind, intents, rfqMistake, beforeForm);
}

/** `onError` of the RFQ pages (buyer and supplier): an RFQ validation error goes back to the form it came from. */
export function rfqMistake(error: unknown, intent: string): Response {
  if (error instanceof RfqValidationError) return intentFailure(intent, error.fieldErrors, error.formErrors);
  throw error;
}
