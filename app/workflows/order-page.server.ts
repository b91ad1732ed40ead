/**
 * The order page (`/orders/<id>`) between the route and the modules it shows: the view the loader answers (order,
 * shipments, documents, overview, payment options — dates, numbers and money in the page language) and the steps its
 * action runs (the order's own steps and rating, the payment forms, and the shipment/приёмка/рекламация forms through
 * the orders module's `handleFulfilmentAction`). It lives here, not in the orders module, because it spans orders and
 * payments (payments imports orders). It builds no HTTP response: the route answers `data(body, { status })` or
 * `redirect(to)`; a missing or foreign order is thrown as its response by the edge helpers.
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "~/modules/i18n/format";
import type { Lang } from "~/modules/i18n/i18n";
import { localizePath } from "~/modules/i18n/paths";
import { parseMoscowDate } from "~/modules/money/moscow-time";
import { unitName } from "~/modules/money/units";
import { vatPercentLabel } from "~/modules/money/vat";
import type { FulfilmentActionResult } from "~/modules/orders/fulfilment.schema";
import {
  AlreadyRatedError,
  getFulfilment,
  getOrder,
  getOrderOverview,
  handleFulfilmentAction,
  isFulfilmentIntent,
  listDocuments,
  OrderStateError,
  orderHttp,
  orderMoneyView,
  performOrderStep,
  rateOrder,
} from "~/modules/orders/index.server";
import { orderStepSchema } from "~/modules/orders/orders.schema";
import type { OrderOverviewView } from "~/modules/orders/ui/order-overview";
import {
  confirmInvoicePayment,
  PaymentReportError,
  payByInvoice,
  paymentOptions,
  reportInvoicePayment,
  startCardCheckout,
} from "~/modules/payments/payments.server";
import { env } from "~/utils/env.server";
import { publicOrigin } from "~/utils/origin.server";
import { throwAsResponse } from "~/utils/route-errors.server";

/** What the order page shows to `actor` (404 for a missing or foreign order, through `orderHttp`). */
export async function orderPageView(actor: Actor, id: string, lang: Lang) {
  const view = await orderHttp(getOrder(actor, id));
  const { order } = view;
  const money = (k: bigint) => formatMoney(k, lang);
  const [fulfilment, documents, overview] = await Promise.all([
    getFulfilment(actor, order.id),
    listDocuments(actor, order.id),
    getOrderOverview(actor, order.id),
  ]);
  const day = (d: string) => formatDate(parseMoscowDate(d) ?? d, lang);
  const schedule: OrderOverviewView["schedule"] =
    overview.schedule.state === "planned"
      ? {
          ...overview.schedule,
          startsOn: day(overview.schedule.startsOn),
          shipBy: day(overview.schedule.shipBy),
          deliverBy: day(overview.schedule.deliverBy),
        }
      : overview.schedule;
  const lineById = new Map(order.lines.map((l) => [l.id, l]));
  return {
    shipmentsPanel: {
      orderId: order.id,
      party: view.party === "BUYER" ? ("BUYER" as const) : ("SUPPLIER" as const),
      canShip: order.status === "PAID" || order.status === "PARTIALLY_SHIPPED",
      today: new Date().toISOString().slice(0, 10),
      balance: fulfilment.balance.map((l) => ({
        id: l.id,
        position: l.position,
        name: l.name,
        unit: lineById.get(l.id)?.unit ?? "",
        ordered: formatNumber(Number(l.ordered), lang),
        left: formatNumber(Number(l.left), lang),
      })),
      shipments: fulfilment.shipments.map((s) => ({
        id: s.id,
        seq: s.seq,
        carrier: s.carrier,
        waybillNumber: s.waybillNumber,
        shippedOn: formatDate(s.shippedOn, lang),
        tracking: s.tracking,
        accepted: s.acceptedAt !== null,
        lines: s.lines.map((l) => ({
          ...l,
          quantity: formatNumber(Number(l.quantity), lang),
          acceptedQty: l.acceptedQty === null ? null : formatNumber(Number(l.acceptedQty), lang),
          rejectedQty: l.rejectedQty === null ? null : formatNumber(Number(l.rejectedQty), lang),
        })),
        claims: s.claims.map((c) => ({
          id: c.id,
          lineName: s.lines.find((l) => l.id === c.shipmentLineId)?.name ?? "",
          reason: c.reason,
          quantity: formatNumber(Number(c.quantity), lang),
          note: c.note,
          resolution: c.resolution,
          answer: c.answer,
        })),
      })),
    },
    documentsPanel: {
      orderId: order.id,
      canContract: order.status !== "CANCELLED",
      signedBy: {
        buyer: documents.some((d) => d.kind === "CONTRACT_SIGNED_BUYER"),
        supplier: documents.some((d) => d.kind === "CONTRACT_SIGNED_SUPPLIER"),
      },
      documents: documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        version: d.version,
        shipmentSeq: d.shipmentSeq,
        name: d.name,
        size: `${formatNumber(Math.max(1, Math.round(d.size / 1024)), lang)} KB`,
        sha256: d.sha256,
        createdAt: formatDateTime(d.createdAt, lang),
      })),
    },
    overview: { ...overview, schedule } satisfies OrderOverviewView,
    party: view.party,
    actions: view.actions,
    canRate: view.canRate,
    hasInvoice: view.hasInvoice,
    paymentOptions: paymentOptions(order, view.party),
    order: {
      id: order.id,
      number: order.number,
      status: order.status,
      invoiceNumber: order.invoiceNumber,
      createdAt: formatDate(order.createdAt, lang),
      buyer: order.buyer,
      supplier: { slug: order.supplier.slug, shortName: order.supplier.shortName, legalName: order.supplier.legalName },
      rfq: order.rfq,
      deliveryAddress: order.deliveryAddress,
      deliveryTerms: order.deliveryTerms,
      paymentTerms: order.paymentTerms,
      paymentMethod: order.paymentMethod,
      trackingNote: order.trackingNote,
      cancelReason: order.cancelReason,
      money: orderMoneyView(view),
      payments: order.payments
        .filter((p) => p.reportedAt)
        .map((p) => ({
          id: p.id,
          kind: p.invoiceKind,
          status: p.status,
          payOrderNumber: p.payOrderNumber ?? "",
          payOrderDate: p.payOrderDate ? formatDate(p.payOrderDate, lang) : "",
          payOrderFileId: p.payOrderFileId,
        })),
      rating: order.rating ? { score: order.rating.score, comment: order.rating.comment } : null,
      lines: order.lines.map((l) => ({
        id: l.id,
        position: l.position,
        name: l.name,
        quantity: formatNumber(Number(l.quantity.toString()), lang),
        unit: unitName(l.unit, lang),
        price: money(l.unitPriceKopecks),
        vatRate: vatPercentLabel(l.vatRate, lang),
        net: money(l.netKopecks),
        vat: money(l.vatKopecks),
        gross: money(l.grossKopecks),
        leadTimeDays: l.leadTimeDays,
      })),
    },
    timeline: view.timeline.map((e) => ({ id: String(e.id), action: e.action, at: formatDateTime(e.createdAt, lang) })),
  };
}

type StepBody = { result: SubmissionResult<string[]>; error: "forbidden" | "conflict" | null; done: string | null };
type FulfilmentBody = { result: null; error: null; done: null; fulfilment: FulfilmentActionResult };
/** What the route answers: `data(body, { status })`, or a redirect (the card checkout, or back to the page). */
export type OrderPageAnswer = { redirect: string } | { status: number; body: StepBody | FulfilmentBody };

/**
 * Runs the step the order page posted (`form` and `uploads` as the route read the body: the платёжное поручение or a
 * signed contract scan may come along). Bad input, a forbidden step, a payment report the module refused and a status
 * conflict answer the form (400/403/422/409, what was typed kept); a missing or foreign order is thrown as 404.
 */
export async function orderPageAction(
  actor: Actor,
  id: string,
  lang: Lang,
  form: FormData,
  uploads: { file: File; tooLarge?: boolean }[],
): Promise<OrderPageAnswer> {
  if (isFulfilmentIntent(form.get("intent"))) {
    const { status, result } = await handleFulfilmentAction(actor, id, form);
    return { status, body: { result: null, error: null, done: null, fulfilment: result } };
  }
  const submission = parseWithZod(form, { schema: orderStepSchema });
  if (submission.status !== "success")
    return { status: 400, body: { result: submission.reply(), error: null, done: null } };
  const v = submission.value;
  const done = (state: string | null) => ({
    status: 200,
    body: { result: submission.reply({ resetForm: true }), error: null, done: state },
  });
  const invalid = (status: number, fieldErrors: Record<string, string[]>) => ({
    status,
    body: { result: submission.reply({ fieldErrors }), error: null, done: null },
  });
  try {
    if (v.intent === "rate") {
      await rateOrder(actor, id, { score: v.score, comment: v.comment });
      return done("rated");
    }
    if (v.intent === "payCard") {
      const start = await startCardCheckout(actor, id, publicOrigin());
      return { redirect: start.kind === "redirect" ? start.url : localizePath(lang, `/orders/${id}`) };
    }
    if (v.intent === "reportPayment") {
      const payOrderDate = parseMoscowDate(v.payOrderDate);
      if (!payOrderDate) return invalid(400, { payOrderDate: ["errors.date"] });
      const upload = uploads[0];
      if (upload?.tooLarge) {
        const max = Math.round(env().UPLOAD_MAX_BYTES / 104857.6) / 10;
        return invalid(400, { payOrderFile: [`files:errors.too_large::${JSON.stringify({ max })}`] });
      }
      await reportInvoicePayment(actor, id, {
        kind: v.kind,
        payOrderNumber: v.payOrderNumber,
        payOrderDate,
        file: upload?.file ?? null,
      });
      return done(null);
    }
    if (v.intent === "confirmPayment") {
      await confirmInvoicePayment(actor, id, v.paymentId);
      return done(null);
    }
    if (v.intent === "choosePayment") {
      await payByInvoice(actor, id);
      return done("AWAITING_PAYMENT");
    }
    const step =
      v.intent === "ship"
        ? ({ action: "ship", trackingNote: v.trackingNote } as const)
        : v.intent === "cancel"
          ? ({ action: "cancel", reason: v.reason } as const)
          : ({ action: v.intent } as const);
    const { status } = await performOrderStep(actor, id, step);
    return done(status);
  } catch (e) {
    if (e instanceof NotFoundError) throwAsResponse(e);
    if (e instanceof ForbiddenError)
      return { status: 403, body: { result: submission.reply(), error: "forbidden", done: null } };
    if (e instanceof PaymentReportError) return invalid(422, e.fieldErrors);
    if (e instanceof OrderStateError || e instanceof AlreadyRatedError)
      return { status: 409, body: { result: submission.reply(), error: "conflict", done: null } };
    throw e;
  }
}
