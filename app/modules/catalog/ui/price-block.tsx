import { useTranslation } from "react-i18next";
import type { VatRateCode } from "~/modules/money/money";
import { UnitPrice } from "~/modules/money/ui/unit-price";

/** Net and gross price with the VAT rate (computed by the money module), or «цена по запросу». */
export function PriceBlock({
  priceKopecks,
  vatRate,
  unit,
  size = "lg",
}: {
  priceKopecks: string | bigint | null;
  vatRate: VatRateCode;
  unit: string;
  size?: "lg" | "sm";
}) {
  const { t } = useTranslation("catalog");
  if (priceKopecks === null) {
    return (
      <p
        className={size === "lg" ? "text-xl font-semibold text-slate-800" : "font-medium"}
        data-testid="price-on-request"
      >
        {t("product.priceOnRequest")}
      </p>
    );
  }
  return <UnitPrice netKopecks={priceKopecks} vatRate={vatRate} unit={unit} size={size} />;
}
