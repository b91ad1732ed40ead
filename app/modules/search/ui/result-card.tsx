import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { ProductThumb } from "~/modules/catalog/ui/product-photo";
import { formatNumber } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import { UnitPrice } from "~/modules/money/ui/unit-price";
import type { CardView } from "../search.types";
import { Highlighted } from "./highlighted";

const stockTone = {
  IN_STOCK: "bg-emerald-50 text-emerald-800",
  TO_ORDER: "bg-slate-100 text-slate-700",
  OUT_OF_STOCK: "bg-red-50 text-red-800",
} as const;

/**
 * One search result: title, code, supplier with badge, key specs, price net/gross, stock, lead time, rating, and
 * «В запрос» — a submit button (productId = this card's product) of the page's one add-to-RFQ POST form (`addForm`,
 * rendered outside the page's GET form: forms do not nest), so it works without JavaScript; `added` marks the card the
 * buyer has just added.
 *
 * The markup is kept lean — twenty cards are most of a catalog page's elements and of its render time
 * (docs/performance.md «Session 11»): key specs are one line of text, and neighbouring texts are joined into one string
 * (React separates two texts in a row with a comment).
 */
export function ResultCard({
  hit: c,
  addForm,
  added,
  adding,
}: {
  hit: CardView;
  addForm?: string;
  added?: boolean;
  /** this card's product is being added (the page watches the one form for all cards) */
  adding?: boolean;
}) {
  const { t } = useTranslation("search");
  const lang = useLang();
  return (
    <article className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:justify-between">
      <div className="flex min-w-0 gap-3">
        {/* the main photo, or the category's drawing: decoration beside the title */}
        <ProductThumb
          photoFileId={c.photoFileId}
          category={{ slug: c.categorySlug }}
          className="h-12 w-16 sm:h-16 sm:w-20"
        />
        <div className="min-w-0 flex-1 space-y-1.5 [overflow-wrap:anywhere]">
          <h3 className="text-base font-semibold leading-snug">
            <LocalizedLink
              to={`/products/${c.slug}`}
              className="text-brand-800 hover:underline"
              data-testid="result-title"
            >
              <Highlighted segments={c.highlight.title} fallback={c.title} />
            </LocalizedLink>
          </h3>
          <p className="text-sm text-slate-600">
            {`${t("card.sku")}: `}
            <span className="font-mono">
              <Highlighted segments={c.highlight.sku} fallback={c.sku} />
            </span>
            {c.manufacturer ? ` · ${c.manufacturer}` : null}
          </p>
          <p className="text-sm text-slate-700">
            <span className="sr-only">{`${t("card.supplier")}: `}</span>
            <LocalizedLink to={`/suppliers/${c.supplierSlug}`} className="hover:underline">
              {c.supplierName}
            </LocalizedLink>
            {c.verified ? (
              <span
                className="ml-2 inline-flex items-center gap-1 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800"
                title={t("card.verified")}
              >
                <span aria-hidden="true">✓</span>
                {t("card.verified")}
              </span>
            ) : null}
            {c.rating !== null ? (
              <span className="ml-2 text-xs text-slate-600" title={t("card.rating", { rating: c.rating })}>
                <span className="sr-only">{t("card.rating", { rating: c.rating })}</span>
                <span aria-hidden="true">{`★ ${formatNumber(c.rating, lang)}`}</span>
              </span>
            ) : null}
          </p>
          {c.keySpecs ? (
            <p className="text-xs text-slate-700" data-testid="key-specs">
              {c.keySpecs}
            </p>
          ) : null}
        </div>
      </div>
      <div className="shrink-0 space-y-1 text-sm sm:w-56 sm:text-right">
        {c.priceKopecks === null ? (
          <p className="font-semibold text-slate-800">{t("card.onRequest")}</p>
        ) : (
          <UnitPrice netKopecks={c.priceKopecks} vatRate={c.vatRate} unit={c.unit} size="sm" />
        )}
        <p>
          <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${stockTone[c.stockStatus]}`}>
            {t(`card.stock.${c.stockStatus}`)}
          </span>
        </p>
        {c.leadTimeDays !== null ? (
          <p className="text-xs text-slate-600">{t("card.lead", { count: c.leadTimeDays })}</p>
        ) : null}
        {addForm ? (
          <p className="flex flex-wrap items-center gap-2 pt-1 sm:justify-end">
            {added ? (
              <span className="text-xs font-medium text-emerald-800" data-testid="added-to-rfq">
                <span aria-hidden="true">✓ </span>
                {t("addToRfq.added")}
              </span>
            ) : null}
            <button
              type="submit"
              form={addForm}
              name="productId"
              value={c.id}
              disabled={adding}
              aria-label={t("addToRfq.buttonLabel", { title: c.title })}
              className="rounded-md border border-brand-600 bg-white px-3 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
            >
              {adding ? t("addToRfq.adding") : t("addToRfq.button")}
            </button>
          </p>
        ) : null}
      </div>
    </article>
  );
}
