import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";

export type Db = PrismaClient | Prisma.TransactionClient;

/** Statuses in which suppliers can see an RFQ (a draft is the buyer's alone). */
export const VISIBLE_TO_SUPPLIERS = ["PUBLISHED", "CLOSED", "AWARDED", "CANCELLED"] as const;

/** A validation failure of a use case, with field errors as i18n keys of the `rfq` namespace. */
export class RfqValidationError extends Error {
  readonly status = 422;
  constructor(
    readonly fieldErrors: Record<string, string[]>,
    readonly formErrors: string[] = [],
  ) {
    super(`invalid RFQ: ${JSON.stringify({ fieldErrors, formErrors })}`);
  }
}

/** The buyer's own RFQ (scoped by organisation in the query) or NotFound. */
export async function loadBuyerRfq<T extends Prisma.RfqInclude>(
  db: Db,
  actor: Actor,
  id: string,
  include?: T,
): Promise<Prisma.RfqGetPayload<{ include: T }>> {
  requireBuyer(actor);
  const rfq = await db.rfq.findFirst({ where: { id, buyerOrgId: actor.organizationId }, include });
  if (!rfq) throw new NotFoundError("rfq");
  return rfq as Prisma.RfqGetPayload<{ include: T }>;
}

export function rfqLabel(rfq: { number: number; title: string }) {
  return { number: rfq.number, title: rfq.title };
}
