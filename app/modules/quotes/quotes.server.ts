/**
 * PUBLIC SURFACE OF THE QUOTES MODULE (коммерческие предложения).
 *
 * Supplier: getQuoteForSupplier, saveQuote (draft | submit = new immutable version), withdrawQuote; the XLSX
 *           round-trip exportQuoteSheetXlsx → previewQuoteSheet → confirmQuoteSheet (draft); renderQuotePdf (КП).
 * Buyer:    getComparison (the only buyer read path for prices: page, XLSX, JSON API), exportComparisonXlsx,
 *           exportAwardProtocolXlsx.
 * Hooks:    the opening protocol is written by an RFQ close hook; the "quote-attachment" file read policy.
 *           saveDecisionSettings (НМЦ, planned award date, freight estimates, rate for the cost of payment terms).
 * Rounds:   startRebidRound (buyer), reconfirmQuote (supplier, expired validity), exportRoundProtocolXlsx; invited
 *           suppliers re-bid through saveQuote (improvements only).
 * Award:    awardableQuotes, recordAward — the quotes' part of app/workflows/award.server.ts (awardRfq).
 */
import { registerFileReadPolicy } from "~/modules/files/files.server";
import { registerRfqCloseHook } from "~/modules/rfq/rfq.server";
import { canReadQuoteAttachment, writeOpeningProtocol } from "./buyer.server";

export { type AwardableQuote, awardableQuotes, recordAward } from "./award.server";
export {
  type Comparison,
  canReadQuoteAttachment,
  getComparison,
  type OpeningEntry,
  type Participant,
  writeOpeningProtocol,
} from "./buyer.server";
export { type BestSplitView, type ComparedOffer, decide } from "./decision";
export { type DecisionSettingsInput, saveDecisionSettings } from "./decision-settings.server";
export { exportAwardProtocolXlsx, exportComparisonXlsx } from "./export.server";
export { renderQuotePdf } from "./offer-pdf.server";
export {
  confirmQuoteSheet,
  exportQuoteSheetXlsx,
  previewQuoteSheet,
  type QuoteSheetPreview,
} from "./quote-xlsx.server";
export { closeRebidRound, type RoundView, reconfirmQuote, startRebidRound } from "./rounds.server";
export { exportRoundProtocolXlsx } from "./rounds-export.server";
export { QuoteValidationError } from "./shared.server";
export { getQuoteForSupplier, MAX_QUOTE_ATTACHMENTS, saveQuote, withdrawQuote } from "./supplier.server";

/** Registers the quote attachment read policy with the files module (idempotent; called by app/startup.server.ts). */
export function registerQuoteFilePolicy(): void {
  registerFileReadPolicy("quote-attachment", (actor, file) => canReadQuoteAttachment(actor, file.id));
}

/** Registers the opening-protocol hook with the RFQ close path (idempotent; called by app/startup.server.ts). */
export function registerQuoteHooks(): void {
  registerRfqCloseHook("quotes.opening-protocol", (tx, rfq) => writeOpeningProtocol(tx, rfq));
}

export { handleQuoteFormAction, handleQuoteSheetAction, isQuoteFormRequest } from "./form-action.server";
