/**
 * `npm run payments:reconcile [-- --hours 72]`: lists recent Stripe events (events.list) and applies those this
 * database has not stored — a webhook that never arrived. Safe to repeat (events are applied once by id).
 */
import { reconcileStripeEvents } from "../app/modules/payments/payments.server";
import { closeDatabase } from "../app/utils/db.server";

const args = process.argv.slice(2);
const hoursArg = args.indexOf("--hours");
const sinceHours = hoursArg >= 0 ? Number(args[hoursArg + 1]) : 72;

try {
  const result = await reconcileStripeEvents({ sinceHours });
  console.log(
    `Stripe: событий ${result.listed}, применено ${result.applied}, уже было ${result.duplicate}, не обработано ${result.ignored}, ошибок ${result.failed}`,
  );
  process.exitCode = result.failed > 0 ? 1 : 0;
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
