import { randomBytes, randomUUID } from "node:crypto";
import { unzipSync } from "fflate";
import type { Prisma } from "~/generated/prisma/client";
import { authenticatePassword, type RequestContext } from "~/modules/accounts/accounts.server";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { listSupplierOrdersForExport, OrderStateError, performOrderStep } from "~/modules/orders/orders.server";
import { getPrisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { hitRateLimit, RateLimitedError } from "~/utils/rate-limit.server";
import { buildOrdersXml, stepsFromRequisites } from "../commerceml/orders-xml";
import {
  type CmlCatalog,
  type CmlOffers,
  CommerceMlError,
  parseCatalog,
  parseOffers,
  parseOrders,
  sniffCommerceMl,
} from "../commerceml/parse";
import { actorOfExchangeCredential, sha256Hex } from "./credentials.server";
import {
  emptyCounters,
  type ImportCounters,
  importCatalogSlice,
  importOffersSlice,
  rememberGroups,
} from "./importer.server";

/**
 * 1C «обмен с сайтом» over HTTP (CommerceML 2): `/exchange/1c?type=catalog|sale&mode=checkauth|init|file|import|
 * query|success`. Answers are plain text lines as 1C expects them (`success`, `progress`, `failure\n<reason>`).
 * Every exchange is one ExchangeSession row: its files, its steps and its report are the supplier's exchange log.
 */

export const EXCHANGE_COOKIE = "snabmost_1c";
/** The chunk size 1C is told to use (`file_limit`). */
export const FILE_LIMIT = 4 * 1024 * 1024;
/** One uploaded file (after all chunks) and one session (uploads + unpacked archives) at most. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_SESSION_BYTES = 300 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 20_000;
/** Products or offers applied per `import` call before answering `progress`. */
export const IMPORT_STEP_ITEMS = 100;
const SESSION_HOURS = 12;

type SupplierActor = Actor & { organizationId: string };

export interface ExchangeReport {
  files: Record<string, number>;
  imports: Record<string, { kind: "catalog" | "offers"; total: number; done: number } & ImportCounters>;
  orders?: { exported: number; acknowledged: boolean; updated: number; refused: number };
  failure?: string;
  priceTypes?: string[];
  chosenPriceType?: string | null;
}

const text = (body: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });
const failure = (reason: string) => text(`failure\n${reason}`);

function basicCredentials(request: Request): { user: string; password: string } | null {
  const h = request.headers.get("Authorization");
  const m = h ? /^Basic\s+(.+)$/i.exec(h.trim()) : null;
  if (!m) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const i = decoded.indexOf(":");
  if (i < 0) return null;
  return { user: decoded.slice(0, i), password: decoded.slice(i + 1) };
}

function sessionToken(request: Request, url: URL): string | null {
  const cookie = request.headers.get("Cookie") ?? "";
  for (const part of cookie.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === EXCHANGE_COOKIE) return v.join("=");
  }
  return url.searchParams.get("sessid");
}

async function checkauth(request: Request, type: string, ctx: RequestContext): Promise<Response> {
  const limit = await hitRateLimit(`exchange:auth:${ctx.ip}`, { limit: 30, windowSeconds: 60 });
  if (!limit.ok) return failure("too many attempts, try later");
  const creds = basicCredentials(request);
  if (!creds) return failure("Basic authorization required");
  let actor: (Actor & { credentialId?: string }) | null = null;
  try {
    actor = creds.user.includes("@")
      ? await authenticatePassword({ email: creds.user, password: creds.password }, "SUPPLIER", ctx)
      : await actorOfExchangeCredential(creds.user, creds.password);
  } catch (error) {
    if (error instanceof RateLimitedError) return failure("too many attempts, try later");
    throw error;
  }
  if (!actor?.organizationId) return failure("wrong login or password");
  const token = randomBytes(32).toString("base64url");
  const session = await getPrisma().exchangeSession.create({
    data: {
      organizationId: actor.organizationId,
      userId: actor.userId,
      credentialId: actor.credentialId ?? null,
      tokenHash: sha256Hex(token),
      type,
      report: { files: {}, imports: {} },
      expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
    },
    select: { id: true },
  });
  logger.info({ event: "exchange.checkauth", sessionId: session.id, orgId: actor.organizationId, type }, "1C exchange");
  return text(`success\n${EXCHANGE_COOKIE}\n${token}\n`);
}

async function loadSession(token: string | null) {
  if (!token) return null;
  const session = await getPrisma().exchangeSession.findUnique({ where: { tokenHash: sha256Hex(token) } });
  if (!session || session.expiresAt < new Date()) return null;
  const membership = await getPrisma().membership.findFirst({
    where: { userId: session.userId, organizationId: session.organizationId, organization: { suspendedAt: null } },
    select: { role: true },
  });
  if (!membership) return null;
  if (session.credentialId) {
    const cred = await getPrisma().exchangeCredential.findUnique({ where: { id: session.credentialId } });
    if (!cred || cred.revokedAt) return null;
  }
  const actor: SupplierActor = {
    userId: session.userId,
    organizationId: session.organizationId,
    orgKind: "SUPPLIER",
    role: membership.role,
    isOperator: false,
  };
  return { session, actor };
}

type Session = NonNullable<Awaited<ReturnType<typeof loadSession>>>["session"];

function reportOf(session: { report: Prisma.JsonValue }): ExchangeReport {
  const r = (session.report ?? {}) as Partial<ExchangeReport>;
  return { files: r.files ?? {}, imports: r.imports ?? {}, ...r } as ExchangeReport;
}

async function saveReport(sessionId: string, report: ExchangeReport, extra: Prisma.ExchangeSessionUpdateInput = {}) {
  await getPrisma().exchangeSession.update({
    where: { id: sessionId },
    data: { report: report as unknown as Prisma.InputJsonValue, ...extra },
  });
}

function safeName(raw: string | null): string | null {
  if (!raw) return null;
  const name = raw.replace(/\\/g, "/").replace(/^\/+/, "");
  if (name === "" || name.length > 255 || name.split("/").some((p) => p === ".." || p === "")) return null;
  return name;
}

/** Appends one chunk to the session's file (1C sends big files in `file_limit` pieces under the same name). */
export async function appendFile(sessionId: string, name: string, chunk: Uint8Array): Promise<number> {
  const prisma = getPrisma();
  const [{ total }] = await prisma.$queryRaw<{ total: bigint | null }[]>`
    SELECT coalesce(sum(size), 0)::bigint AS total FROM exchange_file WHERE "sessionId" = ${sessionId}`;
  if (Number(total ?? 0) + chunk.byteLength > MAX_SESSION_BYTES) throw new CommerceMlError("exchange too large");
  const [row] = await prisma.$queryRaw<{ size: number }[]>`
    INSERT INTO exchange_file (id, "sessionId", name, bytes, size, "createdAt")
    VALUES (${randomUUID()}, ${sessionId}, ${name}, ${Buffer.from(chunk)}, ${chunk.byteLength}, now())
    ON CONFLICT ("sessionId", name) DO UPDATE
      SET bytes = exchange_file.bytes || EXCLUDED.bytes, size = exchange_file.size + EXCLUDED.size,
          progress = NULL, "doneAt" = NULL
    RETURNING size`;
  if (row.size > MAX_FILE_BYTES) {
    await prisma.exchangeFile.deleteMany({ where: { sessionId, name } });
    throw new CommerceMlError(`file ${name} is larger than ${MAX_FILE_BYTES} bytes`);
  }
  return row.size;
}

async function readBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > FILE_LIMIT * 2) throw new CommerceMlError("chunk larger than file_limit");
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > FILE_LIMIT * 2) throw new CommerceMlError("chunk larger than file_limit");
  return bytes;
}

/** Unpacks uploaded .zip archives (bounded: entries and inflated size) into session files. Returns whether any. */
async function unpackArchives(session: Session): Promise<boolean> {
  const prisma = getPrisma();
  const zips = await prisma.exchangeFile.findMany({
    where: { sessionId: session.id, doneAt: null, name: { endsWith: ".zip", mode: "insensitive" } },
  });
  for (const zip of zips) {
    let inflated = 0;
    let entries = 0;
    const files = unzipSync(new Uint8Array(zip.bytes), {
      filter: (f) => {
        if (f.name.endsWith("/")) return false;
        entries++;
        inflated += f.originalSize;
        if (entries > MAX_ZIP_ENTRIES || inflated > MAX_SESSION_BYTES) throw new CommerceMlError("archive too large");
        return true;
      },
    });
    for (const [name, bytes] of Object.entries(files)) {
      const clean = safeName(name);
      if (!clean) continue;
      await prisma.exchangeFile.deleteMany({ where: { sessionId: session.id, name: clean } });
      await appendFile(session.id, clean, bytes);
    }
    await prisma.exchangeFile.update({ where: { id: zip.id }, data: { doneAt: new Date(), bytes: Buffer.alloc(0) } });
  }
  return zips.length > 0;
}

async function findFile(sessionId: string, name: string) {
  const prisma = getPrisma();
  const exact = await prisma.exchangeFile.findUnique({ where: { sessionId_name: { sessionId, name } } });
  if (exact) return exact;
  const base = name.split("/").pop() ?? name;
  return prisma.exchangeFile.findFirst({
    where: { sessionId, OR: [{ name: { endsWith: `/${base}` } }, { name: base }] },
    orderBy: { createdAt: "desc" },
  });
}

// Parsed files are kept between steps of one import (bounded), so each step does not parse the XML again.
const parsedCache = new Map<string, CmlCatalog | CmlOffers>();
function cached<T extends CmlCatalog | CmlOffers>(key: string, parse: () => T): T {
  const hit = parsedCache.get(key);
  if (hit) return hit as T;
  const value = parse();
  if (parsedCache.size >= 4) parsedCache.delete(parsedCache.keys().next().value as string);
  parsedCache.set(key, value);
  return value;
}

export type StepResult =
  | { state: "progress"; message: string }
  | { state: "success" }
  | { state: "failure"; reason: string };

/**
 * One import step of one uploaded file: unpack archives first, then apply IMPORT_STEP_ITEMS products/offers and
 * remember how far it got. A finished file answers `success` again (idempotent: 1C may repeat the call).
 */
export async function importStep(session: Session, actor: SupplierActor, filename: string): Promise<StepResult> {
  const prisma = getPrisma();
  if (await unpackArchives(session)) return { state: "progress", message: "archive unpacked" };
  const file = await findFile(session.id, filename);
  if (!file) return { state: "failure", reason: `file ${filename} was not uploaded` };
  if (file.doneAt) return { state: "success" };
  const bytes = new Uint8Array(file.bytes);
  const kind = sniffCommerceMl(bytes);
  if (kind !== "catalog" && kind !== "offers")
    return { state: "failure", reason: `${filename} is not import.xml or offers.xml` };
  const fresh = await prisma.exchangeSession.findUniqueOrThrow({ where: { id: session.id } });
  const report = reportOf(fresh);
  const key = `${file.id}:${file.size}`;
  const settings = await prisma.exchangeSettings.findUnique({ where: { organizationId: actor.organizationId } });
  const from = file.progress ?? 0;
  let total: number;
  const entry = report.imports[file.name] ?? { kind, total: 0, done: 0, ...emptyCounters() };
  if (kind === "catalog") {
    const catalog = cached(key, () => parseCatalog(bytes));
    total = catalog.products.length;
    if (file.progress === null) await rememberGroups(actor.organizationId, catalog);
    await importCatalogSlice(actor, catalog, from, from + IMPORT_STEP_ITEMS, entry, imageSource(session.id));
  } else {
    const offers = cached(key, () => parseOffers(bytes));
    total = offers.offers.length;
    report.priceTypes = offers.priceTypes.map((p) => p.name);
    const chosen = offers.priceTypes.find((p) => p.name === settings?.priceTypeName) ?? offers.priceTypes[0];
    report.chosenPriceType = chosen?.name ?? null;
    await importOffersSlice(actor, offers, settings?.priceTypeName ?? null, from, from + IMPORT_STEP_ITEMS, entry);
  }
  const done = Math.min(total, from + IMPORT_STEP_ITEMS);
  report.imports[file.name] = { ...entry, kind, total, done };
  const finished = done >= total;
  await prisma.exchangeFile.update({
    where: { id: file.id },
    data: { progress: done, ...(finished ? { doneAt: new Date() } : {}) },
  });
  const pendingXml = finished
    ? await prisma.exchangeFile.count({
        where: { sessionId: session.id, doneAt: null, name: { endsWith: ".xml", mode: "insensitive" } },
      })
    : 1;
  await saveReport(session.id, report, pendingXml === 0 ? { status: "DONE", finishedAt: new Date() } : {});
  if (finished) parsedCache.delete(key);
  return finished ? { state: "success" } : { state: "progress", message: `${done} / ${total}` };
}

function imageSource(sessionId: string) {
  return async (path: string) => {
    const file = await findFile(sessionId, path);
    return file && file.size > 0 ? new Uint8Array(file.bytes) : null;
  };
}

/** `type=sale&mode=query`: the supplier's orders changed since the last acknowledged export, as CommerceML. */
export async function exportOrders(session: Session, actor: SupplierActor): Promise<string> {
  const prisma = getPrisma();
  const settings = await prisma.exchangeSettings.upsert({
    where: { organizationId: actor.organizationId },
    create: { organizationId: actor.organizationId },
    update: {},
  });
  const now = new Date();
  const orders = await listSupplierOrdersForExport(actor, { since: settings.ordersExportedAt, until: now });
  const productIds = [
    ...new Set(orders.flatMap((o) => o.lines.map((l) => l.productId)).filter((x): x is string => !!x)),
  ];
  const links = await prisma.exchangeProduct.findMany({
    where: { organizationId: actor.organizationId, productId: { in: productIds } },
    select: { productId: true, externalId: true },
  });
  const externalOf = new Map(links.map((l) => [l.productId, l.externalId]));
  const until = orders.length === 500 ? orders[orders.length - 1].updatedAt : now;
  await prisma.exchangeSettings.update({
    where: { organizationId: actor.organizationId },
    data: { ordersPendingAt: until },
  });
  const report = reportOf(await prisma.exchangeSession.findUniqueOrThrow({ where: { id: session.id } }));
  report.orders = { exported: orders.length, acknowledged: false, updated: 0, refused: 0 };
  await saveReport(session.id, report);
  return buildOrdersXml(
    orders.map((o) => ({
      ...o,
      lines: o.lines.map((l) => ({ ...l, externalId: l.productId ? (externalOf.get(l.productId) ?? null) : null })),
    })),
    now,
  );
}

async function acknowledgeOrders(session: Session, actor: SupplierActor) {
  const prisma = getPrisma();
  const settings = await prisma.exchangeSettings.findUnique({ where: { organizationId: actor.organizationId } });
  if (settings?.ordersPendingAt) {
    await prisma.exchangeSettings.update({
      where: { organizationId: actor.organizationId },
      data: { ordersExportedAt: settings.ordersPendingAt, ordersPendingAt: null },
    });
  }
  const report = reportOf(await prisma.exchangeSession.findUniqueOrThrow({ where: { id: session.id } }));
  report.orders = { exported: 0, updated: 0, refused: 0, ...report.orders, acknowledged: true };
  await saveReport(session.id, report, { status: "DONE", finishedAt: new Date() });
}

/** orders.xml from 1C: each document's flags become order steps, applied where the state machine allows. */
export async function applyOrdersFrom1C(actor: SupplierActor, bytes: Uint8Array) {
  const docs = parseOrders(bytes);
  let updated = 0;
  let refused = 0;
  for (const doc of docs) {
    let changed = false;
    for (const action of stepsFromRequisites(doc.requisites)) {
      try {
        if (action === "cancel") {
          await performOrderStep(actor, doc.id, { action, reason: doc.requisites["Причина отмены"] || "Отменён в 1С" });
        } else if (action === "ship") {
          await performOrderStep(actor, doc.id, {
            action,
            trackingNote: doc.requisites["Номер отгрузки по 1С"] || "Отгружено по данным 1С",
          });
        } else await performOrderStep(actor, doc.id, { action });
        changed = true;
      } catch (error) {
        if (error instanceof OrderStateError || error instanceof ForbiddenError) continue;
        if (error instanceof NotFoundError) break;
        throw error;
      }
    }
    if (changed) updated++;
    else refused++;
  }
  return { documents: docs.length, updated, refused };
}

export async function handleExchange(request: Request, ctx: RequestContext): Promise<Response> {
  const url = new URL(request.url);
  const type = url.searchParams.get("type");
  const mode = url.searchParams.get("mode");
  if (type !== "catalog" && type !== "sale") return failure("type must be catalog or sale");
  if (mode === "checkauth") return checkauth(request, type, ctx);
  const loaded = await loadSession(sessionToken(request, url));
  if (!loaded) return failure("not authorized: call mode=checkauth first");
  const { session, actor } = loaded;
  try {
    switch (mode) {
      case "init":
        return text(
          `zip=yes\nfile_limit=${FILE_LIMIT}\nsessid=${url.searchParams.get("sessid") ?? ""}\nversion=2.08\n`,
        );
      case "file": {
        if (request.method !== "POST") return failure("file must be POSTed");
        const name = safeName(url.searchParams.get("filename"));
        if (!name) return failure("bad filename");
        const size = await appendFile(session.id, name, await readBody(request));
        const report = reportOf(await getPrisma().exchangeSession.findUniqueOrThrow({ where: { id: session.id } }));
        report.files[name] = size;
        await saveReport(session.id, report);
        if (type === "sale" && /\.(xml|zip)$/i.test(name)) return saleFile(session, actor, name);
        return text("success\n");
      }
      case "import": {
        if (type !== "catalog") return failure("import is for type=catalog");
        const name = safeName(url.searchParams.get("filename"));
        if (!name) return failure("bad filename");
        const step = await importStep(session, actor, name);
        if (step.state === "failure") return fail(session, step.reason);
        return text(step.state === "success" ? "success\n" : `progress\n${step.message}\n`);
      }
      case "query":
        if (type !== "sale") return failure("query is for type=sale");
        return new Response(await exportOrders(session, actor), {
          headers: { "Content-Type": "application/xml; charset=utf-8" },
        });
      case "success":
        if (type === "sale") await acknowledgeOrders(session, actor);
        return text("success\n");
      default:
        return failure("unknown mode");
    }
  } catch (error) {
    if (error instanceof CommerceMlError) return fail(session, error.message);
    throw error;
  }
}

async function fail(session: Session, reason: string): Promise<Response> {
  const report = reportOf(await getPrisma().exchangeSession.findUniqueOrThrow({ where: { id: session.id } }));
  report.failure = reason;
  await saveReport(session.id, report, { status: "FAILED", finishedAt: new Date() });
  logger.warn({ event: "exchange.failure", sessionId: session.id, reason }, "1C exchange failed");
  return failure(reason);
}

async function saleFile(session: Session, actor: SupplierActor, name: string): Promise<Response> {
  await unpackArchives(session);
  const files = await getPrisma().exchangeFile.findMany({
    where: { sessionId: session.id, doneAt: null, name: { endsWith: ".xml", mode: "insensitive" } },
  });
  const report = reportOf(await getPrisma().exchangeSession.findUniqueOrThrow({ where: { id: session.id } }));
  for (const file of files) {
    const bytes = new Uint8Array(file.bytes);
    if (sniffCommerceMl(bytes) !== "orders") continue;
    let result: Awaited<ReturnType<typeof applyOrdersFrom1C>>;
    try {
      result = await applyOrdersFrom1C(actor, bytes);
    } catch (error) {
      // a chunk of a larger file is not valid XML yet: keep it and wait for the rest
      if (error instanceof CommerceMlError && name === file.name) continue;
      throw error;
    }
    await getPrisma().exchangeFile.update({ where: { id: file.id }, data: { doneAt: new Date() } });
    const prev = report.orders ?? { exported: 0, acknowledged: false, updated: 0, refused: 0 };
    report.orders = { ...prev, updated: prev.updated + result.updated, refused: prev.refused + result.refused };
  }
  await saveReport(session.id, report, { status: "DONE", finishedAt: new Date() });
  return text("success\n");
}

/** Exchange log of the supplier: latest sessions with their reports. */
export async function listExchangeLog(actor: Actor, take = 30) {
  if (actor.orgKind !== "SUPPLIER" || !actor.organizationId) throw new ForbiddenError("supplier organisation required");
  const rows = await getPrisma().exchangeSession.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, type: true, status: true, report: true, createdAt: true, finishedAt: true, credentialId: true },
  });
  return rows.map((r) => ({ ...r, report: reportOf(r) }));
}

/** The same importer for files uploaded by hand (import.xml, offers.xml, images or a zip) on the supplier's pages. */
export async function importUploadedCommerceMl(
  actor: Actor,
  files: { name: string; bytes: Uint8Array }[],
): Promise<{ sessionId: string; report: ExchangeReport; status: string }> {
  if (actor.orgKind !== "SUPPLIER" || !actor.organizationId) throw new ForbiddenError("supplier organisation required");
  const supplier = actor as SupplierActor;
  const prisma = getPrisma();
  const session = await prisma.exchangeSession.create({
    data: {
      organizationId: supplier.organizationId,
      userId: actor.userId,
      tokenHash: sha256Hex(randomBytes(32).toString("hex")),
      type: "manual",
      report: { files: {}, imports: {} },
      expiresAt: new Date(Date.now() + 3600_000),
    },
  });
  try {
    const report: ExchangeReport = { files: {}, imports: {} };
    for (const f of files) {
      const name = safeName(f.name.split(/[\\/]/).pop() ?? f.name);
      if (!name) continue;
      report.files[name] = await appendFile(session.id, name, f.bytes);
    }
    await saveReport(session.id, report);
    await unpackArchives(session);
    const xml = await prisma.exchangeFile.findMany({
      where: { sessionId: session.id, name: { endsWith: ".xml", mode: "insensitive" } },
      select: { name: true, bytes: true },
    });
    // import.xml before offers.xml: offers refer to products
    const ordered = xml
      .map((f) => ({ name: f.name, kind: sniffCommerceMl(new Uint8Array(f.bytes)) }))
      .filter((f) => f.kind === "catalog" || f.kind === "offers")
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "catalog" ? -1 : 1));
    if (ordered.length === 0) throw new CommerceMlError("no import.xml or offers.xml in the upload");
    for (const f of ordered) {
      for (let i = 0; i < 10_000; i++) {
        const step = await importStep(session, supplier, f.name);
        if (step.state === "failure") throw new CommerceMlError(step.reason);
        if (step.state === "success") break;
      }
    }
  } catch (error) {
    if (!(error instanceof CommerceMlError)) throw error;
    const report = reportOf(await prisma.exchangeSession.findUniqueOrThrow({ where: { id: session.id } }));
    report.failure = error.message;
    await saveReport(session.id, report, { status: "FAILED", finishedAt: new Date() });
  }
  const final = await prisma.exchangeSession.findUniqueOrThrow({ where: { id: session.id } });
  await prisma.exchangeFile.deleteMany({ where: { sessionId: session.id } });
  return { sessionId: session.id, report: reportOf(final), status: final.status };
}
