import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { DateInput } from "~/components/ui/date-input";
import { useErrorText } from "~/components/ui/error-text";
import { FileInput } from "~/components/ui/file-input";
import { useLang } from "~/modules/i18n/use-lang";
import type { VatRateCode } from "~/modules/money/money";
import { Money } from "~/modules/money/ui/money";
import { vatRateLabel } from "~/modules/money/vat";

/** Amounts as kopeck strings (loader data is JSON). */
export interface OrderMoneyView {
  goodsNet: string;
  deliveryNet: string | null;
  vatByRate: { vatRate: VatRateCode; vat: string; historic: boolean }[];
  total: string;
  prepaymentPercent: number;
  invoices: {
    kind: "FULL" | "ADVANCE" | "BALANCE";
    gross: string;
    vatByRate: { vatRate: VatRateCode; vat: string; historic: boolean }[];
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
          <dt>
            {vatRateLabel(r.vatRate, lang)}
            {r.historic ? (
              <span className="text-slate-500" data-testid="order-vat-historic">
                {" "}
                {t("totals.historicRate")}
              </span>
            ) : null}
          </dt>
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

export interface ReportedPayment {
  id: string;
  kind: "FULL" | "ADVANCE" | "BALANCE";
  status: string;
  payOrderNumber: string;
  payOrderDate: string;
  /** the scan of the платёжное поручение, readable by both parties at /files/<id> */
  payOrderFileId: string | null;
}

type ReportErrors = { kind?: string[]; payOrderNumber?: string[]; payOrderDate?: string[]; payOrderFile?: string[] };

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600";

/** The buyer's «оплачено» form for one счёт: платёжное поручение number and date. */
function ReportForm({ kind, errors }: { kind: string; errors: ReportErrors }) {
  const { t } = useTranslation(["orders", "files"]);
  const id = (f: string) => `${f}-${kind}`;
  const text = useErrorText(["orders", "files"]);
  const err = (f: keyof ReportErrors) =>
    errors[f]?.length ? (
      <p id={`${id(f)}-error`} className="mt-1 text-sm text-red-700">
        {errors[f]?.map(text).join(". ")}
      </p>
    ) : null;
  return (
    <Form method="post" encType="multipart/form-data" className="mt-1 flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="intent" value="reportPayment" />
      <input type="hidden" name="kind" value={kind} />
      <div>
        <label htmlFor={id("payOrderNumber")} className="block text-xs font-medium">
          {t("schedule.payOrderNumber")}
        </label>
        <input
          id={id("payOrderNumber")}
          name="payOrderNumber"
          required
          maxLength={40}
          className={inputClass}
          aria-invalid={errors.payOrderNumber?.length ? true : undefined}
          aria-describedby={errors.payOrderNumber?.length ? `${id("payOrderNumber")}-error` : undefined}
        />
        {err("payOrderNumber")}
      </div>
      <div>
        <label htmlFor={id("payOrderDate")} className="block text-xs font-medium">
          {t("schedule.payOrderDate")}
        </label>
        <DateInput
          id={id("payOrderDate")}
          name="payOrderDate"
          required
          className={inputClass}
          aria-invalid={errors.payOrderDate?.length ? true : undefined}
          aria-describedby={errors.payOrderDate?.length ? `${id("payOrderDate")}-error` : undefined}
        />
        {err("payOrderDate")}
      </div>
      <div>
        <label htmlFor={id("payOrderFile")} className="block text-xs font-medium">
          {t("schedule.payOrderFile")}
        </label>
        <FileInput
          id={id("payOrderFile")}
          name="payOrderFile"
          accept=".pdf,application/pdf,image/png,image/jpeg,image/webp"
          aria-invalid={errors.payOrderFile?.length ? true : undefined}
          aria-describedby={errors.payOrderFile?.length ? `${id("payOrderFile")}-error` : undefined}
        />
        {err("payOrderFile")}
      </div>
      <Button type="submit" variant="secondary">
        {t("schedule.report")}
      </Button>
      {err("kind")}
    </Form>
  );
}

/** The счета of an order (one, or advance + balance) with their «в т.ч. НДС», and what is paid and due. */
export function PaymentSchedule({
  m,
  orderId,
  hasInvoice,
  party,
  payments,
  canReport,
  errors,
}: {
  m: OrderMoneyView;
  orderId: string;
  hasInvoice: boolean;
  party: "BUYER" | "SUPPLIER" | "SYSTEM";
  payments: ReportedPayment[];
  canReport: boolean;
  errors: ReportErrors;
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
              <PaymentState
                kind={i.kind}
                payment={payments.find((p) => p.kind === i.kind && p.status !== "FAILED" && p.status !== "REFUNDED")}
                party={party}
                canReport={hasInvoice && canReport}
                errors={errors}
              />
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

function PaymentState({
  kind,
  payment,
  party,
  canReport,
  errors,
}: {
  kind: string;
  payment: ReportedPayment | undefined;
  party: "BUYER" | "SUPPLIER" | "SYSTEM";
  canReport: boolean;
  errors: ReportErrors;
}) {
  const { t } = useTranslation("orders");
  if (!payment) return party === "BUYER" && canReport ? <ReportForm kind={kind} errors={errors} /> : null;
  const params = { number: payment.payOrderNumber, date: payment.payOrderDate };
  const scan = payment.payOrderFileId ? (
    <a
      href={`/files/${payment.payOrderFileId}`}
      className="text-brand-700 underline"
      target="_blank"
      rel="noreferrer"
      data-testid={`pay-order-scan-${kind.toLowerCase()}`}
    >
      {t("schedule.payOrderScan")}
    </a>
  ) : null;
  if (payment.status === "SUCCEEDED")
    return (
      <p className="text-emerald-800" data-testid={`payment-${kind.toLowerCase()}`}>
        {t("schedule.confirmed", params)} {scan}
      </p>
    );
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={`payment-${kind.toLowerCase()}`}>
      <span className="text-slate-700">{t("schedule.reported", params)}</span>
      {scan}
      {party === "SUPPLIER" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="confirmPayment" />
          <input type="hidden" name="paymentId" value={payment.id} />
          <Button type="submit" variant="secondary">
            {t("schedule.confirm")}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
