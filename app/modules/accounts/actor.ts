import type { MemberRole, OrgKind } from "~/generated/prisma/enums";
import { DomainError } from "~/utils/domain-error";

/**
 * Who performs a use case. Every module use case takes an Actor and refuses what it may not do;
 * tenant scoping uses `organizationId` inside the query.
 */
export interface Actor {
  userId: string;
  /** The organisation the user currently acts for (null for an operator without one). */
  organizationId: string | null;
  orgKind: OrgKind | null;
  role: MemberRole | null;
  isOperator: boolean;
}

/** Thrown by use cases for a missing or foreign resource; routes answer 404. */
export class NotFoundError extends DomainError {
  constructor(what = "resource") {
    super("not_found", `${what} not found`);
  }
}

/** Thrown when the actor may not do this at all (wrong role or organisation kind); routes answer 403. */
export class ForbiddenError extends DomainError {
  constructor(message = "forbidden") {
    super("forbidden", message);
  }
}

export function isSupplier(actor: Actor): actor is Actor & { organizationId: string; orgKind: "SUPPLIER" } {
  return actor.organizationId !== null && actor.orgKind === "SUPPLIER";
}

export function isBuyer(actor: Actor): actor is Actor & { organizationId: string; orgKind: "BUYER" } {
  return actor.organizationId !== null && actor.orgKind === "BUYER";
}

export function requireSupplier(
  actor: Actor,
): asserts actor is Actor & { organizationId: string; orgKind: "SUPPLIER" } {
  if (!isSupplier(actor)) throw new ForbiddenError("supplier organisation required");
}

export function requireBuyer(actor: Actor): asserts actor is Actor & { organizationId: string; orgKind: "BUYER" } {
  if (!isBuyer(actor)) throw new ForbiddenError("buyer organisation required");
}

export function requireOperator(actor: Actor) {
  if (!actor.isOperator) throw new ForbiddenError("operator required");
}
