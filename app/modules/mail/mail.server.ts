import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { enqueue, type OutboxEventRow } from "~/modules/outbox/outbox.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";

/**
 * The mailer. Mails leave through the outbox (topic `email.send`): a use case calls `queueEmail(tx, mail)` in the
 * transaction of its write; the `email` consumer sends with retries. Transport: SMTP from `SMTP_URL`, otherwise
 * `.eml` files in `<DATA_DIR>/mail/` named `<timestamp>-<recipient>-<random>.eml` (so tests can find a user's mail).
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

type Db = PrismaClient | Prisma.TransactionClient;

export async function queueEmail(db: Db, mail: Mail): Promise<void> {
  await enqueue(db, {
    topic: "email.send",
    aggregateId: mail.to,
    payload: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null },
  });
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Where the file transport writes. */
export function mailDir(): string {
  return path.resolve(env().DATA_DIR, "mail");
}

function safeFilePart(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9@._+-]+/g, "_")
    .slice(0, 100);
}

export function createFileMailer(dir: string = mailDir(), from: string = env().MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const name = `${stamp}-${safeFilePart(mail.to)}-${Math.random().toString(36).slice(2, 8)}.eml`;
      await writeFile(path.join(dir, name), info.message as Buffer);
    },
  };
}

export function createSmtpMailer(url: string, from: string = env().MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

let mailer: Mailer | undefined;

/** The configured mailer (SMTP when SMTP_URL is set, else files). */
export function getMailer(): Mailer {
  mailer ??= env().SMTP_URL ? createSmtpMailer(env().SMTP_URL as string) : createFileMailer();
  return mailer;
}

/** For tests: use another mailer (undefined → the configured one again). */
export function setMailerForTests(m: Mailer | undefined) {
  mailer = m;
}

function isMail(p: unknown): p is Mail {
  const m = p as Mail;
  return typeof m === "object" && m !== null && typeof m.to === "string" && typeof m.subject === "string";
}

/** Outbox handler of the `email` consumer. A failure throws, so the event is retried with backoff. */
export async function deliverEmailEvents(events: OutboxEventRow[]): Promise<void> {
  for (const event of events) {
    if (!isMail(event.payload)) {
      logger.error({ eventId: String(event.id) }, "email event without a valid payload skipped");
      continue;
    }
    const { to, subject, text, html } = event.payload;
    await getMailer().send({ to, subject, text, html: html ?? undefined });
    logger.info({ eventId: String(event.id), topic: event.topic }, "email sent");
  }
}
