import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import type { Lang } from "~/modules/i18n/i18n";
import { createI18n } from "~/modules/i18n/i18n.server";
import { orderMoneyView } from "./money-view";
import { orderMoney, paidAndDue } from "./totals";
import { OrderTotals } from "./ui/order-money";

/** A stored 2025 order at 20 %: the rate is no longer in force in 2026, so the page says it is the document's rate. */
const order2025 = orderMoney({
  deliveryCostKopecks: 0n,
  deliveryVatRate: "VAT20",
  prepaymentPercent: 0,
  lines: [{ netKopecks: 1_000_000n, vatKopecks: 200_000n, grossKopecks: 1_200_000n, vatRate: "VAT20" }],
});
const order2026 = orderMoney({
  deliveryCostKopecks: 0n,
  deliveryVatRate: "VAT22",
  prepaymentPercent: 0,
  lines: [{ netKopecks: 1_000_000n, vatKopecks: 220_000n, grossKopecks: 1_220_000n, vatRate: "VAT22" }],
});
const view = (m: typeof order2025, now: Date) => orderMoneyView({ money: m, ...paidAndDue(m.total, []) }, now);

async function render(m: ReturnType<typeof view>, lang: Lang) {
  const i18n = await createI18n(lang);
  return renderToStaticMarkup(
    <MemoryRouter initialEntries={[lang === "en" ? "/en/orders/1" : "/orders/1"]}>
      <I18nextProvider i18n={i18n}>
        <OrderTotals m={m} />
      </I18nextProvider>
    </MemoryRouter>,
  ).replace(/[\u00a0\u202f]/g, " ");
}

describe("order page: a rate not in force today says so", () => {
  const today = new Date("2026-06-01T09:00:00Z");

  it("flags 20 % on a 2025 order, not 22 %, and not 20 % while it was in force", () => {
    expect(view(order2025, today).vatByRate).toEqual([{ vatRate: "VAT20", vat: "200000", historic: true }]);
    expect(view(order2026, today).vatByRate[0].historic).toBe(false);
    expect(view(order2025, new Date("2025-06-01T09:00:00Z")).vatByRate[0].historic).toBe(false);
  });

  it("prints «НДС 20 % — ставка на дату документа» (ru) / the English note (en); 22 % has no note", async () => {
    const ru = await render(view(order2025, today), "ru");
    expect(ru).toContain("НДС 20 %");
    expect(ru).toContain("— ставка на дату документа");
    expect(ru).toContain("2 000,00");
    const en = await render(view(order2025, today), "en");
    expect(en).toContain("— the rate on the document date");
    expect(await render(view(order2026, today), "ru")).not.toContain("ставка на дату документа");
  });
});
