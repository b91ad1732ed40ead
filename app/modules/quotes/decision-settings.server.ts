/**
 * The buyer's decision parameters for a comparison: НМЦ and planned award date (on the RFQ), the cargo (weight, volume)
 * for freight at a rate, freight estimates per supplier (per RFQ), and the organisation's freight rates
 * Петербург → Севастополь and annual rate for the cost of payment terms (default the Bank of Russia key rate).
 */
import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";
import { auditTrail } from "~/modules/audit/audit.server";
import { parseRublesToKopecks, quantityToMilli } from "~/modules/money/money";
import { getPrisma } from "~/utils/db.server";
import { DEFAULT_ANNUAL_RATE_BP, type FreightSettings } from "./landed-cost";
import { type Db, QuoteValidationError } from "./shared.server";

/** Entries on the RFQ's audit trail (`decision_settings_saved` is not one of the `RfqEvent`s, so untyped). */
const auditRfq = auditTrail("rfq");

export interface DecisionSettings {
  freight: FreightSettings;
  annualRateBp: number;
  /** НМЦ, gross kopecks */
  budget: string | null;
}

export async function loadDecisionSettings(
  db: Db,
  buyerOrgId: string,
  rfq: {
    id: string;
    budgetKopecks: bigint | null;
    cargoWeightKg: { toString(): string } | null;
    cargoVolumeM3: { toString(): string } | null;
  },
): Promise<DecisionSettings> {
  const [org, estimates] = await Promise.all([
    db.buyerCompareSettings.findUnique({ where: { organizationId: buyerOrgId } }),
    db.freightEstimate.findMany({ where: { rfqId: rfq.id } }),
  ]);
  return {
    freight: {
      perTonneKopecks: org?.freightPerTonneKopecks?.toString() ?? null,
      perM3Kopecks: org?.freightPerM3Kopecks?.toString() ?? null,
      cargoWeightKg: rfq.cargoWeightKg?.toString() ?? null,
      cargoVolumeM3: rfq.cargoVolumeM3?.toString() ?? null,
      bySupplier: Object.fromEntries(estimates.map((e) => [e.supplierOrgId, e.amountKopecks.toString()])),
    },
    annualRateBp: org?.annualRateBp ?? DEFAULT_ANNUAL_RATE_BP,
    budget: rfq.budgetKopecks?.toString() ?? null,
  };
}

/** The form as typed (roubles, percent, kg, m³, Moscow date); empty = not set. */
export interface DecisionSettingsInput {
  budget?: string;
  plannedAwardDate?: string;
  cargoWeightKg?: string;
  cargoVolumeM3?: string;
  freightPerTonne?: string;
  freightPerM3?: string;
  annualRatePercent?: string;
  /** supplierOrgId → roubles */
  freightBySupplier?: Record<string, string>;
}

function amount(v: string | undefined, field: string, errors: Record<string, string[]>): bigint | null {
  if (!v?.trim()) return null;
  const k = parseRublesToKopecks(v);
  if (k === null || k < 0n) {
    errors[field] = ["errors.amount"];
    return null;
  }
  return k;
}

function decimal(v: string | undefined, field: string, errors: Record<string, string[]>): string | null {
  if (!v?.trim()) return null;
  try {
    const milli = quantityToMilli(v.trim());
    if (milli < 0n) throw new RangeError("negative");
    return v.trim().replace(",", ".");
  } catch {
    errors[field] = ["errors.quantity"];
    return null;
  }
}

export async function saveDecisionSettings(actor: Actor, rfqId: string, input: DecisionSettingsInput) {
  requireBuyer(actor);
  const errors: Record<string, string[]> = {};
  const budget = amount(input.budget, "budget", errors);
  const perTonne = amount(input.freightPerTonne, "freightPerTonne", errors);
  const perM3 = amount(input.freightPerM3, "freightPerM3", errors);
  const weight = decimal(input.cargoWeightKg, "cargoWeightKg", errors);
  const volume = decimal(input.cargoVolumeM3, "cargoVolumeM3", errors);
  let rateBp: number | null = null;
  if (input.annualRatePercent?.trim()) {
    const m = /^(\d{1,2})(?:[.,](\d{1,2}))?$/.exec(input.annualRatePercent.trim());
    if (!m) errors.annualRatePercent = ["errors.percent"];
    else rateBp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  }
  let planned: Date | null = null;
  if (input.plannedAwardDate?.trim()) {
    planned = /^\d{4}-\d{2}-\d{2}$/.test(input.plannedAwardDate)
      ? new Date(`${input.plannedAwardDate}T12:00:00+03:00`)
      : null;
    if (!planned || Number.isNaN(planned.getTime())) errors.plannedAwardDate = ["errors.date"];
  }
  const bySupplier = new Map<string, bigint | null>();
  for (const [orgId, v] of Object.entries(input.freightBySupplier ?? {}))
    bySupplier.set(orgId, amount(v, `freight.${orgId}`, errors));
  if (Object.keys(errors).length) throw new QuoteValidationError(errors);
  const orgId = actor.organizationId;
  return getPrisma().$transaction(async (tx) => {
    const rfq = await tx.rfq.findFirst({ where: { id: rfqId, buyerOrgId: orgId }, select: { id: true } });
    if (!rfq) throw new NotFoundError("rfq");
    await tx.rfq.update({
      where: { id: rfqId },
      data: { budgetKopecks: budget, plannedAwardAt: planned, cargoWeightKg: weight, cargoVolumeM3: volume },
    });
    const orgData = {
      freightPerTonneKopecks: perTonne,
      freightPerM3Kopecks: perM3,
      annualRateBp: rateBp ?? DEFAULT_ANNUAL_RATE_BP,
    };
    await tx.buyerCompareSettings.upsert({
      where: { organizationId: orgId },
      create: { organizationId: orgId, ...orgData },
      update: orgData,
    });
    // only suppliers that quoted this RFQ
    const quoting = new Set(
      (
        await tx.quote.findMany({
          where: { rfqId, supplierOrgId: { in: [...bySupplier.keys()] } },
          select: { supplierOrgId: true },
        })
      ).map((q) => q.supplierOrgId),
    );
    for (const [supplierOrgId, value] of bySupplier) {
      if (!quoting.has(supplierOrgId)) continue;
      if (value === null) await tx.freightEstimate.deleteMany({ where: { rfqId, supplierOrgId } });
      else
        await tx.freightEstimate.upsert({
          where: { rfqId_supplierOrgId: { rfqId, supplierOrgId } },
          create: { rfqId, supplierOrgId, amountKopecks: value },
          update: { amountKopecks: value },
        });
    }
    await auditRfq(tx, rfqId, "decision_settings_saved", actor, {
      budget: budget?.toString() ?? null,
      plannedAwardAt: planned?.toISOString() ?? null,
      annualRateBp: rateBp ?? DEFAULT_ANNUAL_RATE_BP,
    });
  });
}
