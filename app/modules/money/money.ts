/**
 * Money arithmetic in kopecks (BigInt). Pure and client-safe: used by the quote form (totals as you type), the
 * comparison, awards and orders.
 *
 * Rounding follows Russian invoices (счёт-фактура / УПД): every line is rounded to the kopeck on its own — line net =
 * round(price × qty), line VAT = round(net × rate / 100) — and documents sum the rounded lines. Rounding is half-up
 * (half away from zero for negative amounts).
 */

export type VatRateCode = "VAT22" | "VAT20" | "VAT10" | "VAT7" | "VAT5" | "VAT0" | "NO_VAT";

/**
 * Percent per rate; `null` = «без НДС» (not a VAT payer / exempt, ст. 145, 346.11 НК РФ), distinct from 0 % (export,
 * ст. 164 п. 1). Which rate may be used when, and by whom, is in vat.ts.
 */
export const VAT_RATES: Readonly<Record<VatRateCode, number | null>> = Object.freeze({
  VAT22: 22,
  VAT20: 20,
  VAT10: 10,
  VAT7: 7,
  VAT5: 5,
  VAT0: 0,
  NO_VAT: null,
});

/** Every rate code, in the order forms list them. */
export const VAT_RATE_CODES: readonly VatRateCode[] = ["VAT22", "VAT20", "VAT10", "VAT7", "VAT5", "VAT0", "NO_VAT"];

export function isVatRateCode(value: unknown): value is VatRateCode {
  return typeof value === "string" && Object.hasOwn(VAT_RATES, value);
}

export type Kopecks = bigint;

export interface Amounts {
  net: bigint;
  vat: bigint;
  gross: bigint;
}

export const ZERO_AMOUNTS: Amounts = Object.freeze({ net: 0n, vat: 0n, gross: 0n }) as Amounts;

/** Integer division rounded half away from zero. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  if (denominator < 0n) return divRound(-numerator, -denominator);
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

export function toKopecks(value: bigint | number | string): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new RangeError(`kopecks must be a safe integer: ${value}`);
    return BigInt(value);
  }
  if (!/^-?\d+$/.test(value.trim())) throw new RangeError(`kopecks must be an integer: ${value}`);
  return BigInt(value.trim());
}

const QTY_RE = /^(-?)(\d+)(?:[.,](\d{0,3}))?$/;

/** Quantity ("12.5", "12,5", 12.5, up to 3 decimals) → thousandths as BigInt. Throws on more decimals / garbage. */
export function quantityToMilli(quantity: string | number | { toString(): string }): bigint {
  const text = typeof quantity === "number" ? quantityNumberToString(quantity) : String(quantity).trim();
  const m = QTY_RE.exec(text);
  if (!m) throw new RangeError(`invalid quantity: ${text}`);
  const [, sign, whole, frac = ""] = m;
  const milli = BigInt(whole) * 1000n + BigInt(`${frac}000`.slice(0, 3));
  return sign === "-" ? -milli : milli;
}

function quantityNumberToString(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`invalid quantity: ${n}`);
  // Avoid exponent notation and binary noise: 3 decimals max.
  const rounded = Math.round(n * 1000) / 1000;
  if (Math.abs(rounded - n) > 1e-9) throw new RangeError(`quantity has more than 3 decimals: ${n}`);
  return rounded.toFixed(3);
}

/**
 * The one parser of user-typed rouble amounts: "1 234 567,89", "1234567.89", "1 234 567 руб.", "1 234,5 ₽", "-10" →
 * kopecks; null when it is not an amount (letters, more than 2 decimals, two separators). Negative amounts parse (the
 * caller decides whether they are allowed, so it can say «не может быть отрицательной» instead of «не число»).
 */
export function parseRublesToKopecks(input: string): bigint | null {
  const text = input
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/(₽|руб\.?|р\.|rub\.?)$/i, "")
    .replace(",", ".");
  const m = /^(-?)(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return null;
  const [, sign, whole, frac = ""] = m;
  const k = BigInt(whole) * 100n + BigInt(`${frac}00`.slice(0, 2));
  return sign === "-" ? -k : k;
}

/** Kopecks → "1234.56" (plain, for inputs and exports). */
export function kopecksToDecimalString(kopecks: bigint): string {
  const negative = kopecks < 0n;
  const abs = negative ? -kopecks : kopecks;
  const s = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${s}` : s;
}

export interface LineInput {
  unitPriceKopecks: bigint | number;
  quantity: string | number;
  vatRate: VatRateCode;
  /** true: the unit price already includes VAT («в том числе»); default false: VAT on top («сверху»). */
  priceIncludesVat?: boolean;
}

/** One invoice line, rounded as the line of a Russian invoice. */
export function lineAmounts(input: LineInput): Amounts {
  const price = toKopecks(input.unitPriceKopecks);
  const qtyMilli = quantityToMilli(input.quantity);
  const rate = VAT_RATES[input.vatRate];
  if (rate === undefined) throw new RangeError(`unknown VAT rate: ${input.vatRate}`);
  const extended = divRound(price * qtyMilli, 1000n);
  if (input.priceIncludesVat) {
    const gross = extended;
    const vat = vatIncluded(gross, rate);
    return { net: gross - vat, vat, gross };
  }
  const net = extended;
  const vat = vatOnTop(net, rate);
  return { net, vat, gross: net + vat };
}

/** VAT charged on top of a net amount («сверху»). */
export function vatOnTop(netKopecks: bigint, rate: number | null): bigint {
  if (rate === null || rate === 0) return 0n;
  return divRound(netKopecks * BigInt(rate), 100n);
}

/** VAT contained in a gross amount («в том числе»): gross × rate / (100 + rate). */
export function vatIncluded(grossKopecks: bigint, rate: number | null): bigint {
  if (rate === null || rate === 0) return 0n;
  return divRound(grossKopecks * BigInt(rate), BigInt(100 + rate));
}

/** Amounts of a single (non-quantity) charge such as delivery. */
export function chargeAmounts(kopecks: bigint | number, vatRate: VatRateCode, priceIncludesVat = false): Amounts {
  return lineAmounts({ unitPriceKopecks: kopecks, quantity: 1, vatRate, priceIncludesVat });
}

export function sumAmounts(lines: Iterable<Amounts>): Amounts {
  let net = 0n;
  let vat = 0n;
  let gross = 0n;
  for (const l of lines) {
    net += l.net;
    vat += l.vat;
    gross += l.gross;
  }
  return { net, vat, gross };
}

// ---------------------------------------------------------------------------------------------------------------
// Amount in words (сумма прописью)

const ONES_M = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
const ONES_F = ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
const TEENS = [
  "десять",
  "одиннадцать",
  "двенадцать",
  "тринадцать",
  "четырнадцать",
  "пятнадцать",
  "шестнадцать",
  "семнадцать",
  "восемнадцать",
  "девятнадцать",
];
const TENS = [
  "",
  "",
  "двадцать",
  "тридцать",
  "сорок",
  "пятьдесят",
  "шестьдесят",
  "семьдесят",
  "восемьдесят",
  "девяносто",
];
const HUNDREDS = [
  "",
  "сто",
  "двести",
  "триста",
  "четыреста",
  "пятьсот",
  "шестьсот",
  "семьсот",
  "восемьсот",
  "девятьсот",
];

type Forms = readonly [one: string, few: string, many: string];
const SCALES: ReadonlyArray<{ forms: Forms; feminine: boolean }> = [
  { forms: ["", "", ""], feminine: false },
  { forms: ["тысяча", "тысячи", "тысяч"], feminine: true },
  { forms: ["миллион", "миллиона", "миллионов"], feminine: false },
  { forms: ["миллиард", "миллиарда", "миллиардов"], feminine: false },
  { forms: ["триллион", "триллиона", "триллионов"], feminine: false },
  { forms: ["квадриллион", "квадриллиона", "квадриллионов"], feminine: false },
];

/** Russian plural form for n: 1 рубль, 2 рубля, 5 рублей, 11 рублей, 21 рубль. */
export function pluralRu(n: bigint | number, forms: Forms): string {
  const abs = typeof n === "bigint" ? (n < 0n ? -n : n) : Math.abs(n);
  const mod100 = Number(BigInt(abs) % 100n);
  const mod10 = mod100 % 10;
  if (mod100 >= 11 && mod100 <= 14) return forms[2];
  if (mod10 === 1) return forms[0];
  if (mod10 >= 2 && mod10 <= 4) return forms[1];
  return forms[2];
}

function tripletWords(n: number, feminine: boolean): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) words.push(HUNDREDS[h]);
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10]);
  else {
    const t = Math.floor(rest / 10);
    const o = rest % 10;
    if (t) words.push(TENS[t]);
    if (o) words.push((feminine ? ONES_F : ONES_M)[o]);
  }
  return words;
}

/** Whole number in Russian words (masculine by default), "ноль" for 0. */
export function integerInWordsRu(value: bigint, feminine = false): string {
  if (value < 0n) return `минус ${integerInWordsRu(-value, feminine)}`;
  if (value === 0n) return "ноль";
  const triplets: number[] = [];
  let v = value;
  while (v > 0n) {
    triplets.push(Number(v % 1000n));
    v /= 1000n;
  }
  if (triplets.length > SCALES.length) throw new RangeError("amount too large");
  const words: string[] = [];
  for (let i = triplets.length - 1; i >= 0; i--) {
    const t = triplets[i];
    if (t === 0) continue;
    const scale = SCALES[i];
    words.push(...tripletWords(t, i === 0 ? feminine : scale.feminine));
    if (i > 0) words.push(pluralRu(t, scale.forms));
  }
  return words.join(" ");
}

const RUBLE: Forms = ["рубль", "рубля", "рублей"];
const KOPECK: Forms = ["копейка", "копейки", "копеек"];

/** 120000000n → «Один миллион двести тысяч рублей 00 копеек». */
export function amountInWordsRu(kopecks: bigint | number): string {
  const k = toKopecks(kopecks);
  const negative = k < 0n;
  const abs = negative ? -k : k;
  const rubles = abs / 100n;
  const kop = abs % 100n;
  const text = `${negative ? "минус " : ""}${integerInWordsRu(rubles)} ${pluralRu(rubles, RUBLE)} ${kop
    .toString()
    .padStart(2, "0")} ${pluralRu(kop, KOPECK)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Document totals: goods, delivery (its own line with its own VAT), НДС by rate; advance and balance

export interface RatedAmounts extends Amounts {
  vatRate: VatRateCode;
}

export interface DocumentTotals {
  /** Goods lines only. */
  goods: Amounts;
  /** The delivery line (zero when there is none). */
  delivery: Amounts;
  /** Goods + delivery. */
  total: Amounts;
  /** One entry per rate present (goods and delivery together), in VAT_RATE_CODES order; «без НДС» is its own entry. */
  byRate: RatedAmounts[];
}

/**
 * Totals of a document from its already rounded lines and its delivery charge. Every surface (order page, счёт, XLSX,
 * API, comparison) calls this, so they cannot disagree: total = Σ lines + delivery, VAT = Σ byRate.vat.
 */
export function documentTotals(
  lines: Iterable<RatedAmounts>,
  delivery?: { kopecks: bigint | number; vatRate: VatRateCode } | null,
): DocumentTotals {
  const list = [...lines];
  const goods = sumAmounts(list);
  const deliveryAmounts =
    delivery && toKopecks(delivery.kopecks) !== 0n ? chargeAmounts(delivery.kopecks, delivery.vatRate) : ZERO_AMOUNTS;
  const rated =
    deliveryAmounts === ZERO_AMOUNTS || !delivery ? list : [...list, { ...deliveryAmounts, vatRate: delivery.vatRate }];
  const byRate = new Map<VatRateCode, Amounts>();
  for (const l of rated) {
    const acc = byRate.get(l.vatRate) ?? { net: 0n, vat: 0n, gross: 0n };
    byRate.set(l.vatRate, { net: acc.net + l.net, vat: acc.vat + l.vat, gross: acc.gross + l.gross });
  }
  return {
    goods,
    delivery: { ...deliveryAmounts },
    total: sumAmounts([goods, deliveryAmounts]),
    byRate: VAT_RATE_CODES.filter((r) => byRate.has(r)).map((r) => ({ vatRate: r, ...(byRate.get(r) as Amounts) })),
  };
}

export interface InstallmentTotals {
  total: Amounts;
  byRate: RatedAmounts[];
}

/**
 * Splits a document into the счёт на предоплату (exactly `percent` % of the gross total, rounded to the kopeck) and the
 * счёт on the balance. The advance is spread over the rates in proportion to their gross (largest remainder, so the
 * shares sum to the advance exactly); the VAT in each share is «в том числе» at that rate (ст. 164 п. 4 НК РФ:
 * 22/122). The balance is the document minus the advance, rate by rate, so advance + balance = the document to the kopeck.
 */
export function splitAdvance(
  doc: Pick<DocumentTotals, "total" | "byRate">,
  percent: number,
): { advance: InstallmentTotals; balance: InstallmentTotals } {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100)
    throw new RangeError(`bad prepayment percent: ${percent}`);
  const advanceGross = divRound(doc.total.gross * BigInt(percent), 100n);
  const positive = doc.byRate.filter((r) => r.gross > 0n);
  const base = positive.reduce((s, r) => s + r.gross, 0n);
  const shares = positive.map((r) => {
    const exact = base === 0n ? 0n : r.gross * advanceGross;
    return { rate: r.vatRate, floor: base === 0n ? 0n : exact / base, rem: base === 0n ? 0n : exact % base };
  });
  let left = advanceGross - shares.reduce((s, x) => s + x.floor, 0n);
  for (const s of [...shares].sort((a, b) => (b.rem > a.rem ? 1 : b.rem < a.rem ? -1 : 0))) {
    if (left <= 0n) break;
    s.floor += 1n;
    left -= 1n;
  }
  const advanceByRate: RatedAmounts[] = shares.map((s) => {
    const vat = vatIncluded(s.floor, VAT_RATES[s.rate]);
    return { vatRate: s.rate, gross: s.floor, vat, net: s.floor - vat };
  });
  const balanceByRate: RatedAmounts[] = doc.byRate.map((r) => {
    const a = advanceByRate.find((x) => x.vatRate === r.vatRate) ?? { net: 0n, vat: 0n, gross: 0n };
    return { vatRate: r.vatRate, net: r.net - a.net, vat: r.vat - a.vat, gross: r.gross - a.gross };
  });
  return {
    advance: { total: sumAmounts(advanceByRate), byRate: advanceByRate },
    balance: { total: sumAmounts(balanceByRate), byRate: balanceByRate },
  };
}
