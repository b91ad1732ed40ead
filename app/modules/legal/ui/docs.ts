/** The platform's legal documents, each a page at /legal/<doc> in both languages. */
export const LEGAL_DOCS = ["offer", "terms", "privacy"] as const;
export type LegalDoc = (typeof LEGAL_DOCS)[number];

export function isLegalDoc(value: unknown): value is LegalDoc {
  return typeof value === "string" && (LEGAL_DOCS as readonly string[]).includes(value);
}
