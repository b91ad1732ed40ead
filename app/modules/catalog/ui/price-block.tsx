import { useTranslation } from "react-i18next";
import { formatMoney } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";

const VAT_PERCENT = { VAT20: 20, VAT10: 10, VAT0: 0, NO_VAT: 0 } as const;

/** Net and gross price with the VAT rate (gross = net + VAT rounded to the kopeck), or «цена по запросу». */
export function PriceBlock({
  priceKopecks,
  vatRate,
  unit,
  size = "lg",
}: {
  priceKopecks: string | bigint | null;
  vatRate: keyof typeof VAT_PERCENT;
  unit: string;
  size?: "lg" | "sm";
}) {
  const { t } = useTranslation("catalog");
  const { t: tc } = useTranslation();
  const lang = useLang();
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
  const net = BigInt(priceKopecks);
  const gross = net + (net * BigInt(VAT_PERCENT[vatRate]) + 50n) / 100n;
  return (
    <div>
      <p className={size === "lg" ? "text-2xl font-bold text-slate-900" : "font-semibold"} data-testid="price-gross">
        {t("product.priceGross", { price: formatMoney(gross, lang) })}
      </p>
      <p className="text-sm text-slate-600" data-testid="price-net">
        {t("product.priceNet", { price: formatMoney(net, lang) })} · {tc(`vat.${vatRate}`)} ·{" "}
        {t("product.perUnit", { unit: tc(`units.${unit}`) })}
      </p>
    </div>
  );
}
