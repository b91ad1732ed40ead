import { bankAccountLine } from "~/modules/accounts/accounts.schema";
import { startPdf, table } from "./pdf.server";
import { formatRub, type UpdData, type UpdParty, vatPercentLabel } from "./upd";

/**
 * The printed form of the УПД (статус 1): the счёт-фактура part with both parties' requisites, the table of goods
 * with ОКЕИ code and unit name, НДС per line and per rate, totals, then the передаточный part (basis, transport
 * document, date) and the signatures block. Landscape A4 like the form of постановление № 1137 / письмо ФНС ММВ-20-3/96@.
 */
function req(p: UpdParty): string {
  return `${p.legalName}, ИНН/КПП ${p.inn}${p.kpp ? `/${p.kpp}` : ""}, ${p.address}`;
}

export async function renderUpdPdf(d: UpdData): Promise<Buffer> {
  const title = `Универсальный передаточный документ № ${d.number} от ${d.date}`;
  const { doc, done, left, width } = startPdf(title, "landscape");

  doc.font("b").fontSize(11).text("Универсальный передаточный документ", left, 36);
  doc.font("r").fontSize(8).text("Статус: 1 (счёт-фактура и передаточный документ)", left, doc.y);
  doc.moveDown(0.3);
  doc.font("b").fontSize(10).text(`Счёт-фактура № ${d.number} от ${d.date}`, left, doc.y);
  doc.font("r").fontSize(8).text("Исправление № — от —", left, doc.y);
  doc.moveDown(0.3);
  const lines: [string, string][] = [
    ["Продавец", req(d.seller)],
    ["Банковские реквизиты продавца", bankAccountLine(d.seller) ?? "—"],
    ["Грузоотправитель", "он же"],
    ["Грузополучатель", `${d.buyer.legalName}, ${d.consigneeAddress}`],
    ["К платёжно-расчётному документу", "—"],
    ["Документ об отгрузке", `№ п/п 1–${d.lines.length} № ${d.number} от ${d.date}`],
    ["Покупатель", req(d.buyer)],
    ["Валюта", "Российский рубль, 643"],
    ["Идентификатор государственного контракта, договора (соглашения)", "—"],
  ];
  for (const [k, v] of lines) doc.font("r").fontSize(8).text(`${k}: ${v}`, left, doc.y, { width });
  doc.moveDown(0.5);

  const fixed = 22 + 44 + 40 + 48 + 62 + 70 + 46 + 56 + 70;
  table(
    doc,
    left,
    [
      { key: "n", title: "№", w: 22 },
      { key: "name", title: "Наименование товара (описание выполненных работ, оказанных услуг)", w: width - fixed },
      { key: "okei", title: "Код ОКЕИ", w: 44, align: "center" },
      { key: "unit", title: "Ед. изм.", w: 40 },
      { key: "qty", title: "Количество", w: 48, align: "right" },
      { key: "price", title: "Цена за единицу", w: 62, align: "right" },
      { key: "net", title: "Стоимость без налога", w: 70, align: "right" },
      { key: "rate", title: "Налоговая ставка", w: 46, align: "center" },
      { key: "vat", title: "Сумма налога", w: 56, align: "right" },
      { key: "gross", title: "Стоимость с налогом — всего", w: 70, align: "right" },
    ],
    [
      ...d.lines.map((l) => ({
        n: String(l.n),
        name: l.name,
        okei: l.okei ?? "—",
        unit: l.unitName,
        qty: l.quantity.replace(".", ","),
        price: formatRub(l.priceKopecks),
        net: formatRub(l.amounts.net),
        rate: vatPercentLabel(l.vatRate),
        vat: vatPercentLabel(l.vatRate) === "без НДС" ? "без НДС" : formatRub(l.amounts.vat),
        gross: formatRub(l.amounts.gross),
      })),
      ...(d.byRate.length > 1
        ? d.byRate.map((r) => ({
            n: "",
            name: `в том числе по ставке ${vatPercentLabel(r.vatRate)}`,
            net: formatRub(r.amounts.net),
            rate: vatPercentLabel(r.vatRate),
            vat: formatRub(r.amounts.vat),
            gross: formatRub(r.amounts.gross),
          }))
        : []),
      {
        n: "",
        name: "Всего к оплате",
        net: formatRub(d.total.net),
        rate: "X",
        vat: formatRub(d.total.vat),
        gross: formatRub(d.total.gross),
      },
    ],
  );
  doc.moveDown(0.4);
  doc.font("b").fontSize(8).text(`Всего к оплате: ${d.totalInWords}`, left, doc.y, { width });
  doc.moveDown(0.6);

  doc.font("r").fontSize(8);
  doc.text(
    `Основание передачи (сдачи) / получения (приёмки): ${d.basis.name} № ${d.basis.number} от ${d.basis.date}`,
    left,
    doc.y,
    {
      width,
    },
  );
  doc.text(`Данные о транспортировке и грузе: ${d.waybill ?? "—"}`, left, doc.y, { width });
  doc.text(`Дата отгрузки, передачи (сдачи): ${d.transferDate}`, left, doc.y, { width });
  doc.moveDown(1);

  const half = width / 2;
  let y = doc.y;
  if (y > doc.page.height - 120) {
    doc.addPage();
    y = 36;
  }
  const sig = (label: string, x: number, yy: number) =>
    doc.text(`${label} ____________ / ______________________ /`, x, yy, { width: half - 10 });
  doc.font("b").text("Продавец", left, y);
  doc.text("Покупатель", left + half, y);
  doc.font("r");
  sig("Руководитель организации", left, y + 14);
  sig("Руководитель организации", left + half, y + 14);
  sig("Главный бухгалтер", left, y + 30);
  sig("Главный бухгалтер", left + half, y + 30);
  sig("Товар (груз) передал", left, y + 46);
  sig("Товар (груз) получил", left + half, y + 46);
  doc.text(`Дата отгрузки ${d.transferDate}`, left, y + 62);
  doc.text("Дата получения «___» __________ 20__ г.", left + half, y + 62);
  doc.text(`Ответственный за оформление: ${d.signer.lastName} ${d.signer.firstName}`, left, y + 78);
  doc.text(`Идентификатор файла ЭДО: ${d.fileId}`, left, y + 94, { width });
  doc.end();
  return done;
}
