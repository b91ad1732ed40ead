import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";

/**
 * The header link to the RFQ cart with the number of products in it. Pass `count` when known; otherwise it is read from
 * /api/rfq/cart/count after hydration. Show it to buyers only.
 */
export function RfqCartLink({ count }: { count?: number }) {
  const { t } = useTranslation("rfq");
  const fetcher = useFetcher<{ count: number }>();
  const { load } = fetcher;
  useEffect(() => {
    if (count === undefined) load("/api/rfq/cart/count");
  }, [count, load]);
  const n = count ?? fetcher.data?.count ?? 0;
  return (
    <LocalizedLink
      to="/rfq/cart"
      className="relative inline-flex items-center gap-1 rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
      aria-label={t("cart.linkLabel", { count: n })}
      data-testid="rfq-cart-link"
    >
      <span aria-hidden="true">{t("cart.link")}</span>
      {n > 0 ? (
        <span
          className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold leading-5 text-white"
          data-testid="rfq-cart-count"
        >
          {n}
        </span>
      ) : null}
    </LocalizedLink>
  );
}
