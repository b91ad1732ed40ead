import net from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { createSmtpMailer, setMailerForTests } from "~/modules/mail/mail.server";
import { processOutboxOnce } from "~/modules/outbox/outbox.server";
import { publishRfq, saveDraft } from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import { createMarket, draft, drainOutbox, withTempDataDir } from "./helpers";

withTempDataDir();

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

describe("SMTP outage", () => {
  let server: SMTPServer | undefined;
  afterAll(async () => {
    setMailerForTests(undefined);
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it("publishing succeeds while SMTP is down; the mails go out once it is back", async () => {
    const port = await freePort(); // nothing listens here yet
    setMailerForTests(createSmtpMailer(`smtp://127.0.0.1:${port}`, "СнабМост <noreply@snabmost.test>"));
    const m = await createMarket();
    const { id } = await saveDraft(m.buyer.actor, null, draft([{ productId: m.pA.id }, { productId: m.pB.id }]));
    await publishRfq(m.buyer.actor, id);
    expect((await getPrisma().rfq.findUniqueOrThrow({ where: { id } })).status).toBe("PUBLISHED");

    await drainOutbox(); // notifications are written; the two emails fail and wait for a retry
    expect(await getPrisma().notification.count({ where: { link: `/supplier/rfqs/${id}` } })).toBe(2);
    const pending = await getPrisma().outboxEvent.findMany({ where: { topic: "email.send", processedAt: null } });
    expect(pending.map((e) => e.aggregateId).sort()).toEqual([m.a.user.email, m.b.user.email].sort());
    expect(pending.every((e) => e.attempts >= 1 && e.lastError)).toBe(true);

    // SMTP comes back
    const received: { to: string[]; body: string }[] = [];
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        let body = "";
        stream.on("data", (chunk: Buffer) => {
          body += chunk.toString("utf8");
        });
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server?.listen(port, "127.0.0.1", () => resolve()));
    // the retry backoff has elapsed
    await getPrisma().outboxEvent.updateMany({ where: { processedAt: null }, data: { availableAt: new Date() } });
    for (let i = 0; i < 5; i++) await processOutboxOnce();

    expect(received.flatMap((r) => r.to).sort()).toEqual([m.a.user.email, m.b.user.email].sort());
    // the text part is base64 (Cyrillic); decode it and find the link to the RFQ
    const decoded = received.map((r) =>
      r.body
        .split(/\r?\n\r?\n/)
        .map((part) => Buffer.from(part.replace(/\s+/g, ""), "base64").toString("utf8"))
        .join("\n"),
    );
    expect(decoded.every((text) => text.includes(`/supplier/rfqs/${id}`))).toBe(true);
    expect(await getPrisma().outboxEvent.count({ where: { topic: "email.send", processedAt: null } })).toBe(0);
  });
});
