/**
 * Russian company and bank requisites: validation (ИНН, КПП, ОГРН, ОГРНИП, БИК, расчётный and корреспондентский счёт).
 *
 * Pure functions without server dependencies — safe to import in the browser for form validation. Other modules reach
 * them through `accounts.schema.ts`. Valid demo and test values come from prisma/seed/ru-requisites.ts.
 * Algorithms:
 *  - ИНН: check digits with the Federal Tax Service weights ((Σ dᵢ·wᵢ) mod 11) mod 10.
 *  - ОГРН: (first 12 digits mod 11) mod 10; ОГРНИП: (first 14 digits mod 13) mod 10.
 *  - Bank accounts: the Bank of Russia control key (weights 7,1,3 over БИК part + 20-digit account, Σ mod 10 = 0).
 */

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const ACCOUNT_WEIGHTS = [7, 1, 3] as const;

function digitsOf(s: string): number[] {
  const out = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) - 48;
  return out;
}

function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digits[i] * weights[i];
  return sum;
}

function isDigits(s: unknown, length: number): s is string {
  if (typeof s !== "string" || s.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Remainder of a decimal digit string modulo a small number (no precision loss for any length). */
function modDigits(s: string, m: number): number {
  let r = 0;
  for (let i = 0; i < s.length; i++) r = (r * 10 + (s.charCodeAt(i) - 48)) % m;
  return r;
}

const inn10Check = (d: readonly number[]) => (weightedSum(d, INN10_WEIGHTS) % 11) % 10;
const inn12Check11 = (d: readonly number[]) => (weightedSum(d, INN12_WEIGHTS_11) % 11) % 10;
const inn12Check12 = (d: readonly number[]) => (weightedSum(d, INN12_WEIGHTS_12) % 11) % 10;

// ─── ИНН ───────────────────────────────────────────────────────────────────

/** ИНН of a legal entity (10 digits) or an individual / individual entrepreneur (12 digits). */
export function isValidInn(s: unknown): boolean {
  if (typeof s !== "string") return false;
  if (s.startsWith("00")) return false; // no region 00
  if (isDigits(s, 10)) return inn10Check(digitsOf(s)) === s.charCodeAt(9) - 48;
  if (isDigits(s, 12)) {
    const d = digitsOf(s);
    return inn12Check11(d) === d[10] && inn12Check12(d) === d[11];
  }
  return false;
}

/** "legal" for a valid 10-digit ИНН, "individual" for a valid 12-digit one, otherwise null. */
export function innKind(inn: unknown): "legal" | "individual" | null {
  if (!isValidInn(inn)) return null;
  return (inn as string).length === 10 ? "legal" : "individual";
}

// ─── КПП ───────────────────────────────────────────────────────────────────

/** КПП: 4 digits (tax office), 2 digits or uppercase Latin letters (reason), 3 digits (serial). */
export function isValidKpp(s: unknown): boolean {
  return typeof s === "string" && /^\d{4}[\dA-Z]{2}\d{3}$/.test(s) && !s.startsWith("0000");
}

// ─── ОГРН / ОГРНИП ─────────────────────────────────────────────────────────

/** ОГРН of a legal entity: 13 digits, first digit 1 or 5, check = (first 12 mod 11) mod 10. */
export function isValidOgrn(s: unknown): boolean {
  if (!isDigits(s, 13)) return false;
  if (s[0] !== "1" && s[0] !== "5") return false;
  return modDigits(s.slice(0, 12), 11) % 10 === s.charCodeAt(12) - 48;
}

/** ОГРНИП of an individual entrepreneur: 15 digits, first digit 3, check = (first 14 mod 13) mod 10. */
export function isValidOgrnip(s: unknown): boolean {
  if (!isDigits(s, 15)) return false;
  if (s[0] !== "3") return false;
  return modDigits(s.slice(0, 14), 13) % 10 === s.charCodeAt(14) - 48;
}

// ─── Bank requisites ───────────────────────────────────────────────────────

/** БИК of a Russian bank: 9 digits starting with «04» (country code of Russia). */
export function isValidBik(s: unknown): s is string {
  return isDigits(s, 9) && s.startsWith("04");
}

/** БИК of a cash settlement centre (РКЦ) of the Bank of Russia ends with 000, 001 or 002. */
function isRkcBik(bik: string): boolean {
  const tail = bik.slice(6);
  return tail === "000" || tail === "001" || tail === "002";
}

function accountKeyOk(prefix3: string, account: string): boolean {
  const d = digitsOf(prefix3 + account);
  let sum = 0;
  for (let i = 0; i < 23; i++) sum += (d[i] * ACCOUNT_WEIGHTS[i % 3]) % 10;
  return sum % 10 === 0;
}

function settlementPrefix(bik: string): string {
  return isRkcBik(bik) ? `0${bik.slice(4, 6)}` : bik.slice(6, 9);
}

/** Расчётный счёт (20 digits) checked against the bank's БИК with the Bank of Russia control key. */
export function isValidSettlementAccount(account: unknown, bik: unknown): boolean {
  if (!isDigits(account, 20) || !isValidBik(bik)) return false;
  return accountKeyOk(settlementPrefix(bik), account);
}

/**
 * Корреспондентский счёт (20 digits, starts with 30101) checked against the bank's БИК: the control key, and — for a
 * credit institution — its last three digits equal the last three digits of the БИК.
 */
export function isValidCorrespondentAccount(account: unknown, bik: unknown): boolean {
  if (!isDigits(account, 20) || !isValidBik(bik)) return false;
  if (!account.startsWith("30101")) return false;
  if (!isRkcBik(bik) && account.slice(17) !== bik.slice(6)) return false;
  return accountKeyOk(`0${bik.slice(4, 6)}`, account);
}

/** The bank line of a document's requisites («р/с … в <банк>, БИК …, к/с …»), or null without a settlement account. */
export function bankAccountLine(p: {
  settlementAccount?: string | null;
  bankName?: string | null;
  bik?: string | null;
  correspondentAccount?: string | null;
}): string | null {
  if (!p.settlementAccount) return null;
  return `р/с ${p.settlementAccount} в ${p.bankName ?? "—"}, БИК ${p.bik ?? "—"}, к/с ${p.correspondentAccount ?? "—"}`;
}
