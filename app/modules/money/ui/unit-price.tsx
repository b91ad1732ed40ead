import { useTranslation } from "react-i18next";
import { useLang } from "~/modules/i18n/use-lang";
import { formatMoney } from "../format";
import { chargeAmounts, type VatRateCode } from "../money";
import { unitName } from "../units";
import { vatRateLabel } from "../vat";

/**
 * A unit price as the catalog card, the product page and the supplier's storefront show it: gross («с НДС»), then net,
 * the rate and the unit. One component, so a card and a product page cannot disagree. «Без НДС» is said only for
 * NO_VAT; 0 % is «НДС 0 %».
 */
export interface UnitPriceProps {
  netKopecks: bigint | number | string;
  vatRate: VatRateCode;
  unit: string;
  size?: "lg" | "sm";
}

export function UnitPrice({ netKopecks, vatRate, unit, size = "lg" }: UnitPriceProps) {
  const { t } = useTranslation("money");
  const lang = useLang();
  const a = chargeAmounts(BigInt(netKopecks), vatRate);
  const perUnit = t("price.perUnit", { unit: unitName(unit, lang) });
  const strong = size === "lg" ? "text-2xl font-bold text-slate-900" : "font-semibold text-slate-900";
  const noVat = vatRate === "NO_VAT";
  return (
    <div>
      <p className={strong} data-testid="price-gross">
        {t(noVat ? "price.noVat" : "price.gross", { price: formatMoney(a.gross, lang) })}
      </p>
      <p className="text-sm text-slate-600" data-testid="price-net">
        {noVat ? (
          perUnit
        ) : (
          <>
            {`${t("price.net", { price: formatMoney(a.net, lang) })} · `}
            <span data-testid="price-vat">{vatRateLabel(vatRate, lang)}</span>
            {` · ${perUnit}`}
          </>
        )}
      </p>
    </div>
  );
}
