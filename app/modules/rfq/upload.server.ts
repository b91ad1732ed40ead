import {
  type UploadHandler,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { env } from "~/utils/env.server";

const TOO_LARGE = "__too_large__:";

/**
 * Reads an RFQ form (multipart or urlencoded). Files are buffered up to UPLOAD_MAX_BYTES; a larger file is drained and
 * reported instead of failing the whole request, so every typed value survives a too-large upload.
 */
export async function readRfqForm(
  request: Request,
  fileField = "attachments",
  /** other file fields read with the same size limit and left in the form as File values */
  otherFileFields: readonly string[] = [],
): Promise<{ form: FormData; uploads: { file: File; tooLarge?: boolean }[] }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) return { form: await request.formData(), uploads: [] };
  const max = env().UPLOAD_MAX_BYTES;
  const fileHandler: UploadHandler = async ({ name, filename, contentType, data }) => {
    if ((name !== fileField && !otherFileFields.includes(name)) || filename === undefined) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    let tooLarge = false;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > max) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    }
    if (!filename && size === 0) return undefined;
    if (tooLarge) return `${TOO_LARGE}${filename}`;
    return new File(chunks as BlobPart[], filename, { type: contentType });
  };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(fileHandler, unstable_createMemoryUploadHandler({ maxPartSize: 1024 * 1024 })),
    );
  } catch {
    // a malformed multipart body (bad part headers, a text field over 1 MB): the client's fault, not a 500
    throw new Response("Bad Request", { status: 400 });
  }
  const uploads: { file: File; tooLarge?: boolean }[] = [];
  for (const value of form.getAll(fileField)) {
    if (typeof value === "string") {
      if (value.startsWith(TOO_LARGE))
        uploads.push({ file: new File([], value.slice(TOO_LARGE.length)), tooLarge: true });
    } else if (value.size > 0 || value.name) {
      uploads.push({ file: value });
    }
  }
  form.delete(fileField);
  return { form, uploads };
}
