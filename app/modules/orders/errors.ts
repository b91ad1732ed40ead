/** Thrown when the order is not in a status that allows the step (someone else was quicker); routes answer 409. */
export class OrderStateError extends Error {
  readonly status = 409;
  constructor(message = "order status does not allow this") {
    super(message);
  }
}

/**
 * Bad input to a shipment / приёмка / рекламация form that only the data can tell (more than is left to ship, a
 * rejected quantity above the shipped one): `field` names the form field, `code` is an i18n key of the orders namespace.
 * Routes answer 400 with the message next to the field.
 */
export class FulfilmentInputError extends Error {
  readonly status = 400;
  constructor(
    readonly field: string,
    readonly code: string,
  ) {
    super(`${field}: ${code}`);
  }
}
