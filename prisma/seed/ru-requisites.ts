/**
 * Deterministic generators of valid Russian requisites for the demo data and tests (ИНН, ОГРН, ОГРНИП, КПП, bank
 * accounts).
 *
 * Built only on the product's validators (app/modules/accounts/ru-requisites.ts, through the accounts module's schema
 * door): a check digit is the one digit the validator accepts. A seed whose check digit would be ambiguous (0 — the
 * residue was 0 or 10, where some one-digit typos go undetected) has its serial part incremented until it is not, so
 * every generated value detects any single-digit change.
 */
import {
  isValidBik,
  isValidCorrespondentAccount,
  isValidInn,
  isValidKpp,
  isValidOgrn,
  isValidOgrnip,
  isValidSettlementAccount,
} from "../../app/modules/accounts/accounts.schema";

const DIGITS = "0123456789";

function assertDigits(s: string, length: number, what: string): void {
  if (!new RegExp(`^\\d{${length}}$`).test(s))
    throw new Error(`${what}: expected ${length} digits, got ${JSON.stringify(s)}`);
}

/** Increments the decimal number formed by the last `width` characters of s (wrapping around). */
function bumpTail(s: string, width: number): string {
  const head = s.slice(0, s.length - width);
  const n = (Number(s.slice(s.length - width)) + 1) % 10 ** width;
  return head + String(n).padStart(width, "0");
}

/** The digit d for which `valid(prefix + d + suffix)` holds (there is exactly one for a check digit). */
function checkDigit(prefix: string, suffix: string, valid: (s: string) => boolean, what: string): string {
  const d = [...DIGITS].find((c) => valid(prefix + c + suffix));
  if (d === undefined) throw new Error(`${what}: no check digit for ${prefix}?${suffix}`);
  return d;
}

/** A valid 10-digit ИНН from its first 9 digits (region + tax office + serial; the serial is the last 5). */
export function makeInn10(seedDigits: string): string {
  assertDigits(seedDigits, 9, "makeInn10");
  for (let s = seedDigits; ; s = bumpTail(s, 5)) {
    const d = checkDigit(s, "", isValidInn, "makeInn10");
    if (d !== "0") return s + d;
  }
}

/** A valid 12-digit ИНН of an individual from its first 10 digits (same ambiguity rule as makeInn10). */
export function makeInn12(seedDigits: string): string {
  assertDigits(seedDigits, 10, "makeInn12");
  for (let s = seedDigits; ; s = bumpTail(s, 5)) {
    for (const d11 of DIGITS) {
      const d12 = [...DIGITS].find((c) => isValidInn(s + d11 + c));
      if (d12 !== undefined && d11 !== "0" && d12 !== "0") return s + d11 + d12;
    }
  }
}

/** A valid ОГРН from its first 12 digits (sign 1/5, year YY, region, tax office, serial). */
export function makeOgrn(seedDigits: string): string {
  assertDigits(seedDigits, 12, "makeOgrn");
  for (let s = seedDigits; ; s = bumpTail(s, 5)) {
    const d = checkDigit(s, "", isValidOgrn, "makeOgrn");
    if (d !== "0") return s + d;
  }
}

/** A valid ОГРНИП from its first 14 digits; check digits 0–2 (residues 0–2 and 10–12 mod 13) are ambiguous. */
export function makeOgrnip(seedDigits: string): string {
  assertDigits(seedDigits, 14, "makeOgrnip");
  for (let s = seedDigits; ; s = bumpTail(s, 5)) {
    const d = checkDigit(s, "", isValidOgrnip, "makeOgrnip");
    if (d >= "3") return s + d;
  }
}

/** КПП from a 4-digit tax office code, 2-char reason code (default «01» — registration at the legal address), serial. */
export function makeKpp(taxOffice: string, reason = "01", serial = 1): string {
  const kpp = `${taxOffice}${reason}${String(serial).padStart(3, "0")}`;
  if (!isValidKpp(kpp)) throw new Error(`makeKpp: invalid result ${kpp}`);
  return kpp;
}

/**
 * A valid расчётный счёт at the bank with this БИК: balance account (default 40702 — commercial organisations),
 * currency 810 (rouble), the control key (9th digit), then an 11-digit serial.
 */
export function makeSettlementAccount(bik: string, serial: number | string, balanceAccount = "40702"): string {
  if (!isValidBik(bik)) throw new Error(`makeSettlementAccount: invalid БИК ${bik}`);
  assertDigits(balanceAccount, 5, "makeSettlementAccount balance account");
  const tail = String(serial).padStart(11, "0");
  assertDigits(tail, 11, "makeSettlementAccount serial");
  const head = `${balanceAccount}810`;
  return head + checkDigit(head, tail, (a) => isValidSettlementAccount(a, bik), "makeSettlementAccount") + tail;
}

/** The correspondent account of a bank at the Bank of Russia: 30101810 K 00000000 + last 3 digits of the БИК. */
export function makeCorrespondentAccount(bik: string): string {
  if (!isValidBik(bik)) throw new Error(`makeCorrespondentAccount: invalid БИК ${bik}`);
  const head = "30101810";
  const tail = `000000${bik.slice(6).padStart(5, "0")}`;
  return head + checkDigit(head, tail, (a) => isValidCorrespondentAccount(a, bik), "makeCorrespondentAccount") + tail;
}
