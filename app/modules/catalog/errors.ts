/** A user mistake found by a use case (e.g. a taken SKU, a bad spec value): field → i18n key of `catalog`. */
export class CatalogValidationError extends Error {
  readonly status = 422;
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super("catalog validation failed");
  }
}
