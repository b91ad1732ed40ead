import { describe, expect, it } from "vitest";
import { deliverNotifications } from "~/modules/notifications/consumer.server";
import { notify } from "~/modules/notifications/notifications.server";
import type { OutboxEventRow } from "~/modules/outbox/outbox.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";

async function pendingNotifyEvents(): Promise<OutboxEventRow[]> {
  return getPrisma().$queryRaw<OutboxEventRow[]>`
    SELECT id, topic, "aggregateId", payload, attempts, "createdAt" FROM outbox_event
     WHERE topic LIKE 'notify.%' AND "processedAt" IS NULL ORDER BY id`;
}

describe("notification delivery", () => {
  it("creates each notification and mail once even when a committed batch is delivered again", async () => {
    const { organization, user } = await createActor({ kind: "SUPPLIER" });
    await getPrisma().$transaction((tx) =>
      notify(tx, {
        type: "rfq_published",
        recipients: { orgIds: [organization.id] },
        params: { number: 7 },
        link: "/x",
      }),
    );
    const batch = await pendingNotifyEvents();
    expect(batch).toHaveLength(1);

    // a worker commits the batch, dies before acknowledging it; the lease expires and the batch comes back
    await deliverNotifications(batch);
    await deliverNotifications(batch);

    expect(await getPrisma().notification.count({ where: { userId: user.id } })).toBe(1);
    const mails = await getPrisma().outboxEvent.count({ where: { topic: "email.send" } });
    expect(mails).toBe(1);
    expect(await pendingNotifyEvents()).toHaveLength(0);
  });
});
