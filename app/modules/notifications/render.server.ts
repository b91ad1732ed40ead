import type { TFunction } from "i18next";
import { formatDateTime, formatMoney } from "~/modules/i18n/format";
import type { Lang } from "~/modules/i18n/i18n";
import { isLang } from "~/modules/i18n/i18n";
import { getFixedT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { publicOrigin } from "~/utils/origin.server";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * ISO date params become "25.11.2026, 18:00" in the language, `amountKopecks` becomes `amount` ("1 234 567,89 ₽"
 * through the money module), the captured RFQ of an order becomes `rfqRef` (« по запросу № 10 «Кабель»»); everything
 * else is kept.
 */
export function formatParams(params: Record<string, unknown>, lang: Lang, t?: TFunction): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params))
    out[k] = typeof v === "string" && ISO.test(v) ? formatDateTime(v, lang) : v;
  if (typeof params.amountKopecks === "string" && /^-?\d+$/.test(params.amountKopecks))
    out.amount = formatMoney(params.amountKopecks, lang);
  out.rfqRef =
    t && params.rfqNumber !== undefined
      ? t("rfqRef", { number: params.rfqNumber, title: params.rfqTitle, interpolation: { escapeValue: false } })
      : "";
  return out;
}

/**
 * Which variant of `types.<type>.title|body` the params can fill: `_org_amount` (counterparty and sum), `_org`
 * (counterparty), or the plain text — the fallback for notifications written before the payload carried them.
 */
function textContext(params: Record<string, unknown>): string | undefined {
  if (typeof params.org !== "string" || params.org === "") return undefined;
  return typeof params.amountKopecks === "string" ? "org_amount" : "org";
}

/** The title and body of one notification in a language (bell list, notifications page, email). */
export async function renderNotification(
  type: string,
  params: Record<string, unknown>,
  lang: Lang,
): Promise<{ title: string; body: string }> {
  const t = await tFor(lang);
  const values = {
    ...formatParams(params, lang, t),
    context: textContext(params),
    interpolation: { escapeValue: false },
  };
  return { title: t(`types.${type}.title`, values), body: t(`types.${type}.body`, values) };
}

export function langOf(locale: string | null | undefined): Lang {
  return isLang(locale) ? locale : "ru";
}

const tCache = new Map<Lang, TFunction>();
async function tFor(lang: Lang): Promise<TFunction> {
  let t = tCache.get(lang);
  if (!t) {
    t = await getFixedT(lang, "notifications");
    tCache.set(lang, t);
  }
  return t;
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

export function absoluteUrl(path: string, lang: Lang): string {
  return `${publicOrigin()}${localizePath(lang, path)}`;
}

/** The email of one notification in the recipient's language. */
export async function renderEmail(input: {
  type: string;
  params: Record<string, unknown>;
  link: string | null;
  lang: Lang;
  name: string;
}): Promise<{ subject: string; text: string; html: string }> {
  const t = await tFor(input.lang);
  const { title, body } = await renderNotification(input.type, input.params, input.lang);
  const greeting = t("email.greeting", { name: input.name });
  const url = input.link ? absoluteUrl(input.link, input.lang) : null;
  const open = t("email.open");
  const footer = t("email.footer", { url: absoluteUrl("/settings/notifications", input.lang) });
  const subject = `${t("email.subjectPrefix")} ${title}`;
  const text = [greeting, "", body, ...(url ? ["", `${open}: ${url}`] : []), "", "—", footer].join("\n");
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(body).replace(/\n/g, "<br>")}</p>`,
    url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(open)}</a></p>` : "",
    `<hr><p style="color:#64748b;font-size:12px">${escapeHtml(footer)}</p>`,
  ].join("\n");
  return { subject, text, html };
}
