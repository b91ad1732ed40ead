import { afterEach, describe, expect, it } from "vitest";
import { signUp, verifyEmailByToken } from "~/modules/accounts/accounts.server";
import { action as login } from "~/routes/($lang).login";
import { resetEnvForTests } from "~/utils/env.server";
import { ctx, freshIp, lastMailTo, signupInput, tokenFrom } from "../accounts/helpers";

/** The session cookie set by the real login action: HttpOnly, SameSite=Lax, and Secure exactly when served over HTTPS. */
async function loginCookie(origin: string): Promise<string> {
  const input = signupInput();
  await signUp(input, ctx(freshIp()));
  await verifyEmailByToken(
    tokenFrom((await lastMailTo(input.email))?.text ?? "", "/verify-email?token="),
    ctx(freshIp()),
  );
  const result = await login({
    request: new Request(`${origin}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: input.email, password: input.password, redirectTo: "/account" }),
      headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "vitest" },
    }),
    params: {},
    context: { clientIp: freshIp(), requestId: "t", cspNonce: "n" },
  });
  expect(result).toBeInstanceOf(Response);
  return (result as Response).headers.getSetCookie().find((c) => c.startsWith("sm_session=")) ?? "";
}

afterEach(() => {
  delete process.env.APP_ORIGIN;
  resetEnvForTests();
});

describe("session cookie flags", () => {
  it("HttpOnly and SameSite=Lax, without Secure on plain http (the local demo)", async () => {
    const cookie = await loginCookie("http://localhost");
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it("adds Secure when the public origin is https", async () => {
    process.env.APP_ORIGIN = "https://snabmost.example";
    resetEnvForTests();
    const cookie = await loginCookie("https://snabmost.example");
    expect(cookie).toMatch(/^sm_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
  });
});
