import type { Lang } from "~/modules/i18n/i18n";
import { getFixedT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import type { Mail } from "~/modules/mail/mail.server";

/** The mails of the accounts module, rendered in the user's language (plain text + simple HTML). */

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

function render(lines: string[], link?: { url: string; label: string }): { text: string; html: string } {
  const text = [...lines, ...(link ? ["", `${link.label}: ${link.url}`] : [])].join("\n");
  const html = [
    '<div style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5">',
    ...lines.map((l) => (l === "" ? "<br>" : `<p>${escapeHtml(l)}</p>`)),
    link
      ? `<p><a href="${escapeHtml(link.url)}" style="background:#1d4ed8;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>`
      : "",
    "</div>",
  ].join("");
  return { text, html };
}

export interface MailContext {
  origin: string;
  lang: Lang;
}

function url(ctx: MailContext, path: string): string {
  return `${ctx.origin}${localizePath(ctx.lang, path)}`;
}

export async function verificationMail(
  ctx: MailContext,
  to: { email: string; name: string },
  token: string,
  code: string,
): Promise<Mail> {
  const t = await getFixedT(ctx.lang, "accounts");
  const link = url(ctx, `/verify-email?token=${encodeURIComponent(token)}`);
  const body = render(
    [t("mail.greeting", { name: to.name }), t("mail.verifyText"), t("mail.verifyCode", { code }), t("mail.ignore")],
    { url: link, label: t("mail.verifyButton") },
  );
  return { to: to.email, subject: t("mail.verifySubject", { code }), ...body };
}

export async function accountExistsMail(ctx: MailContext, to: { email: string }): Promise<Mail> {
  const t = await getFixedT(ctx.lang, "accounts");
  const body = render([t("mail.existsText"), t("mail.ignore")], {
    url: url(ctx, "/forgot-password"),
    label: t("mail.existsButton"),
  });
  return { to: to.email, subject: t("mail.existsSubject"), ...body };
}

export async function passwordResetMail(ctx: MailContext, to: { email: string; name: string }, token: string) {
  const t = await getFixedT(ctx.lang, "accounts");
  const body = render([t("mail.greeting", { name: to.name }), t("mail.resetText"), t("mail.ignore")], {
    url: url(ctx, `/reset-password?token=${encodeURIComponent(token)}`),
    label: t("mail.resetButton"),
  });
  return { to: to.email, subject: t("mail.resetSubject"), ...body } satisfies Mail;
}

export async function passwordChangedMail(ctx: MailContext, to: { email: string; name: string }) {
  const t = await getFixedT(ctx.lang, "accounts");
  const body = render([t("mail.greeting", { name: to.name }), t("mail.changedText")]);
  return { to: to.email, subject: t("mail.changedSubject"), ...body } satisfies Mail;
}

export async function invitationMail(
  ctx: MailContext,
  to: string,
  input: { inviterName: string; organization: string; token: string },
) {
  const t = await getFixedT(ctx.lang, "accounts");
  const body = render([t("mail.inviteText", { inviter: input.inviterName, organization: input.organization })], {
    url: url(ctx, `/invite/${encodeURIComponent(input.token)}`),
    label: t("mail.inviteButton"),
  });
  return { to, subject: t("mail.inviteSubject", { organization: input.organization }), ...body } satisfies Mail;
}
