import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass, secondaryButtonClass } from "~/components/ui/button";
import { FieldErrors, PlainTextareaField, plainInputClass } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { formatMoney } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import type { Comparison } from "../buyer.server";
import { AwardMoney } from "./decision-panel";

export type ActionData = {
  intent: string;
  review?: { mode: "whole" | "split"; quoteId?: string; lines: Record<string, string>; reason: string };
  errors?: Record<string, string[]>;
  formErrors?: string[];
  values?: Record<string, string>;
};

/** The award: the whole RFQ to one supplier or line by line (prefilled from the best split), then the review. */
export function AwardSection({
  c,
  actionData,
  prefill,
}: {
  c: Comparison;
  actionData?: ActionData;
  prefill?: Record<string, string>;
}) {
  const { t } = useTranslation("quotes");
  const lang = useLang();
  const money = (v: string) => formatMoney(BigInt(v), lang);
  const [mode, setMode] = useState<"whole" | "split">(actionData?.review?.mode ?? "split");
  if (!c.canAward) return null;
  return (
    <div id="award-form">
      <Panel id="award-h" className="print:hidden" testId="award-form" title={t("compare.award")}>
        {actionData?.review ? (
          <AwardReview review={actionData.review} c={c} />
        ) : (
          <Form method="post" className="mt-2 space-y-3">
            <fieldset className="flex gap-4 text-sm">
              <legend className="sr-only">{t("compare.award")}</legend>
              {(
                [
                  ["split", "compare.awardSplit"],
                  ["whole", "compare.awardWhole"],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex items-center gap-1">
                  <input
                    type="radio"
                    name="mode"
                    value={value}
                    checked={mode === value}
                    onChange={() => setMode(value)}
                  />
                  {t(label)}
                </label>
              ))}
            </fieldset>
            {mode === "whole" ? (
              <div>
                <label htmlFor="award-quote" className="text-sm font-medium">
                  {t("compare.awardWhole")}
                </label>
                <select
                  id="award-quote"
                  name="quoteId"
                  className={plainInputClass}
                  aria-invalid={actionData?.errors?.quoteId ? true : undefined}
                  aria-describedby="award-quote-error"
                >
                  {c.offers.map((o) => (
                    <option key={o.quoteId} value={o.quoteId}>
                      {o.supplierName} — {money(o.landed)}
                    </option>
                  ))}
                </select>
                <FieldErrors id="award-quote-error" errors={actionData?.errors?.quoteId} ns="quotes" />
              </div>
            ) : (
              <div className="space-y-2">
                {c.items.map((item, idx) => {
                  const err = actionData?.errors?.[`item.${item.id}`];
                  return (
                    <fieldset
                      key={item.id}
                      className="text-sm"
                      aria-describedby={err ? `award-item-${idx}-error` : undefined}
                    >
                      <legend className="font-medium">
                        {idx + 1}. {item.name}
                      </legend>
                      <div className="flex flex-wrap gap-3">
                        {c.offers
                          .filter((o) => o.lines[item.id])
                          .map((o) => (
                            <label key={o.quoteId} className="flex items-center gap-1">
                              <input
                                type="radio"
                                name={`item.${item.id}`}
                                value={o.quoteId}
                                defaultChecked={prefill?.[item.id] === o.quoteId}
                                data-testid={`award-${idx + 1}-${o.supplierName}`}
                              />
                              {o.supplierName} ({money(o.lines[item.id].unitPrice)})
                            </label>
                          ))}
                        <label className="flex items-center gap-1">
                          <input type="radio" name={`item.${item.id}`} value="" defaultChecked={!prefill?.[item.id]} />
                          {t("compare.noAward")}
                        </label>
                      </div>
                      <FieldErrors id={`award-item-${idx}-error`} errors={err} ns="quotes" />
                    </fieldset>
                  );
                })}
              </div>
            )}
            <div>
              <PlainTextareaField
                ns="quotes"
                id="award-reason"
                name="reason"
                rows={2}
                label={t("compare.reason")}
                labelClassName="text-sm font-medium"
              />
            </div>
            <button type="submit" name="intent" value="award-review" className={buttonClass}>
              {t("compare.next")}
            </button>
          </Form>
        )}
      </Panel>
    </div>
  );
}

function AwardReview({ review, c }: { review: NonNullable<ActionData["review"]>; c: Comparison }) {
  const { t } = useTranslation("quotes");
  const byQuote = new Map(c.offers.map((o) => [o.quoteId, o]));
  const assigned = c.items.map((item) => {
    const quoteId =
      review.mode === "whole"
        ? byQuote.get(review.quoteId ?? "")?.lines[item.id]
          ? review.quoteId
          : undefined
        : review.lines[item.id];
    return { item, offer: quoteId ? byQuote.get(quoteId) : undefined };
  });
  return (
    <Form method="post" className="mt-2 space-y-3" data-testid="award-review">
      <h3 className="font-medium">{t("compare.confirmTitle")}</h3>
      <ul className="text-sm">
        {assigned.map(({ item, offer }, idx) => (
          <li key={item.id}>
            {idx + 1}. {item.name}: <strong>{offer ? offer.supplierName : t("compare.noAward")}</strong>
          </li>
        ))}
      </ul>
      <AwardMoney
        c={c}
        assignment={Object.fromEntries(
          assigned.flatMap(({ item, offer }) => (offer ? [[item.id, offer.quoteId]] : [])),
        )}
      />
      {review.reason ? (
        <p className="text-sm">
          {t("compare.reason")}: {review.reason}
        </p>
      ) : null}
      <input type="hidden" name="mode" value={review.mode} />
      {review.quoteId ? <input type="hidden" name="quoteId" value={review.quoteId} /> : null}
      {Object.entries(review.lines).map(([k, v]) => (
        <input key={k} type="hidden" name={`item.${k}`} value={v} />
      ))}
      <input type="hidden" name="reason" value={review.reason} />
      <input type="hidden" name="confirm" value="yes" />
      <div className="flex gap-2">
        <button type="submit" name="intent" value="award" className={buttonClass} data-testid="award-confirm">
          {t("compare.confirm")}
        </button>
        <a href="?" className={secondaryButtonClass}>
          {t("compare.edit")}
        </a>
      </div>
    </Form>
  );
}
