/**
 * Every route action fuzzed with fast-check-generated form data: whatever a visitor, a buyer, a supplier or an operator
 * posts — known field names with hostile values, unknown fields, random files, real and made-up ids in the URL — no
 * action may answer 500. Route modules are discovered from app/routes (every file exporting `action`) and called
 * in-process with a real database and a real session cookie, exactly as scripts/serve.ts has Remix call them (behind its
 * 415 gate for non-form bodies and with `withFormBodyGuard`): a returned or thrown Response (or `data()`) counts with
 * its status; any other thrown error is what Remix turns into a 500.
 *
 * `npm test` runs a dozen requests per route and persona mix; `npm run test:security` (SECURITY_RUNS_SCALE=10) ten times more.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/modules/accounts/session.server";
import { publishRfq, saveDraft } from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import { isUnsupportedFormBody, withFormBodyGuard } from "~/utils/http-security.server";
import { createActor, createUser } from "../../fixtures/factories";
import { createMarket, draft, withTempDataDir } from "../rfq/helpers";
import { securityRuns } from "./runs";

withTempDataDir();

const routesDir = path.resolve(__dirname, "../../../app/routes");
type ActionFn = (args: { request: Request; params: Record<string, string | undefined>; context: unknown }) => unknown;

interface RouteUnderTest {
  file: string;
  /** the URL path with params filled in, e.g. /rfq/:id/edit */
  pattern: string;
  paramNames: string[];
  action: ActionFn;
}

/** "($lang).rfq.$id.edit.tsx" → "/rfq/:id/edit" with params ["id"] (index and pathless segments dropped). */
function routePattern(file: string): { pattern: string; paramNames: string[] } {
  const base = file.replace(/\.(tsx|ts)$/, "");
  const segments = base.split(/\.(?![^[]*\])/).filter((s) => s !== "($lang)" && s !== "_index");
  const paramNames: string[] = [];
  const parts = segments.map((s) => {
    if (s.startsWith("$")) {
      paramNames.push(s.slice(1));
      return `:${s.slice(1)}`;
    }
    return s.replace(/\[|\]/g, "");
  });
  return { pattern: `/${parts.join("/")}`, paramNames };
}

const routes: RouteUnderTest[] = [];

interface Persona {
  name: string;
  userId: string | null;
  organizationId: string | null;
}
let personas: Persona[] = [];
let ids: string[] = [];

beforeAll(async () => {
  for (const file of fs.readdirSync(routesDir).sort()) {
    if (!/\.tsx?$/.test(file) || file.endsWith(".test.ts")) continue;
    const source = fs.readFileSync(path.join(routesDir, file), "utf8");
    if (!/export (async function|const) action\b/.test(source)) continue;
    const mod = (await import(/* @vite-ignore */ path.join(routesDir, file))) as { action?: ActionFn };
    if (typeof mod.action !== "function") continue;
    routes.push({ file, ...routePattern(file), action: mod.action });
  }

  const m = await createMarket();
  const operator = await createUser({ isOperator: true });
  const supplierMember = await createActor({ kind: "SUPPLIER", role: "MEMBER", verified: true });
  personas = [
    { name: "visitor", userId: null, organizationId: null },
    { name: "buyer", userId: m.buyer.user.id, organizationId: m.buyer.organization.id },
    { name: "supplier", userId: m.a.user.id, organizationId: m.a.organization.id },
    { name: "supplier member", userId: supplierMember.user.id, organizationId: supplierMember.organization.id },
    { name: "operator", userId: operator.id, organizationId: null },
  ];
  const rfqDraft = await saveDraft(m.buyer.actor, null, draft([{ productId: m.pA.id }]), []);
  const published = await saveDraft(m.buyer.actor, null, draft([{ productId: m.pA.id }]), []);
  await publishRfq(m.buyer.actor, published.id);
  const invitation = await getPrisma().invitation.findFirst({ select: { id: true } });
  ids = [
    m.pA.id,
    m.pB.id,
    rfqDraft.id,
    published.id,
    m.a.organization.id,
    m.buyer.organization.id,
    m.category.id,
    ...(invitation ? [invitation.id] : []),
  ];
});

const FIELD_NAMES = [
  "intent",
  "_action",
  "id",
  "ids",
  "email",
  "password",
  "currentPassword",
  "name",
  "title",
  "comment",
  "reason",
  "message",
  "redirectTo",
  "token",
  "code",
  "role",
  "status",
  "kind",
  "inn",
  "kpp",
  "ogrn",
  "phone",
  "website",
  "legalName",
  "shortName",
  "legalAddress",
  "deliveryAddress",
  "deadline",
  "neededBy",
  "paymentTerms",
  "draftId",
  "productId",
  "categoryId",
  "defaultCategoryId",
  "organizationId",
  "membershipId",
  "invitationId",
  "sessionId",
  "mediaId",
  "certificateId",
  "questionId",
  "jobId",
  "sku",
  "price",
  "priceOnRequest",
  "vatRate",
  "unit",
  "quantity",
  "minOrderQty",
  "leadTimeDays",
  "stockStatus",
  "recipients",
  "recipientsShown",
  "addSupplier",
  "includeOtherSuppliers",
  "removeAttachment",
  "sealed",
  "fromCart",
  "columnCount",
  "spec",
  "items[0].productId",
  "items[0].name",
  "items[0].quantity",
  "items[0].unit",
  "items[1].quantity",
  "specs[0].key",
  "specs[0].value",
  "mapping[0]",
];

const INTENTS = [
  "add",
  "answer",
  "archive",
  "ask",
  "autosave",
  "cancel",
  "certificate",
  "decline",
  "document",
  "draft",
  "duplicate",
  "extend",
  "open",
  "password",
  "photo",
  "profile",
  "publish",
  "read",
  "readAll",
  "remove",
  "remove-certificate",
  "remove-media",
  "restore",
  "revoke",
  "run",
  "save",
  "suspend",
  "unverify",
  "update",
  "upload",
  "validate",
  "verify",
  "delete",
  "",
];

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "NaN",
    "Infinity",
    "99999999999999999999999",
    "1.5",
    "1,5",
    "true",
    "null",
    "undefined",
    "[]",
    "{}",
    "__proto__",
    "constructor",
    "' OR 1=1 --",
    '"><script>alert(1)</script>',
    "../../etc/passwd",
    "//evil.example/",
    "https://evil.example/",
    "javascript:alert(1)",
    '=HYPERLINK("http://x")',
    "2026-02-30",
    "2026-13-01T25:61",
    "9999-12-31T23:59",
    "0000-00-00",
    "\u0000",
    "a".repeat(5000),
    "ТМГ-1000/10/0,4",
  ),
);

function fieldValue(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: hostileText },
    { weight: 2, arbitrary: fc.constantFrom(...INTENTS) },
    { weight: 2, arbitrary: fc.constant(null).map(() => ids[Math.floor(Math.random() * ids.length)] ?? "x") },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

const formArb = fc.record({
  fields: fc.array(
    fc.tuple(
      fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FIELD_NAMES) }, fc.string({ maxLength: 12 })),
      fieldValue(),
    ),
    { maxLength: 14 },
  ),
  intent: fc.option(fc.constantFrom(...INTENTS), { nil: undefined }),
  file: fc.option(
    fc.record({
      field: fc.constantFrom("file", "attachments", "photo", "document", "certificate", "media"),
      name: fc.oneof(fc.constantFrom("spec.pdf", "../../../etc/passwd", "прайс.xlsx", "a.exe", ""), fc.string()),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 64 }),
        fc.constant(new TextEncoder().encode("%PDF-1.4\n%fake")),
        fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
      ),
    }),
    { nil: undefined },
  ),
  encoding: fc.constantFrom("multipart", "urlencoded", "json", "garbage", "malformed"),
  lang: fc.constantFrom(undefined, "en"),
  persona: fc.nat(),
  paramPick: fc.nat(),
  paramRandom: fc.string({ maxLength: 30 }),
});

type Form = typeof formArb extends fc.Arbitrary<infer T> ? T : never;

function buildRequest(url: string, form: Form, cookie: string | null): Request {
  const headers = new Headers({ "user-agent": "fuzz", origin: "http://localhost" });
  if (cookie) headers.set("cookie", cookie);
  const fields = [...form.fields];
  if (form.intent !== undefined) fields.unshift(["intent", form.intent]);
  let body: BodyInit;
  if (form.encoding === "multipart") {
    const fd = new FormData();
    for (const [k, v] of fields) fd.append(k, v);
    if (form.file) fd.append(form.file.field, new File([form.file.bytes], form.file.name));
    body = fd;
  } else if (form.encoding === "urlencoded") {
    body = new URLSearchParams(fields);
    headers.set("content-type", "application/x-www-form-urlencoded");
  } else if (form.encoding === "json") {
    body = JSON.stringify(Object.fromEntries(fields));
    headers.set("content-type", "application/json");
  } else if (form.encoding === "malformed") {
    // a multipart body that does not match its declared boundary: reaches the action, must not be a 500
    body = `--other\r\n${fields.map(([k, v]) => `${k}=${v}`).join("\r\n")}`;
    headers.set("content-type", "multipart/form-data; boundary=----fuzz");
  } else {
    // a multipart type without its boundary (a broken client): the server gate refuses it
    body = fields.map(([k, v]) => `${k}${v}`).join("&;=");
    headers.set("content-type", "multipart/form-data");
  }
  return new Request(url, { method: "POST", headers, body });
}

/** The HTTP status Remix would send for what an action returned or threw. */
async function statusOf(run: () => unknown): Promise<{ status: number; error?: unknown }> {
  const fromValue = (v: unknown): number => {
    if (v instanceof Response) return v.status;
    const init = (v as { init?: { status?: number } | null } | null)?.init;
    if (v && typeof v === "object" && (v as { type?: string }).type === "DataWithResponseInit")
      return init?.status ?? 200;
    return 200;
  };
  try {
    return { status: fromValue(await run()) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status };
    if (thrown && typeof thrown === "object" && (thrown as { type?: string }).type === "DataWithResponseInit")
      return { status: fromValue(thrown) };
    return { status: 500, error: thrown };
  }
}

let ipSeq = 0;

describe("route actions under fuzzed form data", () => {
  it("discovers the route actions", () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it("no action answers 500, whoever posts whatever", async () => {
    const failures: string[] = [];
    let calls = 0;
    let refused = 0;
    const statuses = new Map<number, number>();
    for (const route of routes) {
      await fc
        .assert(
          fc.asyncProperty(formArb, async (form) => {
            const persona = personas[form.persona % personas.length];
            const cookie = persona.userId
              ? `sm_session=${
                  (
                    await createSession({
                      userId: persona.userId,
                      activeOrganizationId: persona.organizationId,
                      ip: null,
                      userAgent: "fuzz",
                    })
                  ).token
                }`
              : null;
            const params: Record<string, string | undefined> = { lang: form.lang };
            let pathname = route.pattern;
            for (const name of route.paramNames) {
              const value =
                form.paramPick % 3 === 0 ? form.paramRandom : (ids[form.paramPick % ids.length] ?? form.paramRandom);
              params[name] = value;
              pathname = pathname.replace(`:${name}`, encodeURIComponent(value));
            }
            const url = `http://localhost${form.lang ? `/${form.lang}` : ""}${pathname}`;
            ipSeq++;
            const context = {
              requestId: `fuzz-${ipSeq}`,
              cspNonce: "fuzz",
              clientIp: `10.77.${(ipSeq >> 8) & 255}.${ipSeq & 255}`,
            };
            const request = buildRequest(url, form, cookie);
            if (
              isUnsupportedFormBody({
                method: "POST",
                path: new URL(url).pathname,
                contentType: request.headers.get("content-type") ?? undefined,
              })
            ) {
              // scripts/serve.ts answers 415 before Remix; only well-formed form bodies reach the action
              refused++;
              if (form.encoding === "json" || form.encoding === "garbage") return true;
              failures.push(`${route.file}: a well-formed ${form.encoding} form would be refused`);
              return false;
            }
            calls++;
            const { status, error } = await statusOf(() =>
              withFormBodyGuard(route.action)({ request, params, context }),
            );
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status >= 500) {
              const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
              failures.push(`${route.file} as ${persona.name}: ${status} ${message.slice(0, 300)}`);
              return false;
            }
            return true;
          }),
          { numRuns: securityRuns(12), endOnFailure: true },
        )
        .catch(() => {
          /* collected in failures; keep fuzzing the other routes */
        });
    }
    expect(calls).toBeGreaterThan(routes.length * 5);
    console.info("fuzzed action responses by status:", Object.fromEntries(statuses));
    expect(refused).toBeGreaterThan(0);
    // the fuzz gets past authentication: validation errors and successful writes, not only redirects to /login
    expect([...statuses.keys()].some((s) => s === 400 || s === 422)).toBe(true);
    expect(failures, failures.join("\n")).toEqual([]);
  }, 600_000);
});
