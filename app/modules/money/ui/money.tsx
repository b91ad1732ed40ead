import { useLang } from "~/modules/i18n/use-lang";
import { formatMoney } from "../format";
import type { VatRateCode } from "../money";
import { vatRateLabel } from "../vat";

/** An amount formatted for the page's language: «1 234 567,89 ₽». Kopecks as bigint, number or decimal string. */
export function Money({
  kopecks,
  className,
  testId,
  fractionDigits,
}: {
  kopecks: bigint | number | string;
  className?: string;
  testId?: string;
  fractionDigits?: 0 | 2;
}) {
  const lang = useLang();
  return (
    <span className={className ? `${className} whitespace-nowrap` : "whitespace-nowrap"} data-testid={testId}>
      {formatMoney(kopecks, lang, { fractionDigits })}
    </span>
  );
}

/** A VAT rate for the page's language: «НДС 22 %», «НДС 0 %», «Без НДС». */
export function VatRate({ rate, className, testId }: { rate: VatRateCode; className?: string; testId?: string }) {
  const lang = useLang();
  return (
    <span className={className} data-testid={testId}>
      {vatRateLabel(rate, lang)}
    </span>
  );
}
