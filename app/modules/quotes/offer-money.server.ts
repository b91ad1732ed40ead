import type { QuoteLine } from "~/generated/prisma/client";
import { chargeAmounts, quantityToMilli, type VatRateCode } from "~/modules/money/money";
import type { CompareOffer } from "./compare";
import { k, type PricedLine, quoteLineView } from "./shared.server";

type StoredLine = PricedLine & Pick<QuoteLine, "rfqItemId">;

/** What of a stored quote version the comparison reads for its money (saveQuote wrote these). */
export interface StoredVersionMoney {
  lines: StoredLine[];
  deliveryCostKopecks: bigint;
  deliveryVatRate: string;
  goodsNetKopecks: bigint;
  goodsGrossKopecks: bigint;
  landedKopecks: bigint;
}

export type OfferMoney = Pick<
  CompareOffer,
  | "lines"
  | "complete"
  | "deliveryNet"
  | "deliveryVatRate"
  | "deliveryGross"
  | "goodsNet"
  | "goodsVat"
  | "goodsGross"
  | "landed"
>;

/**
 * The money of one offer in the comparison (page, XLSX and JSON API all read it from getComparison): lines by RFQ
 * item (partial when less than requested), delivery as its own line with its own rate, goods and landed totals.
 */
export function offerMoney(
  items: { id: string; quantity: { toString(): string } }[],
  v: StoredVersionMoney,
): OfferMoney {
  const lines: CompareOffer["lines"] = {};
  let complete = true;
  for (const item of items) {
    const l = v.lines.find((x) => x.rfqItemId === item.id);
    if (!l) {
      complete = false;
      continue;
    }
    const partial = quantityToMilli(l.quantity.toString()) < quantityToMilli(item.quantity.toString());
    if (partial) complete = false;
    lines[item.id] = { ...quoteLineView(l), partial };
  }
  const delivery = chargeAmounts(v.deliveryCostKopecks, v.deliveryVatRate as VatRateCode);
  return {
    lines,
    complete,
    deliveryNet: k(delivery.net),
    deliveryVatRate: v.deliveryVatRate,
    deliveryGross: k(delivery.gross),
    goodsNet: k(v.goodsNetKopecks),
    goodsVat: k(v.goodsGrossKopecks - v.goodsNetKopecks),
    goodsGross: k(v.goodsGrossKopecks),
    landed: k(v.landedKopecks),
  };
}
