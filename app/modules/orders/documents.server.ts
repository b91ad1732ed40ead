import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { OrderDocumentKind } from "~/generated/prisma/enums";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { auditTrail } from "~/modules/audit/audit.server";
import {
  deleteStoredFile,
  readStoredFileBytes,
  saveGeneratedFile,
  saveUpload,
  type UploadInput,
} from "~/modules/files/files.server";
import { getPrisma } from "~/utils/db.server";
import { DomainError } from "~/utils/domain-error";
import {
  buildContractData,
  CONTRACT_PLACEHOLDERS,
  DEFAULT_CONTRACT_TEMPLATE,
  fillTemplate,
  normalizeTemplate,
  SAMPLE_CONTRACT_VALUES,
  type TemplateProblem,
  validateContractTemplate,
} from "./contract";
import { renderContractPdf } from "./contract-pdf.server";
import { FulfilmentInputError } from "./errors";
import { buildUpdData } from "./upd";
import { renderUpdPdf } from "./upd-pdf.server";
import { encodeUpdXml, renderUpdXml, UPD_XML_ENCODING } from "./upd-xml";

const auditOrder = auditTrail("order");
const auditContractTemplate = auditTrail("contract_template");

/**
 * PUBLIC SURFACE for an order's closing documents (ADR 0017). Generated documents are made once, stored as files
 * (StoredFile: stable bytes + sha256) and listed as OrderDocument versions; a later request serves the stored bytes,
 * so what a party downloads is what an ЭДО connector would sign and send. Readers: the buyer's and the supplier's
 * organisation and operators; anyone else gets NotFoundError.
 */
type Db = Prisma.TransactionClient | ReturnType<typeof getPrisma>;

export function documentScope(actor: Actor): Prisma.OrderWhereInput {
  if (actor.isOperator) return {};
  if (!actor.organizationId) throw new NotFoundError("order");
  return { OR: [{ buyerOrgId: actor.organizationId }, { supplierOrgId: actor.organizationId }] };
}

const requisites = {
  select: {
    legalName: true,
    inn: true,
    kpp: true,
    legalAddress: true,
    bankName: true,
    bik: true,
    settlementAccount: true,
    correspondentAccount: true,
  },
} as const;

export interface DocumentFile {
  filename: string;
  mimeType: string;
  bytes: Buffer;
  sha256: string;
  version: number;
}

async function latest(db: Db, orderId: string, kind: OrderDocumentKind, subject: string) {
  return db.orderDocument.findFirst({
    where: { orderId, kind, subject },
    orderBy: { version: "desc" },
    include: { file: true },
  });
}

async function asFile(doc: { version: number; file: { id: string } }): Promise<DocumentFile> {
  const { file, bytes } = await readStoredFileBytes(doc.file.id);
  return { filename: file.originalName, mimeType: file.mimeType, bytes, sha256: file.sha256, version: doc.version };
}

/**
 * Writes the rows of documents whose files were just stored and answers `result`. When the transaction fails the
 * files are deleted; when another request wrote the same document first (a unique violation), theirs is served.
 */
async function keepFirstGenerated(
  db: ReturnType<typeof getPrisma>,
  fileIds: string[],
  write: (tx: Prisma.TransactionClient) => Promise<DocumentFile>,
  theirs: () => Promise<{ version: number; file: { id: string } } | null>,
): Promise<DocumentFile> {
  try {
    return await db.$transaction(write);
  } catch (e) {
    for (const id of fileIds) await deleteStoredFile(id).catch(() => {});
    if ((e as { code?: string }).code !== "P2002") throw e;
    const found = await theirs();
    if (!found) throw e;
    return asFile(found);
  }
}

async function signerName(db: Db, orgId: string): Promise<string> {
  const owner = await db.membership.findFirst({
    where: { organizationId: orgId, role: { in: ["OWNER", "ADMIN"] } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { user: { select: { name: true } } },
  });
  return owner?.user.name ?? "—";
}

/**
 * The УПД of one shipment as PDF or XML. `shipmentId` may be omitted when the order has exactly one shipment. The first
 * request generates both forms together (same GUID, same moment) and stores them; later ones read them back.
 */
export async function getUpd(
  actor: Actor,
  orderId: string,
  opts: { shipmentId?: string | null; format: "pdf" | "xml" },
): Promise<DocumentFile> {
  const prisma = getPrisma();
  const order = await prisma.order.findFirst({
    where: { AND: [{ id: orderId }, documentScope(actor)] },
    include: {
      buyer: requisites,
      supplier: requisites,
      shipments: {
        orderBy: { seq: "asc" },
        include: {
          lines: {
            include: {
              orderLine: {
                select: { position: true, name: true, unit: true, unitPriceKopecks: true, vatRate: true },
              },
            },
          },
        },
      },
    },
  });
  if (!order || order.shipments.length === 0) throw new NotFoundError("upd");
  let shipment = order.shipments.find((s) => s.id === opts.shipmentId);
  if (!opts.shipmentId) {
    if (order.shipments.length > 1) throw new FulfilmentInputError("shipment", "errors.shipmentRequired");
    shipment = order.shipments[0];
  }
  if (!shipment) throw new NotFoundError("shipment");
  const kind = opts.format === "pdf" ? "UPD_PDF" : "UPD_XML";
  const existing = await latest(prisma, order.id, kind, shipment.id);
  if (existing) return asFile(existing);

  const party = (o: typeof order.buyer) => ({ ...o, address: o.legalAddress });
  const data = buildUpdData({
    order,
    shipment,
    seller: party(order.supplier),
    buyer: party(order.buyer),
    signerName: await signerName(prisma, order.supplierOrgId),
    guid: randomUUID(),
    generatedAt: new Date(),
  });
  const pdf = await renderUpdPdf(data);
  const xml = encodeUpdXml(renderUpdXml(data));
  const files = [
    { kind: "UPD_PDF" as const, name: `UPD-${data.number}.pdf`, mimeType: "application/pdf", bytes: pdf },
    {
      kind: "UPD_XML" as const,
      name: `${data.fileId}.xml`,
      mimeType: `application/xml; charset=${UPD_XML_ENCODING}`,
      bytes: xml,
    },
  ];
  const stored = await Promise.all(
    files.map(async (f) => ({
      ...f,
      file: await saveGeneratedFile({
        organizationId: order.supplierOrgId,
        createdById: actor.userId,
        name: f.name,
        mimeType: f.mimeType,
        bytes: f.bytes,
      }),
    })),
  );
  const mine = stored.find((f) => f.kind === kind);
  if (!mine) throw new Error("unreachable");
  return keepFirstGenerated(
    prisma,
    stored.map((f) => f.file.id),
    async (tx) => {
      for (const f of stored) {
        await tx.orderDocument.create({
          data: {
            orderId: order.id,
            shipmentId: shipment.id,
            kind: f.kind,
            subject: shipment.id,
            version: 1,
            fileId: f.file.id,
            externalId: f.kind === "UPD_XML" ? data.fileId : data.number,
            createdById: actor.userId,
          },
        });
      }
      await auditOrder(tx, order.id, "order.documentGenerated", actor, {
        kind: "UPD",
        number: data.number,
        fileId: data.fileId,
        sha256: stored.map((f) => f.file.sha256),
      });
      return {
        filename: mine.file.originalName,
        mimeType: mine.mimeType,
        bytes: mine.bytes,
        sha256: mine.file.sha256,
        version: 1,
      };
    },
    () => latest(prisma, order.id, kind, shipment.id),
  );
}

/** Every stored document of an order (generated and uploaded), newest version first per kind. */
export async function listDocuments(actor: Actor, orderId: string) {
  const order = await getPrisma().order.findFirst({
    where: { AND: [{ id: orderId }, documentScope(actor)] },
    select: {
      id: true,
      documents: {
        orderBy: [{ kind: "asc" }, { subject: "asc" }, { version: "desc" }],
        include: {
          file: { select: { originalName: true, size: true, sha256: true } },
          shipment: { select: { seq: true } },
        },
      },
    },
  });
  if (!order) throw new NotFoundError("order");
  return order.documents.map((d) => ({
    id: d.id,
    kind: d.kind,
    version: d.version,
    shipmentSeq: d.shipment?.seq ?? null,
    externalId: d.externalId,
    name: d.file.originalName,
    size: d.file.size,
    sha256: d.file.sha256,
    createdAt: d.createdAt,
  }));
}

/** One stored document version by id (the document list links here). */
export async function readDocument(actor: Actor, orderId: string, documentId: string): Promise<DocumentFile> {
  const doc = await getPrisma().orderDocument.findFirst({
    where: { id: documentId, orderId, order: documentScope(actor) },
    include: { file: { select: { id: true } } },
  });
  if (!doc) throw new NotFoundError("document");
  return asFile(doc);
}

// ───────────────────────────────────────────── договор поставки ─────────────────────────────────────────────

/** The template in force: the operator's latest saved version, or the built-in text (version 0) before any edit. */
export async function getContractTemplate(db: Db = getPrisma()): Promise<{ version: number; body: string }> {
  const t = await db.contractTemplate.findFirst({ orderBy: { version: "desc" } });
  return t ? { version: t.version, body: t.body } : { version: 0, body: DEFAULT_CONTRACT_TEMPLATE };
}

/** The template failed its checks (validateContractTemplate): the problems, for the operator's form. */
export class ContractTemplateError extends DomainError {
  constructor(readonly problems: TemplateProblem[]) {
    super("invalid", `invalid contract template: ${problems.map((p) => p.code).join(", ")}`);
  }
}

function requireOperator(actor: Actor) {
  if (!actor.isOperator) throw new ForbiddenError("operators edit the contract template");
}

/** The operator's template page: the version in force and its history (newest first), operator-only. */
export async function getContractTemplateAdmin(actor: Actor) {
  requireOperator(actor);
  const prisma = getPrisma();
  const [current, versions] = await Promise.all([
    getContractTemplate(prisma),
    prisma.contractTemplate.findMany({
      orderBy: { version: "desc" },
      take: 50,
      select: { version: true, createdAt: true, createdById: true },
    }),
  ]);
  const used = await prisma.orderDocument.groupBy({
    by: ["subject"],
    where: { kind: "CONTRACT_PDF" },
    _count: { _all: true },
  });
  const ordersByVersion = new Map(used.map((u) => [u.subject, u._count._all]));
  return {
    current,
    placeholders: CONTRACT_PLACEHOLDERS,
    versions: versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt,
      contracts: ordersByVersion.get(contractSubject(v.version)) ?? 0,
    })),
    builtInContracts: ordersByVersion.get(contractSubject(0)) ?? 0,
  };
}

/** The operator's preview: the problems of a draft and its text filled with example values. Saves nothing. */
export function previewContractTemplate(actor: Actor, body: string) {
  requireOperator(actor);
  return {
    problems: validateContractTemplate(body),
    text: fillTemplate(normalizeTemplate(body), SAMPLE_CONTRACT_VALUES),
  };
}

/**
 * An operator saves a new version of the template. Contracts already generated keep the version they were made with
 * (their PDF and hash do not change); orders whose contract is generated later get the new one.
 */
export async function saveContractTemplate(actor: Actor, body: string) {
  requireOperator(actor);
  const problems = validateContractTemplate(body);
  if (problems.length > 0) throw new ContractTemplateError(problems);
  const text = normalizeTemplate(body);
  return getPrisma().$transaction(async (tx) => {
    const current = await getContractTemplate(tx);
    const saved = await tx.contractTemplate.create({
      data: { version: current.version + 1, body: text, createdById: actor.userId },
    });
    await auditContractTemplate(tx, saved.id, "contract_template.saved", actor, { version: saved.version });
    return { version: saved.version };
  });
}

const contractSubject = (templateVersion: number) => `template-${templateVersion}`;

/**
 * The договор поставки with its спецификация for an order, made from the template in force and stored; when the
 * operator has changed the template since, the next request stores a new version (the old ones stay listed).
 */
export async function getContractPdf(actor: Actor, orderId: string): Promise<DocumentFile> {
  const prisma = getPrisma();
  const order = await prisma.order.findFirst({
    where: { AND: [{ id: orderId }, documentScope(actor), { status: { not: "CANCELLED" } }] },
    include: {
      lines: { orderBy: { position: "asc" } },
      buyer: { select: { ...requisites.select, city: true, ogrn: true } },
      supplier: { select: { ...requisites.select, city: true, ogrn: true } },
      rfq: { select: { number: true, title: true } },
    },
  });
  if (!order) throw new NotFoundError("contract");
  // an order keeps the contract (and so the template version) it was first generated with
  const existing = await prisma.orderDocument.findFirst({
    where: { orderId: order.id, kind: "CONTRACT_PDF" },
    orderBy: { version: "desc" },
    include: { file: true },
  });
  if (existing) return asFile(existing);
  const template = await getContractTemplate(prisma);
  const subject = contractSubject(template.version);
  const data = buildContractData({
    order,
    rfq: order.rfq,
    supplier: { ...order.supplier, address: order.supplier.legalAddress },
    buyer: { ...order.buyer, address: order.buyer.legalAddress },
    template,
  });
  const pdf = await renderContractPdf(data);
  const file = await saveGeneratedFile({
    organizationId: order.supplierOrgId,
    createdById: actor.userId,
    name: `Dogovor-${data.number}.pdf`,
    mimeType: "application/pdf",
    bytes: pdf,
  });
  return keepFirstGenerated(
    prisma,
    [file.id],
    async (tx) => {
      const count = await tx.orderDocument.count({ where: { orderId: order.id, kind: "CONTRACT_PDF" } });
      await tx.orderDocument.create({
        data: {
          orderId: order.id,
          kind: "CONTRACT_PDF",
          subject,
          version: count + 1,
          fileId: file.id,
          externalId: data.number,
          createdById: actor.userId,
        },
      });
      await auditOrder(tx, order.id, "order.documentGenerated", actor, {
        kind: "CONTRACT",
        number: data.number,
        templateVersion: template.version,
        sha256: file.sha256,
      });
      const version = count + 1;
      return { filename: file.originalName, mimeType: "application/pdf", bytes: pdf, sha256: file.sha256, version };
    },
    () =>
      prisma.orderDocument.findFirst({
        where: { orderId: order.id, kind: "CONTRACT_PDF", subject },
        include: { file: true },
      }),
  );
}

/**
 * The buyer or the supplier marks the contract signed by uploading the signed scan (PDF or image, checked by the files
 * module); each upload is a new version of that party's signed copy.
 */
export async function signContract(actor: Actor, orderId: string, upload: UploadInput) {
  const prisma = getPrisma();
  if (!actor.organizationId) throw new NotFoundError("order");
  const order = await prisma.order.findFirst({
    where: {
      AND: [
        { id: orderId, status: { not: "CANCELLED" } },
        { OR: [{ buyerOrgId: actor.organizationId }, { supplierOrgId: actor.organizationId }] },
      ],
    },
    select: { id: true, buyerOrgId: true, supplierOrgId: true },
  });
  if (!order) throw new NotFoundError("order");
  const kind = order.buyerOrgId === actor.organizationId ? "CONTRACT_SIGNED_BUYER" : "CONTRACT_SIGNED_SUPPLIER";
  const file = await saveUpload({
    organizationId: actor.organizationId,
    uploadedById: actor.userId,
    file: upload,
    allowed: ["pdf", "jpeg", "png"],
    keepOriginalImage: true,
  });
  try {
    return await prisma.$transaction(async (tx) => {
      const count = await tx.orderDocument.count({ where: { orderId: order.id, kind } });
      const doc = await tx.orderDocument.create({
        data: { orderId: order.id, kind, version: count + 1, fileId: file.id, createdById: actor.userId },
      });
      await auditOrder(tx, order.id, "order.contractSigned", actor, {
        kind,
        version: doc.version,
        sha256: file.sha256,
      });
      return { kind, version: doc.version };
    });
  } catch (e) {
    await deleteStoredFile(file.id).catch(() => {});
    throw e;
  }
}
