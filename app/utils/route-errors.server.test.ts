import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { CatalogValidationError } from "~/modules/catalog/errors";
import { FileError } from "~/modules/files/file-kinds";
import { OrderStateError } from "~/modules/orders/errors";
import { RateLimitedError } from "./rate-limit.server";
import { fieldErrorsOf, orHttpError, replyToDomainError, throwAsResponse } from "./route-errors.server";

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

/** `data()` of @remix-run/node: the value and its ResponseInit. */
type DataWithInit = { data: unknown; init: { status?: number; headers?: Record<string, string> } | null };

describe("one mapping from domain errors to page responses", () => {
  it("answers a missing or foreign resource with 404 and a forbidden step with 403", async () => {
    await expect(orHttpError(Promise.reject(new NotFoundError("rfq")))).rejects.toMatchObject({ status: 404 });
    await expect(orHttpError(Promise.reject(new ForbiddenError()))).rejects.toMatchObject({ status: 403 });
    expect(thrown(() => throwAsResponse(new NotFoundError()))).toBeInstanceOf(Response);
  });

  it("leaves a user mistake or a conflict to the action's own reply when a use case runs under orHttpError", async () => {
    const mistake = new CatalogValidationError({ sku: ["errors.skuTaken"] });
    await expect(orHttpError(Promise.reject(mistake))).rejects.toBe(mistake);
    const conflict = new OrderStateError();
    await expect(orHttpError(Promise.reject(conflict))).rejects.toBe(conflict);
  });

  it("answers a rate limit with 429 and the Retry-After the use case computed", () => {
    const response = thrown(() => throwAsResponse(new RateLimitedError(42))) as Response;
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("42");
  });

  it("gives a user mistake back to the form as 422 with its field errors, and a conflict as 409", () => {
    const invalid = replyToDomainError(new CatalogValidationError({ sku: ["errors.skuTaken"] }), (e) => ({
      fieldErrors: e.fieldErrors,
    })) as unknown as DataWithInit;
    expect(invalid.init?.status).toBe(422);
    expect(invalid.data).toEqual({ fieldErrors: { sku: ["errors.skuTaken"] } });
    const conflict = replyToDomainError(new OrderStateError(), () => ({
      error: "conflict",
    })) as unknown as DataWithInit;
    expect(conflict.init?.status).toBe(409);
  });

  it("puts an error of the whole upload under the form's file field", () => {
    expect(fieldErrorsOf(new FileError("bad_type"), "certificate")).toEqual({ certificate: ["files:errors.bad_type"] });
  });

  it("rethrows anything that is not a domain error, so the boundary answers 500 with the request id", async () => {
    const bug = new TypeError("x is undefined");
    await expect(orHttpError(Promise.reject(bug))).rejects.toBe(bug);
    expect(thrown(() => replyToDomainError(bug, () => null))).toBe(bug);
    expect(thrown(() => fieldErrorsOf(bug))).toBe(bug);
  });
});
