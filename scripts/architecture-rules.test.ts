import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The import rules of docs/architecture.md (.dependency-cruiser.cjs, run by `npm run lint`) fail on a violation:
 * tests/fixtures/architecture is a tiny app that breaks each rule once next to imports the rules allow.
 */
const root = path.resolve(import.meta.dirname, "..");
const fixture = path.join(root, "tests/fixtures/architecture");

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs the linter as `npm run lint:deps` does (its exit code), then again for the list of violations. */
function cruise(): { violations: Violation[]; exitCode: number } {
  const bin = path.join(root, "node_modules/.bin/depcruise");
  const args = ["app", "--config", path.join(root, ".dependency-cruiser.cjs")];
  let exitCode = 0;
  try {
    execFileSync(bin, [...args, "--output-type", "err"], { cwd: fixture, encoding: "utf8" });
  } catch (error) {
    exitCode = (error as { status: number }).status;
  }
  const json = execFileSync(bin, [...args, "--output-type", "json"], { cwd: fixture, encoding: "utf8" });
  return { violations: JSON.parse(json).summary.violations, exitCode };
}

describe("architecture rules", () => {
  it("fail the lint on each kind of violation and only on those", { timeout: 120_000 }, () => {
    const { violations, exitCode } = cruise();
    expect(exitCode).not.toBe(0);
    const found = violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual(
      [
        "module-internals-from-another-module: app/modules/cart/cart.server.ts → app/modules/shop/prices.ts",
        "module-internals-from-outside: app/routes/page.tsx → app/modules/shop/prices.ts",
        "no-circular: app/components/a.ts → app/components/b.ts",
        "utils-not-to-modules: app/utils/db.server.ts → app/modules/cart/cart.server.ts",
      ].sort(),
    );
  });
});
