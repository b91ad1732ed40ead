/**
 * The orders module's door for routes, the seed and other modules: everything outside app/modules/orders imports from
 * here (or from `orders.server.ts`, `*.schema.ts`, `ui/`), never from the module's other files.
 */
export {
  ContractTemplateError,
  getContractPdf,
  getContractTemplate,
  getContractTemplateAdmin,
  getUpd,
  listDocuments,
  previewContractTemplate,
  readDocument,
  saveContractTemplate,
  signContract,
} from "./documents.server";
export { handleFulfilmentAction, isFulfilmentIntent } from "./fulfilment-actions.server";
export { documentResponse, orderHttp } from "./http.server";
export { priceOrderLines } from "./lines";
export { orderMoneyView } from "./money-view";
export * from "./orders.server";
export { getOrderOverview, type OrderOverview } from "./overview.server";
export { type OrderSchedule, orderSchedule, TRANSIT_DAYS } from "./schedule";
export { getSupplierScorecard, type Scorecard } from "./scorecard.server";
export { acceptShipment, answerClaim, createShipment, getFulfilment } from "./shipments.server";
export { orderMoney } from "./totals";
