import type { Prisma } from "~/generated/prisma/client";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import {
  FileError,
  IMAGE_KINDS,
  registerFileReadPolicy,
  saveUpload,
  type UploadInput,
} from "~/modules/files/files.server";
import { notify } from "~/modules/notifications/notifications.server";
import {
  cancelOrderAfterRefund,
  type InvoiceKindCode,
  orderMoney,
  paymentChoosable,
  performOrderStep,
  recordPaymentReceived,
} from "~/modules/orders/index.server";
import { getPrisma } from "~/utils/db.server";
import { DomainError } from "~/utils/domain-error";
import type { PaymentProvider, RefundResult, WebhookOutcome } from "./provider";

/**
 * Payments by bank transfer against each счёт of an order (the whole order, or the advance then the balance): the buyer
 * reports «оплачено» with the платёжное поручение number and date; the supplier confirms receipt. A confirmed payment
 * counts towards «оплачено»; once the first счёт is covered an order awaiting payment becomes PAID.
 */
export class PaymentReportError extends DomainError {
  constructor(fieldErrors: Record<string, string[]>) {
    super("invalid", `invalid payment report: ${JSON.stringify(fieldErrors)}`, { fieldErrors });
  }
}

export interface PaymentReportInput {
  kind: InvoiceKindCode;
  payOrderNumber: string;
  /** Moscow date of the платёжное поручение */
  payOrderDate: Date;
  /** The scan of the платёжное поручение (PDF or a photo), optional */
  file?: UploadInput | null;
}

/** What a scan of a платёжное поручение may be: a PDF or a photo. */
export const PAY_ORDER_FILE_KINDS = ["pdf", ...IMAGE_KINDS] as const;

/**
 * Who may read a платёжное поручение scan: both parties of the order it was reported for (the buyer uploaded it, the
 * supplier checks it against the bank statement). Tenant-scoped in the query.
 */
export async function canReadPayOrderFile(actor: Actor | null, fileId: string): Promise<boolean> {
  if (!actor?.organizationId) return false;
  const found = await getPrisma().payment.count({
    where: {
      payOrderFileId: fileId,
      order: { OR: [{ buyerOrgId: actor.organizationId }, { supplierOrgId: actor.organizationId }] },
    },
  });
  return found > 0;
}

/** Registers the платёжное поручение read policy with the files module (idempotent). */
export function registerPayOrderFilePolicy(): void {
  registerFileReadPolicy("pay-order", (actor, file) => canReadPayOrderFile(actor, file.id));
}

async function loadOrder(actor: Actor, orderId: string) {
  if (!actor.organizationId) throw new NotFoundError("order");
  const order = await getPrisma().order.findFirst({
    where: { id: orderId, OR: [{ buyerOrgId: actor.organizationId }, { supplierOrgId: actor.organizationId }] },
    include: { lines: true, payments: true },
  });
  if (!order) throw new NotFoundError("order");
  return order;
}

/** The buyer reports the payment of one счёт of the order. */
export async function reportInvoicePayment(actor: Actor, orderId: string, input: PaymentReportInput) {
  const order = await loadOrder(actor, orderId);
  if (order.buyerOrgId !== actor.organizationId) throw new ForbiddenError("only the buyer reports a payment");
  if (!order.invoiceNumber || order.status === "CANCELLED")
    throw new PaymentReportError({ kind: ["errors.noInvoice"] });
  const invoice = orderMoney(order).invoices.find((i) => i.kind === input.kind);
  if (!invoice) throw new PaymentReportError({ kind: ["errors.noInvoice"] });
  if (order.payments.some((p) => p.invoiceKind === input.kind && p.status !== "FAILED" && p.status !== "REFUNDED"))
    throw new PaymentReportError({ kind: ["errors.alreadyReported"] });
  // The scan is written before the transaction (PGlite is one connection: no slow I/O inside a transaction).
  let payOrderFileId: string | null = null;
  if (input.file) {
    try {
      const stored = await saveUpload({
        organizationId: actor.organizationId as string,
        uploadedById: actor.userId,
        file: input.file,
        allowed: PAY_ORDER_FILE_KINDS,
      });
      payOrderFileId = stored.id;
    } catch (error) {
      if (error instanceof FileError)
        throw new PaymentReportError({
          payOrderFile: [`files:errors.${error.code}::${JSON.stringify(error.params ?? {})}`],
        });
      throw error;
    }
  }
  return getPrisma().$transaction(async (tx) => {
    const payment = await tx.payment.create({
      data: {
        orderId: order.id,
        provider: "INVOICE",
        status: "PENDING",
        invoiceKind: input.kind,
        amountKopecks: invoice.totals.total.gross,
        payOrderNumber: input.payOrderNumber,
        payOrderDate: input.payOrderDate,
        payOrderFileId,
        reportedAt: new Date(),
      },
    });
    await recordAudit(tx, {
      entityType: "order",
      entityId: order.id,
      action: "order.paymentReported",
      actor,
      data: {
        kind: input.kind,
        payOrderNumber: input.payOrderNumber,
        payOrderFileId,
        amountKopecks: payment.amountKopecks.toString(),
      },
    });
    await notify(tx, {
      type: "order_paid",
      recipients: { orgIds: [order.supplierOrgId] },
      params: { number: order.number },
      link: `/orders/${order.id}`,
      aggregateId: order.id,
      about: { orderId: order.id, fromOrgId: order.buyerOrgId },
    });
    return { paymentId: payment.id };
  });
}

/** The supplier confirms that a reported payment reached its account. */
export async function confirmInvoicePayment(actor: Actor, orderId: string, paymentId: string) {
  const outcome = await invoiceProvider.handleWebhook({ actor, orderId, paymentId });
  if (outcome !== "applied") throw new NotFoundError("payment");
}

/**
 * The bank-transfer provider's notice: the supplier saw the платёжное поручение's money on its account (the bank
 * statement is the supplier's, so its confirmation is the «webhook» of this provider). Exactly once per payment.
 */
export interface InvoiceNotice {
  actor: Actor;
  orderId: string;
  paymentId: string;
}

async function applyInvoiceNotice({ actor, orderId, paymentId }: InvoiceNotice): Promise<WebhookOutcome> {
  const order = await loadOrder(actor, orderId);
  if (order.supplierOrgId !== actor.organizationId) throw new ForbiddenError("only the supplier confirms receipt");
  const payment = order.payments.find((p) => p.id === paymentId && p.provider === "INVOICE");
  if (!payment) throw new NotFoundError("payment");
  if (payment.status === "SUCCEEDED" || payment.status === "REFUNDED") return "duplicate";
  if (payment.status !== "PENDING" || !payment.reportedAt) return "ignored";
  const confirmed =
    order.payments.filter((p) => p.status === "SUCCEEDED").reduce((s, p) => s + p.amountKopecks, 0n) +
    payment.amountKopecks;
  return getPrisma().$transaction(async (tx) => {
    const done = await tx.payment.updateMany({
      where: { id: payment.id, status: "PENDING" },
      data: { status: "SUCCEEDED", confirmedAt: new Date() },
    });
    if (done.count !== 1) return "duplicate" as const;
    await recordAudit(tx, {
      entityType: "order",
      entityId: order.id,
      action: "order.paymentConfirmed",
      actor,
      data: { kind: payment.invoiceKind, amountKopecks: payment.amountKopecks.toString() },
    });
    await recordPaymentReceived(tx, order.id, { provider: "INVOICE", confirmedKopecks: confirmed, via: payment.id });
    return "applied" as const;
  });
}

/**
 * The supplier sent the money of a confirmed transfer back (a refund by bank transfer is the supplier's own payment):
 * the payment becomes REFUNDED and a paid, unshipped order is cancelled by the orders module.
 */
async function refundInvoicePayment(actor: Actor, paymentId: string): Promise<RefundResult> {
  if (!actor.organizationId && !actor.isOperator) throw new NotFoundError("payment");
  const payment = await getPrisma().payment.findFirst({
    where: {
      id: paymentId,
      provider: "INVOICE",
      ...(actor.isOperator ? {} : { order: { supplierOrgId: actor.organizationId as string } }),
    },
  });
  if (!payment) throw new NotFoundError("payment");
  if (payment.status === "REFUNDED") return { paymentId, status: "REFUNDED" };
  if (payment.status !== "SUCCEEDED") throw new ForbiddenError("only a received payment is refunded");
  await getPrisma().$transaction(async (tx) => {
    const done = await tx.payment.updateMany({
      where: { id: payment.id, status: "SUCCEEDED" },
      data: { status: "REFUNDED" },
    });
    if (done.count !== 1) return;
    await recordAudit(tx, {
      entityType: "order",
      entityId: payment.orderId,
      action: "payment.refunded",
      actor,
      data: { paymentId: payment.id, provider: "INVOICE" },
    });
    await cancelOrderAfterRefund(tx, payment.orderId, payment.id);
  });
  return { paymentId, status: "REFUNDED" };
}

/** The supplier marked the whole order paid in one step («Оплата получена», the API, 1C): the payment row. */
export async function recordManualInvoicePayment(
  tx: Prisma.TransactionClient,
  payment: { orderId: string; amountKopecks: bigint },
): Promise<void> {
  await tx.payment.create({
    data: {
      orderId: payment.orderId,
      provider: "INVOICE",
      status: "SUCCEEDED",
      amountKopecks: payment.amountKopecks,
      confirmedAt: new Date(),
    },
  });
}

export const invoiceProvider: PaymentProvider<InvoiceNotice> = {
  method: "INVOICE",
  isAvailable: (o) => paymentChoosable(o.status),
  /** The buyer chooses to pay by invoice: the order waits for payment; the счёт is the next step. */
  async start(actor, orderId) {
    await performOrderStep(actor, orderId, { action: "choosePayment" });
    return { kind: "invoice", invoiceUrl: `/orders/${orderId}/invoice.pdf` };
  },
  handleWebhook: applyInvoiceNotice,
  refund: refundInvoicePayment,
};
