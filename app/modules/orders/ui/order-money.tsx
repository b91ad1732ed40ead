import { useTranslation } from "react-i18next";
import { useLang } from "~/modules/i18n/use-lang";
import type { VatRateCode } from "~/modules/money/money";
import { Money } from "~/modules/money/ui/money";
import { vatRateLabel } from "~/modules/money/vat";

/** Amounts as kopeck strings (loader data is JSON). */
export interface OrderMoneyView {
  goodsNet: string;
  deliveryNet: string | null;
  vatByRate: { vatRate: VatRateCode; vat: string }[];
  total: string;
  prepaymentPercent: number;
  invoices: {
    kind: "FULL" | "ADVANCE" | "BALANCE";
    gross: string;
    vatByRate: { vatRate: VatRateCode; vat: string }[];
  }[];
  paid: string;
  due: string;
}

/**
 * The totals block of an order: товары без НДС, доставка без НДС, НДС by rate, итого с НДС — the lines add up to the
 * total (all figures come from the money module's documentTotals).
 */
export function OrderTotals({ m }: { m: OrderMoneyView }) {
  const { t } = useTranslation("orders");
  const lang = useLang();
  return (
    <dl
      className="mt-3 ml-auto grid max-w-sm grid-cols-[1fr_max-content] gap-x-4 gap-y-1 text-sm"
      data-testid="order-totals"
    >
      <dt>{t("totals.goodsNet")}</dt>
      <dd className="text-right tabular-nums" data-testid="order-goods-net">
        <Money kopecks={m.goodsNet} />
      </dd>
      {m.deliveryNet !== null ? (
        <>
          <dt>{t("totals.deliveryNet")}</dt>
          <dd className="text-right tabular-nums" data-testid="order-delivery-net">
            <Money kopecks={m.deliveryNet} />
          </dd>
        </>
      ) : null}
      {m.vatByRate.map((r) => (
        <div key={r.vatRate} className="contents" data-testid="order-vat">
          <dt>{vatRateLabel(r.vatRate, lang)}</dt>
          <dd className="text-right tabular-nums" data-vat-rate={r.vatRate}>
            {r.vatRate === "NO_VAT" ? "—" : <Money kopecks={r.vat} />}
          </dd>
        </div>
      ))}
      <dt className="font-semibold">{t("totals.total")}</dt>
      <dd className="text-right font-semibold tabular-nums" data-testid="order-total">
        <Money kopecks={m.total} />
      </dd>
    </dl>
  );
}

/** The счета of an order (one, or advance + balance) with their «в т.ч. НДС», and what is paid and due. */
export function PaymentSchedule({
  m,
  orderId,
  hasInvoice,
}: {
  m: OrderMoneyView;
  orderId: string;
  hasInvoice: boolean;
}) {
  const { t } = useTranslation("orders");
  const lang = useLang();
  const percent = (kind: string) => (kind === "ADVANCE" ? m.prepaymentPercent : 100 - m.prepaymentPercent);
  return (
    <div className="space-y-2 text-sm" data-testid="payment-schedule">
      <ul className="space-y-1">
        {m.invoices.map((i) => {
          const taxed = i.vatByRate.filter((r) => r.vatRate !== "NO_VAT");
          return (
            <li key={i.kind} data-testid={`invoice-${i.kind.toLowerCase()}`}>
              <span className="font-medium">{t(`schedule.${i.kind}`, { percent: percent(i.kind) })}</span>:{" "}
              <Money kopecks={i.gross} testId="invoice-amount" />{" "}
              <span className="text-slate-600">
                (
                {taxed.length
                  ? taxed.map((r, n) => (
                      <span key={r.vatRate}>
                        {n > 0 ? ", " : ""}
                        {t("schedule.vatIncluded", { rate: vatRateLabel(r.vatRate, lang) })} <Money kopecks={r.vat} />
                      </span>
                    ))
                  : t("schedule.noVat")}
                )
              </span>
              {hasInvoice ? (
                <>
                  {" "}
                  <a
                    href={`/orders/${orderId}/invoice.pdf${i.kind === "FULL" ? "" : `?kind=${i.kind.toLowerCase()}`}`}
                    className="text-brand-700 underline"
                    download
                  >
                    {t("schedule.pdf")}
                  </a>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p>
        {t("schedule.paid")}: <Money kopecks={m.paid} testId="order-paid" /> · {t("schedule.due")}:{" "}
        <Money kopecks={m.due} testId="order-due" />
      </p>
    </div>
  );
}
