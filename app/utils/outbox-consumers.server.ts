/**
 * The outbox consumers and scheduled jobs of this app. Each module's registration lives in the module; this file only
 * wires them into the background worker.
 */
import "~/modules/mail/mail-consumer.server";
import "~/modules/accounts/accounts-jobs.server";
import "~/modules/notifications/register.server";
import "~/modules/rfq/jobs.server";
import "~/modules/quotes/register.server";
import "~/modules/search/search.consumer.server";
import "./db-maintenance-jobs.server";
import "~/modules/integration/webhooks/register.server";
