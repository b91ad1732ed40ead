import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { formatNumber } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import { unitName } from "~/modules/money/units";
import type { RfqItemView } from "../shared.server";

export function ItemsTable({
  items,
}: {
  items: (RfqItemView & { product?: { slug: string; title: string } | null })[];
}) {
  const { t } = useTranslation("rfq");
  const lang = useLang();
  return (
    <table className="w-full border-collapse bg-white text-sm">
      <thead>
        <tr className="border-b text-left text-slate-600">
          <th className="p-2">#</th>
          <th className="p-2">{t("form.itemName")}</th>
          <th className="p-2">{t("form.quantity")}</th>
          <th className="p-2">{t("form.notes")}</th>
          <th className="p-2">{t("form.analoguesShort")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i, n) => (
          <tr key={i.id} className="border-b">
            <td className="p-2">{n + 1}</td>
            <td className="p-2">
              {i.name}
              {i.product ? (
                <LocalizedLink to={`/products/${i.product.slug}`} className="ml-1 text-xs text-brand-700 underline">
                  {t("productLink")}
                </LocalizedLink>
              ) : null}
            </td>
            <td className="p-2">
              {formatNumber(Number(i.quantity), lang)} {unitName(i.unit, lang)}
            </td>
            <td className="p-2 whitespace-pre-line">{i.notes}</td>
            <td className="p-2">{i.analoguesAllowed ? t("yes") : t("no")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
