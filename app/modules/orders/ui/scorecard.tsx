import { useTranslation } from "react-i18next";
import { formatNumber } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";

/** The supplier scorecard block of the public profile (figures from orders/scorecard.server.ts). */
export function ScorecardBlock({
  card,
}: {
  card: {
    onTimePct: number | null;
    acceptancePct: number | null;
    responsePct: number | null;
    medianHoursToQuote: number | null;
  };
}) {
  const { t } = useTranslation("fulfilment");
  const lang = useLang();
  const pct = (v: number | null) => (v === null ? t("scorecard.none") : `${formatNumber(v, lang)} %`);
  return (
    <>
      <h3 className="mt-4 font-semibold">{t("scorecard.title")}</h3>
      <dl className="grid grid-cols-[1fr_max-content] gap-x-3 text-sm" data-testid="supplier-scorecard">
        <dt>{t("scorecard.onTime")}</dt>
        <dd>{pct(card.onTimePct)}</dd>
        <dt>{t("scorecard.acceptance")}</dt>
        <dd>{pct(card.acceptancePct)}</dd>
        <dt>{t("scorecard.response")}</dt>
        <dd>{pct(card.responsePct)}</dd>
        <dt>{t("scorecard.medianQuote")}</dt>
        <dd>
          {card.medianHoursToQuote === null
            ? t("scorecard.none")
            : t("scorecard.hours", {
                count: card.medianHoursToQuote,
                formatted: formatNumber(card.medianHoursToQuote, lang, 1),
              })}
        </dd>
      </dl>
    </>
  );
}
