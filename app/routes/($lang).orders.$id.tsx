import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FieldErrors, FormMessage } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { PlainField } from "~/components/ui/plain-field";
import { DataTable } from "~/components/ui/table";
import { requireActor } from "~/modules/accounts/accounts.server";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import type { FulfilmentActionResult } from "~/modules/orders/fulfilment.schema";
import { DocumentsPanel } from "~/modules/orders/ui/documents-panel";
import { OrderTotals, PaymentSchedule } from "~/modules/orders/ui/order-money";
import { OrderDates, OrderParties } from "~/modules/orders/ui/order-overview";
import { ShipmentsPanel } from "~/modules/orders/ui/shipments-panel";
import { readRfqForm } from "~/modules/rfq/rfq.server";
import { orderPageAction, orderPageView } from "~/workflows/order-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const t = await getT(request, "orders");
  const page = await orderPageView(actor, params.id ?? "", getLang(request));
  return { ...page, title: t("number", { number: page.order.number }) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — СнабМост` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  // multipart when the buyer attaches the платёжное поручение (or a party the signed contract scan); the files
  // module's upload path and checks
  const { form, uploads } = await readRfqForm(request, "payOrderFile", ["scan"]);
  const answer = await orderPageAction(actor, params.id ?? "", getLang(request), form, uploads);
  return "redirect" in answer ? redirect(answer.redirect) : data(answer.body, { status: answer.status });
}

const cell = "py-2 pr-4 align-top";

function StepButton({
  intent,
  label,
  variant = "primary",
}: {
  intent: string;
  label: string;
  variant?: "primary" | "secondary";
}) {
  const nav = useNavigation();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button type="submit" variant={variant} disabled={nav.state !== "idle"}>
        {label}
      </Button>
    </Form>
  );
}

function fieldErrors(result: unknown, name: string): string[] | undefined {
  const r = result as { error?: Record<string, string[] | null> } | undefined;
  return r?.error?.[name] ?? undefined;
}

export default function OrderPage() {
  const {
    order,
    party,
    actions,
    canRate,
    hasInvoice,
    paymentOptions: options,
    timeline,
    shipmentsPanel,
    documentsPanel,
    overview,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fulfilmentResult: FulfilmentActionResult | null =
    actionData && "fulfilment" in actionData ? actionData.fulfilment : null;
  const { t } = useTranslation("orders");
  const [sp] = useSearchParams();
  const payment = sp.get("payment");
  const trackingErr = fieldErrors(actionData?.result, "trackingNote");
  const reasonErr = fieldErrors(actionData?.result, "reason");
  const scoreErr = fieldErrors(actionData?.result, "score");
  const input =
    "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600";
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">{t("number", { number: order.number })}</h1>
        <p className="mt-1 text-slate-700">
          <span data-testid="order-status" className="rounded bg-slate-100 px-2 py-0.5 font-medium">
            {t(`status.${order.status}`)}
          </span>{" "}
          · {order.createdAt} · {t(`role.${party}`)}
        </p>
      </div>

      <div aria-live="polite">
        {actionData?.done === "rated" ? <FormMessage tone="success">{t("rating.saved")}</FormMessage> : null}
        {actionData?.done && actionData.done !== "rated" ? (
          <FormMessage tone="success">{t("actions.done", { status: t(`status.${actionData.done}`) })}</FormMessage>
        ) : null}
        {actionData?.error ? <FormMessage tone="error">{t(`actions.${actionData.error}`)}</FormMessage> : null}
        {payment === "success" ? <FormMessage tone="success">{t("payment.success")}</FormMessage> : null}
        {payment === "cancelled" ? <FormMessage tone="error">{t("payment.cancelled")}</FormMessage> : null}
      </div>

      <OrderParties data={overview} />

      <section aria-labelledby="terms-h">
        <h2 id="terms-h" className="sr-only">
          {t("deliveryTerms")}
        </h2>
        <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t("deliveryAddress")}</dt>
          <dd>{order.deliveryAddress}</dd>
          {order.deliveryTerms ? (
            <>
              <dt className="text-slate-600">{t("deliveryTerms")}</dt>
              <dd>{order.deliveryTerms}</dd>
            </>
          ) : null}
          {order.paymentTerms ? (
            <>
              <dt className="text-slate-600">{t("paymentTerms")}</dt>
              <dd>{order.paymentTerms}</dd>
            </>
          ) : null}
          {order.trackingNote ? (
            <>
              <dt className="text-slate-600">{t("trackingNote")}</dt>
              <dd data-testid="tracking-note">{order.trackingNote}</dd>
            </>
          ) : null}
          {order.cancelReason ? (
            <>
              <dt className="text-slate-600">{t("cancelReason")}</dt>
              <dd>{order.cancelReason}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <OrderDates data={overview.schedule} />

      <Panel id="lines-h" title={t("lines")} tone="plain">
        <DataTable
          label={t("lines")}
          density="roomy"
          headClassName="border-b text-left text-slate-600"
          columns={[
            "№",
            t("line.name"),
            { label: t("line.quantity"), numeric: true },
            t("line.unit"),
            { label: t("line.price"), numeric: true },
            t("line.vatRate"),
            { label: t("line.vat"), numeric: true },
            { label: t("line.gross"), numeric: true },
          ]}
        >
          {order.lines.map((l) => (
            <tr key={l.id} className="border-b">
              <td className={cell}>{l.position}</td>
              <td className={cell}>{l.name}</td>
              <td className={`${cell} text-right tabular-nums`}>{l.quantity}</td>
              <td className={cell}>{l.unit}</td>
              <td className={`${cell} text-right tabular-nums`}>{l.price}</td>
              <td className={cell}>{l.vatRate}</td>
              <td className={`${cell} text-right tabular-nums`}>{l.vat}</td>
              <td className={`${cell} text-right tabular-nums`}>{l.gross}</td>
            </tr>
          ))}
        </DataTable>
        <OrderTotals m={order.money} />
      </Panel>

      <Panel id="docs-h" title={t("documents")} tone="plain">
        {hasInvoice ? (
          <a href={`/orders/${order.id}/invoice.pdf`} className="text-brand-700 underline" download>
            {t("invoice", { number: order.invoiceNumber ?? order.number })}
          </a>
        ) : (
          <p className="text-sm text-slate-600">{t("noDocuments")}</p>
        )}
        <PaymentSchedule
          m={order.money}
          orderId={order.id}
          hasInvoice={hasInvoice}
          party={party}
          payments={order.payments}
          canReport={order.status !== "CANCELLED"}
          errors={{
            kind: fieldErrors(actionData?.result, "kind"),
            payOrderNumber: fieldErrors(actionData?.result, "payOrderNumber"),
            payOrderDate: fieldErrors(actionData?.result, "payOrderDate"),
            payOrderFile: fieldErrors(actionData?.result, "payOrderFile"),
          }}
        />
        {party === "BUYER" && order.status === "AWAITING_PAYMENT" && order.paymentMethod === "INVOICE" ? (
          <p className="text-sm text-slate-700">{t("payment.awaitingInvoice")}</p>
        ) : null}
      </Panel>

      <DocumentsPanel data={documentsPanel} result={fulfilmentResult} />

      <ShipmentsPanel data={shipmentsPanel} result={fulfilmentResult} />

      {actions.length > 0 || options.length > 0 ? (
        <Panel id="actions-h" title={t("actions.title")} tone="plain">
          <div className="flex flex-wrap items-start gap-3">
            {actions.includes("confirm") ? <StepButton intent="confirm" label={t("actions.confirm")} /> : null}
            {options.includes("INVOICE") && order.status === "CONFIRMED" ? (
              <StepButton intent="choosePayment" label={t("actions.choosePayment")} />
            ) : null}
            {options.includes("STRIPE") ? <StepButton intent="payCard" label={t("actions.payCard")} /> : null}
            {actions.includes("markPaid") ? <StepButton intent="markPaid" label={t("actions.markPaid")} /> : null}
            {actions.includes("deliver") ? <StepButton intent="deliver" label={t("actions.deliver")} /> : null}
            {actions.includes("close") ? (
              <StepButton intent="close" label={t("actions.close")} variant="secondary" />
            ) : null}
          </div>
          {actions.includes("ship") ? (
            <Form method="post" className="flex max-w-xl flex-wrap items-end gap-3" noValidate>
              <input type="hidden" name="intent" value="ship" />
              <PlainField
                id="trackingNote"
                label={t("actions.trackingLabel")}
                errors={trackingErr}
                ns="orders"
                className="grow"
              >
                {(control) => <input {...control} name="trackingNote" required className={input} />}
              </PlainField>
              <Button type="submit">{t("actions.ship")}</Button>
            </Form>
          ) : null}
          {actions.includes("cancel") ? (
            <details className="max-w-xl">
              <summary className="cursor-pointer text-sm text-red-700">{t("actions.cancel")}</summary>
              <Form method="post" className="mt-2 space-y-2" noValidate>
                <input type="hidden" name="intent" value="cancel" />
                <PlainField id="reason" label={t("actions.reasonLabel")} errors={reasonErr} ns="orders">
                  {(control) => <textarea {...control} name="reason" required rows={2} className={input} />}
                </PlainField>
                <Button type="submit" variant="danger">
                  {t("actions.cancel")}
                </Button>
              </Form>
            </details>
          ) : null}
        </Panel>
      ) : null}

      {order.rating ? <p data-testid="order-rating">{t("rating.done", { score: order.rating.score })}</p> : null}
      {canRate ? (
        <Panel id="rate-h" title={t("rating.title")} tone="plain">
          <Form method="post" className="max-w-xl space-y-3" noValidate>
            <input type="hidden" name="intent" value="rate" />
            <fieldset aria-describedby={scoreErr ? "score-error" : undefined}>
              <legend className="text-sm font-medium">{t("rating.score")}</legend>
              <div className="mt-1 flex gap-4">
                {[1, 2, 3, 4, 5].map((s) => (
                  <label key={s} className="flex items-center gap-1 text-sm">
                    <input type="radio" name="score" value={s} aria-invalid={scoreErr ? true : undefined} />
                    {t("rating.scoreOption", { score: s })}
                  </label>
                ))}
              </div>
              <FieldErrors id="score-error" errors={scoreErr} ns="orders" />
            </fieldset>
            <PlainField id="comment" label={t("rating.comment")} ns="orders">
              {(control) => <textarea {...control} name="comment" rows={2} className={input} />}
            </PlainField>
            <Button type="submit">{t("rating.submit")}</Button>
          </Form>
        </Panel>
      ) : null}

      <Panel id="timeline-h" title={t("timeline")} tone="plain">
        <ol className="space-y-1 text-sm" data-testid="order-timeline">
          {timeline.map((e) => (
            <li key={e.id}>
              <span className="text-slate-600">{e.at}</span> — {t(`events.${e.action}`, { defaultValue: e.action })}
            </li>
          ))}
        </ol>
      </Panel>
    </div>
  );
}
