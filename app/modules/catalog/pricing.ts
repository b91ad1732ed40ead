import type { VatRate } from "~/generated/prisma/enums";

export const VAT_RATES = ["VAT20", "VAT10", "VAT0", "NO_VAT"] as const satisfies readonly VatRate[];
export const VAT_PERCENT: Record<VatRate, number> = { VAT20: 20, VAT10: 10, VAT0: 0, NO_VAT: 0 };

/** ОКЕИ units (code → ОКЕИ number); names come from the common namespace `units.<code>`. */
export const UNITS = { pcs: "796", m: "006", km: "008", set: "839", t: "168", kg: "166", m3: "113" } as const;
export type UnitCode = keyof typeof UNITS;
export const UNIT_CODES = Object.keys(UNITS) as UnitCode[];

/** Gross = net + VAT, VAT rounded half-up to a kopeck. */
export function vatKopecks(net: bigint, rate: VatRate): bigint {
  const pct = BigInt(VAT_PERCENT[rate]);
  return (net * pct + 50n) / 100n;
}

export function grossKopecks(net: bigint, rate: VatRate): bigint {
  return net + vatKopecks(net, rate);
}

/** "1 234 567,89" / "1234567.89" / "1 234 567 ₽" → kopecks; undefined when not a price. */
export function parseRubles(raw: string): bigint | undefined {
  const s = raw.replace(/[\s\u00a0\u202f]|₽|руб\.?|rub/gi, "").replace(",", ".");
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? "0").padEnd(2, "0"));
}

/** Kopecks → "1234567.89" for form inputs. */
export function kopecksToInput(k: bigint | null | undefined): string {
  if (k === null || k === undefined) return "";
  const rub = k / 100n;
  const kop = k % 100n;
  return kop === 0n ? String(rub) : `${rub},${String(kop).padStart(2, "0")}`;
}
