import { bankAccountLine } from "~/modules/accounts/accounts.schema";
import { type Actor, NotFoundError, requireSupplier } from "~/modules/accounts/actor";
import { getFixedT } from "~/modules/i18n/i18n.server";
import { formatRub } from "~/modules/money/format";
import { documentTotals, type VatRateCode } from "~/modules/money/money";
import { formatMoscowDateRu } from "~/modules/money/moscow-time";
import { unitName, unitOkei } from "~/modules/money/units";
import { vatPercentLabel, vatRateLabel } from "~/modules/money/vat";
import { getPrisma } from "~/utils/db.server";
import { startPdf, table } from "~/utils/pdf.server";
import { quantityInput } from "./quote-money";

/**
 * The коммерческое предложение (КП) as a PDF: a submitted quote version on the supplier's letterhead data (its
 * requisites from the organisation card), the lines with ОКЕИ units, НДС by rate (money.ts documentTotals), delivery,
 * payment terms and validity. For the supplier's own files: only the supplier that quoted, only submitted versions.
 */
export async function renderQuotePdf(
  actor: Actor,
  rfqId: string,
  version: number,
): Promise<{ pdf: Buffer; name: string }> {
  requireSupplier(actor);
  const orgId = actor.organizationId as string;
  if (!Number.isInteger(version) || version < 1) throw new NotFoundError("quote");
  const prisma = getPrisma();
  const quote = await prisma.quote.findFirst({
    where: { rfqId, supplierOrgId: orgId, rfq: { recipients: { some: { supplierOrgId: orgId } } } },
    include: {
      rfq: { select: { number: true, title: true, deliveryAddress: true, buyer: { select: { legalName: true } } } },
      supplier: true,
      versions: {
        where: { version, submittedAt: { not: null } },
        include: { lines: { include: { rfqItem: { select: { position: true, name: true, unit: true } } } } },
      },
    },
  });
  const v = quote?.versions[0];
  if (!quote || !v) throw new NotFoundError("quote");
  const s = quote.supplier;
  const tBasis = await getFixedT("ru", "quotes");
  const lines = [...v.lines].sort((a, b) => a.rfqItem.position - b.rfqItem.position);
  const totals = documentTotals(
    lines.map((l) => ({
      net: l.netKopecks,
      vat: l.vatKopecks,
      gross: l.grossKopecks,
      vatRate: l.vatRate as VatRateCode,
    })),
    { kopecks: v.deliveryCostKopecks, vatRate: v.deliveryVatRate as VatRateCode },
  );
  const date = formatMoscowDateRu(v.submittedAt as Date);
  const title = `Коммерческое предложение № ${quote.rfq.number}-${v.version} от ${date}`;
  const { doc, done, left, width } = startPdf(title);

  // letterhead: the supplier's requisites
  doc.font("b").fontSize(12).text(s.legalName, left, 36, { width });
  doc.font("r").fontSize(8);
  const req = [
    `ИНН ${s.inn}${s.kpp ? `, КПП ${s.kpp}` : ""}, ОГРН ${s.ogrn}`,
    `Адрес: ${s.legalAddress}`,
    [s.phone ? `Тел.: ${s.phone}` : "", s.email ? `E-mail: ${s.email}` : ""].filter(Boolean).join(", "),
    bankAccountLine(s) ?? "",
  ].filter(Boolean);
  for (const r of req) doc.text(r, left, doc.y, { width });
  doc
    .moveTo(left, doc.y + 4)
    .lineTo(left + width, doc.y + 4)
    .lineWidth(0.5)
    .stroke();
  doc.moveDown(1);
  doc.font("r").fontSize(9).text(`Кому: ${quote.rfq.buyer.legalName}`, left, doc.y, { width });
  doc.moveDown(0.6);
  doc.font("b").fontSize(13).text(title, { width, align: "center" });
  doc.font("r").fontSize(9).text(`на запрос № ${quote.rfq.number} «${quote.rfq.title}»`, { width, align: "center" });
  doc.moveDown(0.6);

  table(
    doc,
    left,
    [
      { key: "n", title: "№", w: 22, align: "center" },
      { key: "name", title: "Наименование", w: 150 },
      { key: "unit", title: "Ед. изм. (ОКЕИ)", w: 48, align: "center" },
      { key: "qty", title: "Кол-во", w: 42, align: "right" },
      { key: "price", title: "Цена без НДС, ₽", w: 58, align: "right" },
      { key: "net", title: "Сумма без НДС, ₽", w: 62, align: "right" },
      { key: "rate", title: "НДС", w: 38, align: "center" },
      { key: "vat", title: "Сумма НДС, ₽", w: 52, align: "right" },
      { key: "gross", title: "Всего с НДС, ₽", w: 51, align: "right" },
    ],
    lines.map((l, i) => {
      const okei = unitOkei(l.rfqItem.unit);
      const analogue = l.analogueModel
        ? `\nАналог: ${l.analogueModel}${l.analogueNote ? ` (${l.analogueNote})` : ""}`
        : "";
      const lead = l.leadTimeDays != null ? `\nСрок поставки: ${l.leadTimeDays} дн.` : "";
      return {
        n: String(i + 1),
        name: `${l.rfqItem.name}${analogue}${lead}`,
        unit: `${unitName(l.rfqItem.unit)}${okei ? ` (${okei})` : ""}`,
        qty: quantityInput(l.quantity),
        price: formatRub(l.unitPriceKopecks),
        net: formatRub(l.netKopecks),
        rate: vatPercentLabel(l.vatRate as VatRateCode),
        vat: formatRub(l.vatKopecks),
        gross: formatRub(l.grossKopecks),
      };
    }),
  );
  doc.moveDown(0.6);
  const right = (label: string, value: string, bold = false) => {
    const y = doc.y;
    doc.font(bold ? "b" : "r").fontSize(9);
    doc.text(label, left, y, { width: width - 110, align: "right" });
    doc.text(value, left + width - 105, y, { width: 105, align: "right" });
  };
  right("Товары без НДС:", formatRub(totals.goods.net));
  if (totals.delivery.gross > 0n)
    right(`Доставка (${vatRateLabel(v.deliveryVatRate as VatRateCode)}):`, formatRub(totals.delivery.gross));
  for (const r of totals.byRate)
    right(
      r.vatRate === "NO_VAT" ? "Без НДС (сумма):" : `В т. ч. НДС ${vatPercentLabel(r.vatRate)}:`,
      formatRub(r.vatRate === "NO_VAT" ? r.gross : r.vat),
    );
  right("Итого с НДС и доставкой:", formatRub(totals.total.gross), true);
  doc.moveDown(1);

  doc.font("b").fontSize(10).text("Условия", left, doc.y, { width });
  doc.font("r").fontSize(9);
  const terms = [
    `Адрес поставки: ${quote.rfq.deliveryAddress}`,
    v.deliveryBasis
      ? `Базис поставки: ${tBasis(`basis.${v.deliveryBasis}`)}${v.deliveryPlace ? `, ${v.deliveryPlace}` : ""}`
      : "",
    v.deliveryTerms ? `Условия доставки: ${v.deliveryTerms}` : "",
    `Оплата: предоплата ${v.prepaymentPercent} %${
      v.paymentDaysAfterDelivery != null ? `, остаток в течение ${v.paymentDaysAfterDelivery} дн. после поставки` : ""
    }`,
    v.validUntil ? `Предложение действительно до ${formatMoscowDateRu(v.validUntil)} включительно.` : "",
    v.comment ? `Комментарий: ${v.comment}` : "",
  ].filter(Boolean);
  for (const line of terms) doc.text(line, left, doc.y, { width });
  doc.moveDown(2);
  doc.text(
    `${s.directorName ? `Руководитель ____________________ / ${s.directorName} /` : "Руководитель ____________________"}`,
    left,
    doc.y,
    { width },
  );
  doc.end();
  return { pdf: await done, name: `КП-${quote.rfq.number}-v${v.version}.pdf` };
}
