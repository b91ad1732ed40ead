/**
 * Honest landed cost (pure, client-safe; ADR 0019). What the buyer pays to have the goods at its own warehouse:
 *
 *   landed = goods (gross) + delivery charged by the supplier (gross) + the buyer's freight estimate
 *
 * The freight estimate applies whenever the price does not deliver to the buyer's warehouse (самовывоз, до терминала
 * ТК, or the basis was not stated): such an offer is never treated as free delivery. The estimate is the buyer's figure
 * for that supplier, else the buyer's rate Петербург → Севастополь per tonne / per m³ applied to the RFQ's cargo (the
 * larger of the two, as carriers charge), else it is missing — and the comparison says so.
 *
 * The cost of payment terms is a separate, explainable figure (not added to landed): money paid in advance is tied up
 * from payment to delivery (the offer's longest lead time), money deferred after delivery is the buyer's to use:
 *
 *   payment cost = prepaid × rate × leadDays / 365 − deferred × rate × deferralDays / 365
 *
 * with prepaid = (goods + delivery) × prepay %, deferred = the rest (when a deferral is offered) and rate the buyer's
 * annual rate (default the Bank of Russia key rate). Positive: the terms cost the buyer money; negative: they save.
 */
import { divRound, quantityToMilli } from "~/modules/money/money";

export const DELIVERY_BASES = ["PICKUP", "TERMINAL", "BUYER_WAREHOUSE"] as const;
export type DeliveryBasisCode = (typeof DELIVERY_BASES)[number];

/** Default annual rate for the cost of payment terms, basis points (16.5 % — the Bank of Russia key rate when set). */
export const DEFAULT_ANNUAL_RATE_BP = 1650;

export interface FreightSettings {
  /** gross kopecks per tonne, Петербург → Севастополь */
  perTonneKopecks: string | null;
  /** gross kopecks per m³ */
  perM3Kopecks: string | null;
  /** the RFQ's cargo */
  cargoWeightKg: string | null;
  cargoVolumeM3: string | null;
  /** per supplier organisation: the buyer's own estimate (gross kopecks) */
  bySupplier: Record<string, string>;
}

export type FreightSource = "included" | "supplier" | "rate" | "missing";

export interface LandedCost {
  goodsGross: string;
  /** delivery charged by the supplier (gross) */
  delivery: string;
  /** the buyer's freight estimate on top (gross); "0" when the price delivers to the buyer's warehouse */
  freightEstimate: string;
  freightSource: FreightSource;
  /** goods + delivery + freight estimate */
  landed: string;
  paymentCost: PaymentCost;
}

export interface PaymentCost {
  /** kopecks, positive = the terms cost the buyer money, negative = they save */
  amount: string;
  rateBp: number;
  prepaid: string;
  prepaidDays: number;
  deferred: string;
  deferredDays: number;
}

/** The freight estimate of the rates for the RFQ's cargo (the larger of weight and volume), null when not computable. */
export function freightFromRates(s: Omit<FreightSettings, "bySupplier">): bigint | null {
  const candidates: bigint[] = [];
  if (s.perTonneKopecks && s.cargoWeightKg)
    // kg in thousandths → tonnes: / 1000 / 1000
    candidates.push(divRound(BigInt(s.perTonneKopecks) * quantityToMilli(s.cargoWeightKg), 1_000_000n));
  if (s.perM3Kopecks && s.cargoVolumeM3)
    candidates.push(divRound(BigInt(s.perM3Kopecks) * quantityToMilli(s.cargoVolumeM3), 1000n));
  if (!candidates.length) return null;
  // bigint: no Math.max
  return candidates.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))[0] as bigint;
}

/** The buyer's freight estimate for an offer: 0 when the price is to the buyer's warehouse. */
export function freightEstimate(
  supplierOrgId: string,
  basis: DeliveryBasisCode | null,
  settings: FreightSettings,
): { amount: bigint; source: FreightSource } {
  if (basis === "BUYER_WAREHOUSE") return { amount: 0n, source: "included" };
  const own = settings.bySupplier[supplierOrgId];
  if (own !== undefined) return { amount: BigInt(own), source: "supplier" };
  const byRate = freightFromRates(settings);
  if (byRate !== null) return { amount: byRate, source: "rate" };
  return { amount: 0n, source: "missing" };
}

export function paymentCost(input: {
  landed: bigint;
  prepaymentPercent: number;
  paymentDaysAfterDelivery: number | null;
  leadTimeDays: number | null;
  rateBp: number;
}): PaymentCost {
  const prepaid = divRound(input.landed * BigInt(input.prepaymentPercent), 100n);
  const prepaidDays = prepaid > 0n ? (input.leadTimeDays ?? 0) : 0;
  const deferredDays = input.paymentDaysAfterDelivery ?? 0;
  const deferred = deferredDays > 0 ? input.landed - prepaid : 0n;
  // rate in basis points per year: amount × bp × days / (10000 × 365)
  const cost =
    divRound(prepaid * BigInt(input.rateBp) * BigInt(prepaidDays), 3_650_000n) -
    divRound(deferred * BigInt(input.rateBp) * BigInt(deferredDays), 3_650_000n);
  return {
    amount: cost.toString(),
    rateBp: input.rateBp,
    prepaid: prepaid.toString(),
    prepaidDays,
    deferred: deferred.toString(),
    deferredDays,
  };
}

export function landedCost(input: {
  supplierOrgId: string;
  goodsGross: string;
  deliveryGross: string;
  deliveryBasis: DeliveryBasisCode | null;
  prepaymentPercent: number;
  paymentDaysAfterDelivery: number | null;
  leadTimeDays: number | null;
  settings: FreightSettings;
  rateBp: number;
}): LandedCost {
  const freight = freightEstimate(input.supplierOrgId, input.deliveryBasis, input.settings);
  const landed = BigInt(input.goodsGross) + BigInt(input.deliveryGross) + freight.amount;
  return {
    goodsGross: input.goodsGross,
    delivery: input.deliveryGross,
    freightEstimate: freight.amount.toString(),
    freightSource: freight.source,
    landed: landed.toString(),
    paymentCost: paymentCost({
      landed: BigInt(input.goodsGross) + BigInt(input.deliveryGross),
      prepaymentPercent: input.prepaymentPercent,
      paymentDaysAfterDelivery: input.paymentDaysAfterDelivery,
      leadTimeDays: input.leadTimeDays,
      rateBp: input.rateBp,
    }),
  };
}
