import { describe, expect, it } from "vitest";
import { RateLimitedError } from "./rate-limit.server";
import { replyOnRateLimit } from "./rate-limit-reply.server";

describe("replyOnRateLimit", () => {
  it("passes the use case's answer through", async () => {
    await expect(
      replyOnRateLimit(
        async () => "ok",
        () => "reply",
      ),
    ).resolves.toBe("ok");
  });

  it("turns a rate limit into 429 with Retry-After, the form reply and the seconds to wait", async () => {
    const res = await replyOnRateLimit(
      async () => {
        throw new RateLimitedError(42);
      },
      () => ({ status: "error" }),
    );
    expect(res).toMatchObject({
      data: { result: { status: "error" }, retryAfter: 42 },
      init: { status: 429, headers: { "Retry-After": "42" } },
    });
  });

  it("rethrows other errors", async () => {
    await expect(
      replyOnRateLimit(
        async () => {
          throw new Error("boom");
        },
        () => null,
      ),
    ).rejects.toThrow("boom");
  });
});
