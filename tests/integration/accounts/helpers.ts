import type { SignupInput } from "~/modules/accounts/accounts.schema";
import type { RequestContext } from "~/modules/accounts/accounts.server";
import { getPrisma } from "~/utils/db.server";
import { makeInn10, makeInn12, makeOgrn, makeOgrnip } from "../../../prisma/seed/ru-requisites";

let n = 0;
function digits(len: number): string {
  n += 1;
  const s = `${Date.now()}${process.pid}${n}${Math.floor(Math.random() * 1e9)}`;
  return s.slice(-len).padStart(len, "7");
}

/** A request to the app, optionally carrying a session cookie ("sm_session=…"). */
export function req(path = "/", cookie?: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("cookie", cookie);
  headers.set("user-agent", "vitest");
  return new Request(`http://localhost${path}`, { ...init, headers });
}

export function ctx(ip = "10.0.0.1"): RequestContext {
  return { ip, userAgent: "vitest", origin: "http://localhost", lang: "ru" };
}

/** Each test uses its own IP unless it tests limits, so limits of other tests do not interfere. */
export function freshIp(): string {
  n += 1;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export function cookieOf(setCookie: string): string {
  return setCookie.split(";")[0];
}

export function signupInput(over: Partial<SignupInput> = {}): SignupInput {
  const id = digits(6);
  return {
    kind: "BUYER",
    legalName: `ООО «Тест ${id}»`,
    shortName: `Тест ${id}`,
    inn: makeInn10(`92${digits(7)}`),
    kpp: "920101001",
    ogrn: makeOgrn(`11992${digits(7)}`),
    region: "Севастополь",
    city: "Севастополь",
    legalAddress: "ул. Портовая, д. 1",
    phone: "+7 869 200-00-00",
    name: "Иван Петров",
    email: `user-${id}-${n}@example.test`,
    password: "Тр4нсф0рматор-ТМГ-1000",
    website: "",
    consent: "on",
    ...over,
  };
}

export function individualRequisites() {
  return { inn: makeInn12(`78${digits(8)}`), ogrn: makeOgrnip(`3197800${digits(7)}`), kpp: undefined };
}

/** The latest queued mail to an address (from the outbox; the worker is not running in tests). */
export async function lastMailTo(email: string): Promise<{ subject: string; text: string } | null> {
  const rows = await getPrisma().outboxEvent.findMany({
    where: { topic: "email.send", aggregateId: email },
    orderBy: { id: "desc" },
    take: 1,
  });
  const p = rows[0]?.payload as { subject: string; text: string } | undefined;
  return p ? { subject: p.subject, text: p.text } : null;
}

export function tokenFrom(text: string, path: string): string {
  const m = new RegExp(`${path.replace(/[/?]/g, (c) => `\\${c}`)}([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in mail:\n${text}`);
  return decodeURIComponent(m[1]);
}

export function codeFrom(text: string): string {
  const m = /(\d{6})/.exec(text.split("\n").find((l) => /код|code/i.test(l)) ?? "");
  if (!m) throw new Error(`no code in mail:\n${text}`);
  return m[1];
}
