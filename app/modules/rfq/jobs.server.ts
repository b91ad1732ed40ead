import { scheduleJob } from "~/utils/background.server";
import { runDeadlineJob } from "./deadline.server";

/** The RFQ deadline job: closes RFQs at their deadline and sends 24 h reminders (imported by outbox-consumers). */
scheduleJob("rfq-deadlines", 30_000, () => runDeadlineJob());
