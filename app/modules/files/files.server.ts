import { createHash, randomBytes } from "node:crypto";
import sharp from "sharp";
import type { Prisma, PrismaClient, StoredFile } from "~/generated/prisma/client";
import type { Actor } from "~/modules/accounts/actor";
import { NotFoundError } from "~/modules/accounts/actor";
import { getPrisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { safeFileName } from "./content-disposition";
import {
  EXECUTABLE_EXTENSIONS,
  EXTENSIONS,
  FileError,
  type FileKind,
  IMAGE_KINDS,
  KIND_EXTENSIONS,
  kindOfMime,
  MIME_TYPES,
} from "./file-kinds";
import { sniffFileKind, ZIP_MAX_INFLATED_BYTES, zipInflatesWithin } from "./sniff";
import { deleteObject, getObjectStream, putObject } from "./storage.server";

/**
 * PUBLIC SURFACE OF THE FILES MODULE — shared storage for catalog media/documents, RFQ and quote attachments, imports.
 *
 *   saveUpload({ organizationId, uploadedById, file, allowed }) → StoredFile   (throws FileError)
 *   readStoredFile(fileId) → { file, stream }                                    (no access check: call canReadFile first)
 *   registerFileReadPolicy(name, policy) / canReadFile(actor, fileId)          (owning modules decide who may read)
 *   imageVariant(file, width, format) / imageSize(file)                       (responsive variants, drawn once)
 */
export { contentDisposition, safeFileName } from "./content-disposition";
export {
  DOCUMENT_KINDS,
  FILE_KINDS,
  FileError,
  type FileErrorCode,
  type FileKind,
  IMAGE_KINDS,
  MIME_TYPES,
  SPREADSHEET_KINDS,
} from "./file-kinds";
export {
  IMAGE_VARIANT_FORMATS,
  IMAGE_VARIANT_WIDTHS,
  type ImageVariantFormat,
  type ImageVariantWidth,
  imageSize,
  imageVariant,
  parseVariant,
  VARIANT_MIME,
} from "./image-variants.server";
export { sniffFileKind, zipInflatesWithin } from "./sniff";
export type { StoredFile };

type Db = PrismaClient | Prisma.TransactionClient;

export type UploadInput = File | Blob | { name: string; type?: string; bytes: Uint8Array };

/** Longest side of a stored image; larger photos are scaled down. */
export const IMAGE_MAX_SIDE = 1600;

async function toBytes(file: UploadInput): Promise<{ name: string; bytes: Uint8Array }> {
  if (!(file instanceof Blob)) return { name: file.name, bytes: file.bytes };
  const name = file instanceof File ? file.name : "file";
  return { name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The size of an upload before reading it (File/Blob), to refuse huge bodies early. */
function declaredSize(file: UploadInput): number {
  return file instanceof Blob ? file.size : file.bytes.byteLength;
}

export interface SaveUploadInput {
  organizationId: string;
  uploadedById: string | null;
  file: UploadInput;
  /** The kinds this upload may be; anything else is refused with FileError("bad_type"). */
  allowed: readonly FileKind[];
  /** Keep images as uploaded (no WebP conversion). */
  keepOriginalImage?: boolean;
}

/**
 * Checks size and content, converts images to WebP (max 1600 px), writes the bytes under a random key and records a
 * StoredFile row. `sha256` is the hash of the stored bytes.
 */
export async function saveUpload(input: SaveUploadInput, db: Db = getPrisma()): Promise<StoredFile> {
  const max = env().UPLOAD_MAX_BYTES;
  if (declaredSize(input.file) > max) throw new FileError("too_large", { max: formatMb(max) });
  const { name, bytes } = await toBytes(input.file);
  if (bytes.byteLength === 0) throw new FileError("empty");
  if (bytes.byteLength > max) throw new FileError("too_large", { max: formatMb(max) });
  const kind = sniffFileKind(bytes, name);
  if (!kind || !input.allowed.includes(kind)) {
    throw new FileError("bad_type", { allowed: input.allowed.map((k) => EXTENSIONS[k].toUpperCase()).join(", ") });
  }
  if ((kind === "xlsx" || kind === "docx") && !zipInflatesWithin(bytes)) {
    // a zip bomb dressed as an Office file would exhaust memory when the importer unpacks it
    throw new FileError("too_large", { max: formatMb(ZIP_MAX_INFLATED_BYTES) });
  }
  let stored = bytes;
  let storedKind: FileKind = kind;
  let storedName = safeFileName(name);
  if (IMAGE_KINDS.includes(kind) && !input.keepOriginalImage) {
    try {
      stored = new Uint8Array(
        await sharp(bytes, { animated: false, limitInputPixels: 100_000_000 })
          .rotate()
          .resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: "inside", withoutEnlargement: true })
          .webp({ quality: 82 })
          .toBuffer(),
      );
    } catch {
      throw new FileError("bad_type", { allowed: input.allowed.map((k) => EXTENSIONS[k].toUpperCase()).join(", ") });
    }
    storedKind = "webp";
    storedName = `${storedName.replace(/\.[^.]*$/, "") || "image"}.webp`;
  } else {
    storedName = withKindExtension(storedName, kind, input.allowed);
  }
  const storageKey = randomBytes(16).toString("hex");
  await putObject(storageKey, stored);
  try {
    return await db.storedFile.create({
      data: {
        organizationId: input.organizationId,
        uploadedById: input.uploadedById,
        storageKey,
        originalName: storedName,
        mimeType: MIME_TYPES[storedKind],
        size: stored.byteLength,
        sha256: createHash("sha256").update(stored).digest("hex"),
      },
    });
  } catch (error) {
    await deleteObject(storageKey).catch(() => {});
    throw error;
  }
}

/**
 * The name ends in an extension of its sniffed kind (allow-list): a name claiming an executable or active type is
 * refused (FileError "bad_type"); any other extension that does not fit the content gets the right one appended
 * (`datasheet.docx` holding a PDF is stored as `datasheet.docx.pdf`).
 */
function withKindExtension(name: string, kind: FileKind, allowed: readonly FileKind[]): string {
  const ext = /\.([^.\s]{1,12})$/.exec(name)?.[1]?.toLowerCase();
  if (ext && EXECUTABLE_EXTENSIONS.has(ext)) {
    throw new FileError("bad_type", { allowed: allowed.map((k) => EXTENSIONS[k].toUpperCase()).join(", ") });
  }
  if (ext && KIND_EXTENSIONS[kind].includes(ext)) return name;
  return `${name.slice(0, 195)}.${EXTENSIONS[kind]}`;
}

/**
 * Stores a document the app generated (УПД PDF/XML, договор): the bytes as given, no sniffing or conversion — they are
 * kept once so their sha256 stays stable for signing and ЭДО. Same storage and row as an upload.
 */
export async function saveGeneratedFile(
  input: { organizationId: string; createdById: string | null; name: string; mimeType: string; bytes: Uint8Array },
  db: Db = getPrisma(),
): Promise<StoredFile> {
  const storageKey = randomBytes(16).toString("hex");
  await putObject(storageKey, input.bytes);
  try {
    return await db.storedFile.create({
      data: {
        organizationId: input.organizationId,
        uploadedById: input.createdById,
        storageKey,
        originalName: safeFileName(input.name),
        mimeType: input.mimeType,
        size: input.bytes.byteLength,
        sha256: createHash("sha256").update(input.bytes).digest("hex"),
      },
    });
  } catch (error) {
    await deleteObject(storageKey).catch(() => {});
    throw error;
  }
}

function formatMb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10}`;
}

/** The file row and a stream of its bytes. Does not check access: routes call `canReadFile` first. */
export async function readStoredFile(
  fileId: string,
  db: Db = getPrisma(),
): Promise<{ file: StoredFile; stream: ReadableStream<Uint8Array> }> {
  const file = await db.storedFile.findUnique({ where: { id: fileId } });
  if (!file) throw new NotFoundError("file");
  return { file, stream: getObjectStream(file.storageKey) };
}

/** The whole content of a stored file (for imports: spreadsheets up to UPLOAD_MAX_BYTES). */
export async function readStoredFileBytes(
  fileId: string,
  db: Db = getPrisma(),
): Promise<{ file: StoredFile; bytes: Buffer }> {
  const { file, stream } = await readStoredFile(fileId, db);
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return { file, bytes: Buffer.concat(chunks) };
}

export async function getStoredFile(fileId: string, db: Db = getPrisma()): Promise<StoredFile | null> {
  return db.storedFile.findUnique({ where: { id: fileId } });
}

/** Deletes the row and the bytes. Callers check ownership. */
export async function deleteStoredFile(fileId: string, db: Db = getPrisma()): Promise<void> {
  const file = await db.storedFile.findUnique({ where: { id: fileId } });
  if (!file) return;
  await db.storedFile.delete({ where: { id: fileId } });
  await deleteObject(file.storageKey).catch(() => {});
}

/** Whether a stored file is an image the browser may show inline. */
export function isInlineType(mimeType: string): boolean {
  const kind = kindOfMime(mimeType);
  return kind === "pdf" || (kind !== undefined && IMAGE_KINDS.includes(kind));
}

// ─── Access policies ───────────────────────────────────────────────────────

/**
 * A module that links files to its records decides who may read them: return true to allow, false/undefined to pass.
 * The actor is null for a visitor. Policies must scope by tenant in their query.
 */
export type FileReadPolicy = (actor: Actor | null, file: StoredFile) => Promise<boolean>;

const policies = new Map<string, FileReadPolicy>();

export function registerFileReadPolicy(name: string, policy: FileReadPolicy): void {
  policies.set(name, policy);
}

/**
 * Who may read a file: members of the organisation that uploaded it, operators, and whoever a registered module
 * policy allows (e.g. anyone for a photo of a published product). Returns the file when allowed, else null.
 */
export async function canReadFile(
  actor: Actor | null,
  fileId: string,
  db: Db = getPrisma(),
): Promise<StoredFile | null> {
  const file = await db.storedFile.findUnique({ where: { id: fileId } });
  if (!file) return null;
  if (actor && (actor.isOperator || (actor.organizationId && actor.organizationId === file.organizationId)))
    return file;
  for (const policy of policies.values()) {
    if (await policy(actor, file)) return file;
  }
  return null;
}
