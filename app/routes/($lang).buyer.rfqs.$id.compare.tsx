import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { localizePath } from "~/modules/i18n/paths";
import { awardFormSchema } from "~/modules/quotes/quotes.schema";
import {
  closeRebidRound,
  getComparison,
  QuoteValidationError,
  saveDecisionSettings,
  startRebidRound,
} from "~/modules/quotes/quotes.server";
import { CompareView } from "~/modules/quotes/ui/compare-view";
import { parseMoscowDateTime } from "~/modules/rfq/rfq.schema";
import { closeRfqEarly } from "~/modules/rfq/rfq.server";
import { type DomainError, isDomainError } from "~/utils/domain-error";
import { orHttpError } from "~/utils/route-errors.server";
import { type AwardChoice, awardRfq } from "~/workflows/award.server";
import { type IntentContext, type IntentHandler, intentAction, loadRfqPage } from "~/workflows/rfq-page.server";

export async function loader(args: LoaderFunctionArgs) {
  return loadRfqPage(
    args,
    "BUYER",
    async (actor, id) => ({ comparison: await getComparison(actor, id) }),
    "quotes",
    (t, { comparison }) => t("compare.title", { number: comparison.rfq.number }),
  );
}

export type CompareActionData = {
  intent: string;
  review?: { mode: "whole" | "split"; quoteId?: string; lines: Record<string, string>; reason: string };
  errors?: Record<string, string[]>;
  formErrors?: string[];
  /** what was typed, kept on a validation error */
  values?: Record<string, string>;
};

function choiceFrom(
  form: FormData,
): { mode: "whole" | "split"; quoteId?: string; lines: Record<string, string>; reason: string } | null {
  const parsed = awardFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return null;
  const lines: Record<string, string> = {};
  for (const [key, value] of form.entries())
    if (key.startsWith("item.") && typeof value === "string" && value) lines[key.slice(5)] = value;
  return { mode: parsed.data.mode, quoteId: parsed.data.quoteId, lines, reason: parsed.data.reason ?? "" };
}

const fail = (intent: string, e: DomainError, extra: Partial<CompareActionData> = {}) =>
  Response.json({ intent, errors: e.fieldErrors, formErrors: e.formErrors, ...extra } satisfies CompareActionData, {
    status: 422,
  });

const intents: Record<string, IntentHandler> = {
  "close-early": async ({ actor, id, lang }) => {
    await orHttpError(closeRfqEarly(actor, id));
    return redirect(localizePath(lang, `/buyer/rfqs/${id}/compare?done=closed`));
  },
  "decision-settings": async ({ actor, id, lang, form, intent }) => {
    const values: Record<string, string> = {};
    const freightBySupplier: Record<string, string> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value !== "string") continue;
      values[key] = value;
      if (key.startsWith("freight.")) freightBySupplier[key.slice(8)] = value;
    }
    try {
      await orHttpError(
        saveDecisionSettings(actor, id, {
          budget: values.budget,
          plannedAwardDate: values.plannedAwardDate,
          cargoWeightKg: values.cargoWeightKg,
          cargoVolumeM3: values.cargoVolumeM3,
          freightPerTonne: values.freightPerTonne,
          freightPerM3: values.freightPerM3,
          annualRatePercent: values.annualRatePercent,
          freightBySupplier,
        }),
      );
    } catch (error) {
      if (error instanceof QuoteValidationError) return fail(intent, error, { values });
      throw error;
    }
    return redirect(localizePath(lang, `/buyer/rfqs/${id}/compare?done=settings`));
  },
  "close-round": async ({ actor, id, lang }) => {
    await orHttpError(closeRebidRound(actor, id));
    return redirect(localizePath(lang, `/buyer/rfqs/${id}/compare#rounds-h`));
  },
  "start-round": async ({ actor, id, lang, form }) => {
    const deadline = parseMoscowDateTime(form.get("deadline"));
    await orHttpError(
      startRebidRound(actor, id, {
        quoteIds: form.getAll("roundQuoteId").map(String),
        deadline: deadline ?? new Date(Number.NaN),
        note: String(form.get("note") ?? "").trim() || null,
        sealed: form.get("sealed") === "1",
      }),
    );
    return redirect(localizePath(lang, `/buyer/rfqs/${id}/compare?done=round#rounds-h`));
  },
  "award-review": award,
  award,
};

/** «Далее» shows the review; «Подтвердить» (confirm=yes) awards and creates the orders. */
async function award({ actor, id, lang, form, intent }: IntentContext) {
  const choice = choiceFrom(form);
  if (!choice || (choice.mode === "whole" && !choice.quoteId))
    return fail(intent, new QuoteValidationError({ quoteId: ["errors.quoteNotAwardable"] }));
  if (choice.mode === "split" && Object.keys(choice.lines).length === 0)
    return fail(intent, new QuoteValidationError({}, ["errors.nothingAwarded"]));
  if (intent === "award-review" || form.get("confirm") !== "yes")
    return Response.json({ intent: "award-review", review: choice } satisfies CompareActionData);
  const awardChoice: AwardChoice =
    choice.mode === "whole"
      ? { mode: "whole", quoteId: choice.quoteId as string }
      : { mode: "split", lines: choice.lines };
  await orHttpError(awardRfq(actor, id, awardChoice, choice.reason || null));
  return redirect(localizePath(lang, `/buyer/rfqs/${id}/compare?done=awarded#award-result`));
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(args, "BUYER", intents, (error, intent) => {
    if (isDomainError(error) && error.kind === "invalid") return fail(intent, error);
    throw error;
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function ComparePage() {
  const { comparison, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<CompareActionData>();
  const [params] = useSearchParams();
  const { t } = useTranslation("quotes");
  return (
    <div className="space-y-6">
      <p className="print:hidden">
        <LocalizedLink to={`/buyer/rfqs/${comparison.rfq.id}`} className="text-sm text-brand-700 underline">
          ← {t("compare.back")}
        </LocalizedLink>
      </p>
      <CompareView comparison={comparison} now={now} params={params} actionData={actionData} />
    </div>
  );
}
