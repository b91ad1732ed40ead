import { useTranslation } from "react-i18next";
import { LocalizedLink } from "~/components/ui/localized-link";
import { Panel } from "~/components/ui/panel";
import type { OrganizationCard } from "~/modules/accounts/index.server";
import type { OrderSchedule } from "../schedule";

/** One party's requisites and contact as the page shows them (strings; formatted by the loader). */
export type PartyCardView = Omit<OrganizationCard, "id" | "slug" | "kind">;

export interface OrderOverviewView {
  buyer: PartyCardView;
  supplier: PartyCardView;
  rfq: { number: number | null; title: string; href: string } | null;
  quote: { version: number; href: string } | null;
  awardProtocolHref: string | null;
  schedule: OrderSchedule;
}

function PartyCard({ side, card }: { side: "buyer" | "supplier"; card: PartyCardView }) {
  const { t } = useTranslation("orders");
  const row = (label: string, value: string | null) =>
    value ? (
      <>
        <dt className="text-slate-600">{label}</dt>
        <dd className="break-words">{value}</dd>
      </>
    ) : null;
  return (
    <div className="min-w-0 rounded-md border border-slate-200 p-3" data-testid={`party-${side}`}>
      <h3 className="text-sm text-slate-600">{t(side)}</h3>
      <p className="font-medium break-words">{card.legalName}</p>
      <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        {row(t("overview.inn"), card.inn)}
        {row(t("overview.kpp"), card.kpp)}
        {row(t("overview.ogrn"), card.ogrn)}
        {row(t("overview.address"), card.legalAddress)}
        {row(t("overview.bank"), card.bank.name)}
        {row(t("overview.bik"), card.bank.bik)}
        {row(t("overview.account"), card.bank.settlementAccount)}
        {row(t("overview.corrAccount"), card.bank.correspondentAccount)}
        {row(t("overview.contact"), card.contact.name)}
        <dt className="text-slate-600">{t("overview.phone")}</dt>
        <dd>
          <a className="underline" href={`tel:${card.contact.phone.replace(/[^\d+]/g, "")}`}>
            {card.contact.phone}
          </a>
        </dd>
        {card.contact.email ? (
          <>
            <dt className="text-slate-600">{t("overview.email")}</dt>
            <dd className="break-all">
              <a className="underline" href={`mailto:${card.contact.email}`}>
                {card.contact.email}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

/** The parties' requisites and contacts; the links back to the RFQ, the quote and the award protocol. */
export function OrderParties({ data }: { data: OrderOverviewView }) {
  const { t } = useTranslation("orders");
  return (
    <Panel id="parties-h" title={t("overview.parties")} tone="plain">
      <div className="grid gap-4 sm:grid-cols-2">
        <PartyCard side="buyer" card={data.buyer} />
        <PartyCard side="supplier" card={data.supplier} />
      </div>
      {data.rfq ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="order-origin">
          <li>
            <LocalizedLink className="underline" to={data.rfq.href}>
              {t("overview.rfqLink", { number: data.rfq.number ?? "—", title: data.rfq.title })}
            </LocalizedLink>
          </li>
          {data.quote ? (
            <li>
              <LocalizedLink className="underline" to={data.quote.href}>
                {t("overview.quoteLink", { version: data.quote.version })}
              </LocalizedLink>
            </li>
          ) : null}
          {data.awardProtocolHref ? (
            <li>
              <a className="underline" href={data.awardProtocolHref} download>
                {t("overview.awardProtocol")}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </Panel>
  );
}

/** Expected ship and delivery dates, with how they are counted. Dates arrive formatted (DD.MM.YYYY). */
export function OrderDates({ data }: { data: OrderOverviewView["schedule"] }) {
  const { t } = useTranslation("orders");
  return (
    <Panel id="dates-h" title={t("overview.dates")} testId="order-dates" tone="plain">
      {data.state === "planned" ? (
        <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t(`overview.basis.${data.basis}`)}</dt>
          <dd>{data.startsOn}</dd>
          <dt className="text-slate-600">{t("overview.shipBy")}</dt>
          <dd data-testid="ship-by">{data.shipBy}</dd>
          <dt className="text-slate-600">{t("overview.deliverBy")}</dt>
          <dd data-testid="deliver-by">{data.deliverBy}</dd>
        </dl>
      ) : (
        <p className="text-sm">{t(`overview.${data.state}`, { count: data.leadDays })}</p>
      )}
      <p className="text-xs text-slate-600">{t("overview.rule", { lead: data.leadDays, transit: data.transitDays })}</p>
    </Panel>
  );
}
