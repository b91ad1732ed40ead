import { describe, expect, it } from "vitest";
import { signUp, verifyEmailByToken } from "~/modules/accounts/accounts.server";
import { action } from "~/routes/($lang).login";
import { ctx, freshIp, lastMailTo, signupInput, tokenFrom } from "./helpers";

function loginRequest(email: string, password: string) {
  return new Request("http://localhost/login", {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "/account" }),
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "vitest" },
  });
}

type DataResult = { init: { status?: number; headers?: Record<string, string> } | null };

async function post(email: string, password: string, ip: string) {
  const result = await action({
    request: loginRequest(email, password),
    params: {},
    context: { clientIp: ip, requestId: "t", cspNonce: "n" },
  });
  if (result instanceof Response) {
    return {
      status: result.status,
      headers: Object.fromEntries(result.headers),
      cookies: result.headers.getSetCookie(),
    };
  }
  const init = (result as unknown as DataResult).init;
  return { status: init?.status ?? 200, headers: init?.headers ?? {}, cookies: [] as string[] };
}

describe("POST /login", () => {
  it("redirects with a session cookie, answers 401 to a wrong password, and 429 with Retry-After to the 11th try", async () => {
    const input = signupInput();
    await signUp(input, ctx(freshIp()));
    await verifyEmailByToken(
      tokenFrom((await lastMailTo(input.email))?.text ?? "", "/verify-email?token="),
      ctx(freshIp()),
    );
    const ip = freshIp();
    const ok = await post(input.email, input.password, ip);
    expect(ok.status).toBe(302);
    expect(ok.headers.location).toBe("/account");
    expect(ok.cookies[0]).toMatch(/^sm_session=.+HttpOnly; SameSite=Lax/);
    expect(ok.cookies[1]).toMatch(/^sm_device=[\w-]{32}; Path=\/; HttpOnly; SameSite=Lax/);
    for (let i = 2; i <= 10; i++) expect((await post(input.email, "wrong-password-1", ip)).status).toBe(401);
    const limited = await post(input.email, input.password, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["Retry-After"])).toBeGreaterThan(0);
  });
});
