import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Mails written by the file transport of the e2e server (<E2E_DATA_DIR>/mail/<timestamp>-<recipient>-<rand>.eml).
 */
export function mailDir(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  return path.join(dir, "mail");
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < src.length; i++) {
    if (src[i] === "=" && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(src[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeWord(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

export interface ReadMail {
  file: string;
  subject: string;
  text: string;
}

/** Decodes the subject and the text/plain part of an .eml file. */
export function parseEml(eml: string, file = ""): ReadMail {
  const raw = eml.replace(/\r\n/g, "\n");
  const subjectLine = /^Subject: (.*(?:\n[ \t].*)*)/m.exec(raw)?.[1] ?? "";
  const subject = decodeWord(subjectLine.replace(/\n[ \t]/g, ""));
  // the text/plain part: its headers up to a blank line, then the body up to the next boundary (or the end)
  const at = raw.search(/^Content-Type: text\/plain/m);
  const headerStart = raw.lastIndexOf("\n\n", at) + 1; // headers of this part (or of the whole message)
  const headerEnd = raw.indexOf("\n\n", at);
  const headers = raw.slice(headerStart, headerEnd);
  const encoding = /^Content-Transfer-Encoding: (.+)$/im.exec(headers)?.[1].trim().toLowerCase() ?? "7bit";
  const rest = raw.slice(headerEnd + 2);
  const boundary = rest.search(/^--/m);
  const body = at < 0 ? "" : boundary >= 0 ? rest.slice(0, boundary) : rest;
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : body;
  return { file, subject, text };
}

export function mailsTo(email: string): ReadMail[] {
  const dir = mailDir();
  if (!existsSync(dir)) return [];
  const needle = `-${email.toLowerCase()}-`;
  return (
    readdirSync(dir)
      .filter((f) => f.endsWith(".eml") && f.includes(needle))
      // a file the server is still writing is read on a later poll (a half-written mail has no body yet)
      .filter((f) => Date.now() - statSync(path.join(dir, f)).mtimeMs > WRITE_SETTLE_MS)
      .sort()
      .map((f) => parseEml(readFileSync(path.join(dir, f), "utf8"), f))
  );
}

const WRITE_SETTLE_MS = 300;

/** Waits for a mail to `email` (whose subject matches and text contains, if given) written after `after`; the newest. */
export async function waitForMail(
  email: string,
  opts: { subject?: RegExp; text?: string; after?: number; timeoutMs?: number } = {},
): Promise<ReadMail> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  for (;;) {
    const found = mailsTo(email)
      .filter((m) => (opts.after === undefined ? true : m.file > mailStamp(opts.after)))
      .filter((m) => (opts.subject ? opts.subject.test(m.subject) : true))
      // other tests running at the same time may mail the same demo user: pick this test's mail by its content
      .filter((m) => (opts.text ? m.text.includes(opts.text) : true));
    if (found.length > 0) return found[found.length - 1];
    if (Date.now() > deadline) {
      const files = existsSync(mailDir()) ? readdirSync(mailDir()) : [];
      throw new Error(`no mail to ${email} within the timeout; ${mailDir()} has: ${files.join(", ") || "nothing"}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The file-name prefix of a mail written at `ms` (to select mails written after a moment). */
export function mailStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, "-");
}

export function linkFrom(mail: ReadMail, pathPart: string): string {
  const m = new RegExp(`https?://[^\\s]*${pathPart.replace(/[/?]/g, (c) => `\\${c}`)}[^\\s]*`).exec(mail.text);
  if (!m) throw new Error(`no ${pathPart} link in mail "${mail.subject}":\n${mail.text}`);
  return m[0];
}

export function codeFrom(mail: ReadMail): string {
  const line = mail.text.split("\n").find((l) => /код|code/i.test(l) && /\d{6}/.test(l));
  const m = /(\d{6})/.exec(line ?? "");
  if (!m) throw new Error(`no code in mail "${mail.subject}"`);
  return m[1];
}
