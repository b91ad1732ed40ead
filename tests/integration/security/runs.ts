/**
 * Iteration counts of the security property tests. `npm test` runs the fast default; `npm run test:security` sets
 * SECURITY_RUNS_SCALE (e.g. 10) so the cross-organisation tests draw ≥ 1,000 random triples in total.
 */
export function securityRuns(base: number): number {
  const scale = Number(process.env.SECURITY_RUNS_SCALE ?? "1");
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
