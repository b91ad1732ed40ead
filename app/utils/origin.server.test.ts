import { describe, expect, it } from "vitest";
import { publicOrigin } from "./origin.server";

describe("public origin", () => {
  it("is APP_ORIGIN when set, else the configured host and port — never a request header", () => {
    expect(publicOrigin({ APP_ORIGIN: "https://snabmost.ru/", HOST: "0.0.0.0", PORT: 3000 })).toBe(
      "https://snabmost.ru",
    );
    expect(publicOrigin({ APP_ORIGIN: undefined, HOST: "0.0.0.0", PORT: 3000 })).toBe("http://localhost:3000");
    expect(publicOrigin({ APP_ORIGIN: undefined, HOST: "127.0.0.1", PORT: 8080 })).toBe("http://127.0.0.1:8080");
    expect(publicOrigin({ APP_ORIGIN: undefined, HOST: "::1", PORT: 80 })).toBe("http://[::1]");
  });
});
