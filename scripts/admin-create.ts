/**
 * Creates a platform operator: `npm run admin:create -- <email> [--password <password>] [--name <name>]`.
 * Without --password a random one is generated and printed once. An existing user becomes an operator.
 * Prompts nothing (safe in scripts).
 */
import { createOperator } from "../app/modules/accounts/accounts.server";
import { closeDatabase } from "../app/utils/db.server";

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
const email = args.find((a, i) => !a.startsWith("--") && !["--password", "--name"].includes(args[i - 1] ?? ""));

if (!email) {
  console.error("Usage: npm run admin:create -- <email> [--password <password>] [--name <name>]");
  process.exit(2);
}

try {
  const result = await createOperator(email, { password: option("--password"), name: option("--name") });
  console.log(`${result.created ? "Operator created" : "Operator updated"}: ${result.email}`);
  if (!option("--password")) console.log(`Password: ${result.password}`);
} catch (error) {
  console.error(`admin:create failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
