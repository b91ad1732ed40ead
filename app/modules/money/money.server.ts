import { getPrisma } from "~/utils/db.server";
import type { VatRateCode } from "./money";
import { allowedVatRates, defaultVatRate, type TaxRegimeCode } from "./vat";

/**
 * The server door of the money module: what depends on stored data. Everything pure (arithmetic, formats, rates, units,
 * Moscow time) is in money.ts, format.ts, vat.ts, units.ts, moscow-time.ts and safe to import from the browser.
 */

export interface SupplierVatOptions {
  regime: TaxRegimeCode;
  /** Rates the supplier may put on a new price / quote today, in form order. */
  rates: VatRateCode[];
  /** The rate a new price / quote line starts with. */
  defaultRate: VatRateCode;
}

/** The НДС rates a supplier organisation may charge on a document dated `on` (its tax regime × rates in force). */
export async function supplierVatOptions(organizationId: string, on: Date = new Date()): Promise<SupplierVatOptions> {
  const org = await getPrisma().organization.findUnique({ where: { id: organizationId }, select: { taxRegime: true } });
  const regime: TaxRegimeCode = org?.taxRegime ?? "OSN";
  return { regime, rates: allowedVatRates(regime, on), defaultRate: defaultVatRate(regime, on) };
}
