import { scheduleJob } from "~/utils/background.server";
import { pruneRateLimits } from "~/utils/rate-limit.server";
import { pruneAccounts } from "./accounts.server";

/** Housekeeping of the accounts module (imported by app/utils/outbox-consumers.server.ts). */
scheduleJob("accounts.prune", 60 * 60 * 1000, async () => {
  await pruneAccounts();
  await pruneRateLimits();
});
