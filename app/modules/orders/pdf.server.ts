/** The generic pdfkit helpers live in app/utils/pdf.server.ts (shared with the quotes module's КП). */
export { type Column, type Doc, startPdf, table } from "~/utils/pdf.server";
