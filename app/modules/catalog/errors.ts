import { DomainError } from "~/utils/domain-error";

/** A user mistake found by a use case (e.g. a taken SKU, a bad spec value): field → i18n key of `catalog`. */
export class CatalogValidationError extends DomainError {
  constructor(fieldErrors: Record<string, string[]>) {
    super("invalid", "catalog validation failed", { fieldErrors });
  }
}
