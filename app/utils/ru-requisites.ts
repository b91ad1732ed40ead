/**
 * Russian company and bank requisites: validation and deterministic generation.
 *
 * Pure functions without server dependencies — safe to import in the browser for form validation.
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

// ─── Deterministic generators (demo data, tests) ───────────────────────────

function assertDigits(s: string, length: number, what: string): void {
  if (!isDigits(s, length)) throw new Error(`${what}: expected ${length} digits, got ${JSON.stringify(s)}`);
}

/** Increments the decimal number formed by the last `width` characters of s (wrapping around). */
function bumpTail(s: string, width: number): string {
  const head = s.slice(0, s.length - width);
  const n = (Number(s.slice(s.length - width)) + 1) % 10 ** width;
  return head + String(n).padStart(width, "0");
}

/**
 * A valid 10-digit ИНН from its first 9 digits (region + tax office + serial). If the weighted sum would make the
 * check digit ambiguous (residue 0 or 10 mod 11, where one-digit typos can go undetected), the serial part (last 5 of
 * the 9 digits) is incremented until it is not — so every generated ИНН detects any single-digit change.
 */
export function makeInn10(seedDigits: string): string {
  assertDigits(seedDigits, 9, "makeInn10");
  let s = seedDigits;
  for (;;) {
    const r = weightedSum(digitsOf(s), INN10_WEIGHTS) % 11;
    if (r !== 0 && r !== 10) return s + String(r);
    s = bumpTail(s, 5);
  }
}

/** A valid 12-digit ИНН of an individual from its first 10 digits (same ambiguity rule as makeInn10). */
export function makeInn12(seedDigits: string): string {
  assertDigits(seedDigits, 10, "makeInn12");
  let s = seedDigits;
  for (;;) {
    const r11 = weightedSum(digitsOf(s), INN12_WEIGHTS_11) % 11;
    if (r11 !== 0 && r11 !== 10) {
      const s11 = s + String(r11);
      const r12 = weightedSum(digitsOf(s11), INN12_WEIGHTS_12) % 11;
      if (r12 !== 0 && r12 !== 10) return s11 + String(r12);
    }
    s = bumpTail(s, 5);
  }
}

/**
 * A valid ОГРН from its first 12 digits (sign 1/5, year YY, region, tax office, serial). Residues 0 and 10 (both map to
 * check digit 0) are skipped by incrementing the serial, so every generated ОГРН detects single-digit changes.
 */
export function makeOgrn(seedDigits: string): string {
  assertDigits(seedDigits, 12, "makeOgrn");
  let s = seedDigits;
  for (;;) {
    const r = modDigits(s, 11);
    if (r !== 0 && r !== 10) return s + String(r);
    s = bumpTail(s, 5);
  }
}

/** A valid ОГРНИП from its first 14 digits; residues 0–2 and 10–12 mod 13 are skipped (ambiguous check digit). */
export function makeOgrnip(seedDigits: string): string {
  assertDigits(seedDigits, 14, "makeOgrnip");
  let s = seedDigits;
  for (;;) {
    const r = modDigits(s, 13);
    if (r >= 3 && r <= 9) return s + String(r);
    s = bumpTail(s, 5);
  }
}

/** КПП from a 4-digit tax office code, 2-char reason code (default «01» — registration at the legal address), serial. */
export function makeKpp(taxOffice: string, reason = "01", serial = 1): string {
  const kpp = `${taxOffice}${reason}${String(serial).padStart(3, "0")}`;
  if (!isValidKpp(kpp)) throw new Error(`makeKpp: invalid result ${kpp}`);
  return kpp;
}

function withAccountKey(prefix3: string, account: string): string {
  // key is the 9th digit of the account (position 11 of the 23-digit string, weight 3)
  const zeroed = `${account.slice(0, 8)}0${account.slice(9)}`;
  const d = digitsOf(prefix3 + zeroed);
  let sum = 0;
  for (let i = 0; i < 23; i++) sum += (d[i] * ACCOUNT_WEIGHTS[i % 3]) % 10;
  const key = (((10 - (sum % 10)) % 10) * 7) % 10; // 3·7 ≡ 1 (mod 10)
  return `${account.slice(0, 8)}${key}${account.slice(9)}`;
}

/**
 * A valid расчётный счёт at the bank with this БИК: balance account (default 40702 — commercial organisations),
 * currency 810 (rouble), control key, then an 11-digit serial.
 */
export function makeSettlementAccount(bik: string, serial: number | string, balanceAccount = "40702"): string {
  if (!isValidBik(bik)) throw new Error(`makeSettlementAccount: invalid БИК ${bik}`);
  assertDigits(balanceAccount, 5, "makeSettlementAccount balance account");
  const tail = String(serial).padStart(11, "0");
  assertDigits(tail, 11, "makeSettlementAccount serial");
  return withAccountKey(settlementPrefix(bik), `${balanceAccount}8100${tail}`);
}

/** The correspondent account of a bank at the Bank of Russia: 30101810 K 00000000 + last 3 digits of the БИК. */
export function makeCorrespondentAccount(bik: string): string {
  if (!isValidBik(bik)) throw new Error(`makeCorrespondentAccount: invalid БИК ${bik}`);
  return withAccountKey(`0${bik.slice(4, 6)}`, `301018100000000${bik.slice(6).padStart(5, "0")}`);
}
