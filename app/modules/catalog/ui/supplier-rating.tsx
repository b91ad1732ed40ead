import { useTranslation } from "react-i18next";
import { formatNumber } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";

/** «4,6 из 5 (12 оценок)» or «Пока нет оценок»: a supplier's average rating as the product and supplier pages say it. */
export function SupplierRatingText({ rating, count }: { rating: number | null; count: number }) {
  const { t } = useTranslation("catalog");
  const lang = useLang();
  return rating !== null
    ? t("supplier.ratingValue", { value: formatNumber(rating, lang, 1), count })
    : t("supplier.noRating");
}
