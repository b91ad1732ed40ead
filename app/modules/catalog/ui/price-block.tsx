import { useTranslation } from "react-i18next";
import { UnitPrice, type UnitPriceProps } from "~/modules/money/ui/unit-price";

/** Net and gross price with the VAT rate (computed by the money module), or «цена по запросу». */
export function PriceBlock({
  priceKopecks,
  ...price
}: Omit<UnitPriceProps, "netKopecks"> & { priceKopecks: string | bigint | null }) {
  const { t } = useTranslation("catalog");
  if (priceKopecks === null) {
    return (
      <p
        className={price.size === "sm" ? "font-medium" : "text-xl font-semibold text-slate-800"}
        data-testid="price-on-request"
      >
        {t("product.priceOnRequest")}
      </p>
    );
  }
  return <UnitPrice netKopecks={priceKopecks} {...price} />;
}
