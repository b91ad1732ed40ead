import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { requireActor } from "~/modules/accounts/accounts.server";
import { getLang, getT } from "~/modules/i18n/i18n.server";
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

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "BUYER" });
  const comparison = await orHttpError(getComparison(actor, params.id ?? ""));
  const t = await getT(request, "quotes");
  return { comparison, now: Date.now(), title: t("compare.title", { number: comparison.rfq.number }) };
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

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "BUYER" });
  const id = params.id ?? "";
  const lang = getLang(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const fail = (e: DomainError, extra: Partial<CompareActionData> = {}) =>
    Response.json({ intent, errors: e.fieldErrors, formErrors: e.formErrors, ...extra } satisfies CompareActionData, {
      status: 422,
    });
  try {
    if (intent === "close-early") {
      await orHttpError(closeRfqEarly(actor, id));
      return redirect(localizePath(lang, `/buyer/rfqs/${id}/compare?done=closed`));
    }
    if (intent === "decision-settings") {
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
        if (error instanceof QuoteValidationError) return fail(error, { values });
        throw error;
      }
      return redirect(localizePath(lang, `/buyer/rfqs/${id}/compare?done=settings`));
    }
    if (intent === "close-round") {
      await orHttpError(closeRebidRound(actor, id));
      return redirect(localizePath(lang, `/buyer/rfqs/${id}/compare#rounds-h`));
    }
    if (intent === "start-round") {
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
    }
    if (intent === "award-review" || intent === "award") {
      const choice = choiceFrom(form);
      if (!choice || (choice.mode === "whole" && !choice.quoteId))
        return fail(new QuoteValidationError({ quoteId: ["errors.quoteNotAwardable"] }));
      if (choice.mode === "split" && Object.keys(choice.lines).length === 0)
        return fail(new QuoteValidationError({}, ["errors.nothingAwarded"]));
      if (intent === "award-review" || form.get("confirm") !== "yes")
        return Response.json({ intent: "award-review", review: choice } satisfies CompareActionData);
      const awardChoice: AwardChoice =
        choice.mode === "whole"
          ? { mode: "whole", quoteId: choice.quoteId as string }
          : { mode: "split", lines: choice.lines };
      await orHttpError(awardRfq(actor, id, awardChoice, choice.reason || null));
      return redirect(localizePath(lang, `/buyer/rfqs/${id}/compare?done=awarded#award-result`));
    }
  } catch (error) {
    if (isDomainError(error) && error.kind === "invalid") return fail(error);
    throw error;
  }
  return Response.json({ error: { code: "bad_intent", message: "unknown intent" } }, { status: 400 });
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
