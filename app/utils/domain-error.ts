/**
 * The one base of every error a module use case throws on purpose. A use case says WHAT went wrong (`kind`, field
 * errors as i18n keys); only the edge (app/utils/route-errors.server.ts for pages, the REST API's error mapping for
 * JSON) decides which HTTP answer that is. Modules never build HTTP responses.
 */
export type DomainErrorKind = "invalid" | "not_found" | "forbidden" | "conflict" | "rate_limited";

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  rate_limited: 429,
};

export interface DomainErrorDetails {
  /** Field → i18n keys of the module's namespace (user mistakes shown next to the field). */
  fieldErrors?: Record<string, string[]>;
  /** i18n keys shown above the form. */
  formErrors?: string[];
  /** Seconds until a rate-limited action may be tried again. */
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  readonly fieldErrors: Record<string, string[]>;
  readonly formErrors: string[];
  readonly retryAfterSeconds: number;
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.fieldErrors = details.fieldErrors ?? {};
    this.formErrors = details.formErrors ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds ?? 0;
  }

  /** The HTTP status the edge answers with. */
  get status(): number {
    return STATUS_OF_KIND[this.kind];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
