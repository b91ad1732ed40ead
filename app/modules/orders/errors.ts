import { DomainError } from "~/utils/domain-error";

/** Thrown when the order is not in a status that allows the step (someone else was quicker); routes answer 409. */
export class OrderStateError extends DomainError {
  constructor(message = "order status does not allow this") {
    super("conflict", message);
  }
}

/**
 * Bad input to a shipment / приёмка / рекламация form that only the data can tell (more than is left to ship, a
 * rejected quantity above the shipped one): `field` names the form field, `code` is an i18n key of the orders namespace.
 * Routes answer 400 with the message next to the field.
 */
export class FulfilmentInputError extends DomainError {
  constructor(
    readonly field: string,
    readonly code: string,
  ) {
    super("invalid", `${field}: ${code}`, { fieldErrors: { [field]: [code] } });
  }
}
