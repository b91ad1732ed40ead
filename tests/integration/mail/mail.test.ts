import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createFileMailer, queueEmail, setMailerForTests } from "~/modules/mail/mail.server";
import { processOutboxOnce } from "~/modules/outbox/outbox.server";
import { wireApp } from "~/startup.server";
import { getPrisma } from "~/utils/db.server";

wireApp();

afterEach(() => setMailerForTests(undefined));

describe("mail through the outbox", () => {
  it("writes one .eml per mail, named with a timestamp and the recipient", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "snabmost-mail-"));
    setMailerForTests(createFileMailer(dir, "СнабМост <noreply@snabmost.local>"));
    await getPrisma().$transaction((tx) =>
      queueEmail(tx, {
        to: "Buyer@Example.test",
        subject: "Проверка почты",
        text: "Текст письма",
        html: "<p>Текст</p>",
      }),
    );
    await processOutboxOnce();
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-buyer@example\.test-[a-z0-9]+\.eml$/);
    const eml = readFileSync(path.join(dir, files[0]), "utf8");
    expect(eml).toMatch(/^To: buyer@example\.test$/im);
    expect(eml).toMatch(/Subject: =\?UTF-8\?/);
    expect(await getPrisma().outboxEvent.count({ where: { topic: "email.send", processedAt: null } })).toBe(0);
  });

  it("keeps a mail for retry when sending fails", async () => {
    setMailerForTests({
      async send() {
        throw new Error("SMTP down");
      },
    });
    await queueEmail(getPrisma(), { to: "retry@example.test", subject: "s", text: "t" });
    const r = await processOutboxOnce();
    expect(r.failed).toBe(1);
    const row = await getPrisma().outboxEvent.findFirstOrThrow({ where: { aggregateId: "retry@example.test" } });
    expect(row.processedAt).toBeNull();
    expect(row.lastError).toContain("SMTP down");
    expect(row.availableAt.getTime()).toBeGreaterThan(Date.now());
  });
});
