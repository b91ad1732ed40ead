import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, isCommonPassword, verifyPassword } from "./passwords.server";

describe("passwords", () => {
  it("hashes with argon2id and verifies", async () => {
    const h = await hashPassword("correct horse battery");
    expect(h.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(h, "correct horse battery")).toBe(true);
    expect(await verifyPassword(h, "wrong horse battery")).toBe(false);
    expect(await verifyPassword("garbage", "x")).toBe(false);
  });
  it("knows the common passwords of the bundled list, case-insensitively", () => {
    expect(isCommonPassword("qwertyuiop")).toBe(true);
    expect(isCommonPassword("1234567890")).toBe(true);
    expect(isCommonPassword("Password123")).toBe(true);
    expect(isCommonPassword("Тр4нсф0рматор-ТМГ")).toBe(false);
  });
  it("generates long random passwords that are not common", () => {
    const p = generatePassword();
    expect(p).toHaveLength(20);
    expect(isCommonPassword(p)).toBe(false);
    expect(generatePassword()).not.toBe(p);
  });
});
