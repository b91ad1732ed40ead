import { createHash, randomBytes, randomInt } from "node:crypto";

/** Random secrets handed to users (cookies, links) and the SHA-256 digests we store instead of them. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** A 6-digit code typed by hand (email verification). */
export function randomCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}
