import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { Panel } from "~/components/ui/panel";
import { formatDate } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import type { RfqClock } from "../rfq-state";
import { AttachmentList } from "./attachments";
import { ItemsTable } from "./items-table";
import { Countdown } from "./status";

export interface RfqDetailsData extends RfqClock {
  deadline: string | null;
  neededBy: string | null;
  deliveryAddress: string;
  paymentTerms: string | null;
  comment: string | null;
  attachments: ComponentProps<typeof AttachmentList>["attachments"];
  items: ComponentProps<typeof ItemsTable>["items"];
}

/** The RFQ header (deadline, dates, terms, comment, attachments) and its items, as both parties see them. */
export function RfqDetails({
  rfq,
  now,
  deadlineTestId,
}: {
  rfq: RfqDetailsData;
  now: number;
  deadlineTestId?: string;
}) {
  const { t } = useTranslation("rfq");
  const lang = useLang();
  return (
    <>
      <section
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 md:grid-cols-2"
        aria-label={t("form.header")}
      >
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="text-slate-500">{t("form.deadline")}</dt>
            <dd data-testid={deadlineTestId}>
              <Countdown rfq={rfq} now={now} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("form.neededBy")}</dt>
            <dd>{rfq.neededBy ? formatDate(rfq.neededBy, lang) : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("form.deliveryAddress")}</dt>
            <dd>{rfq.deliveryAddress}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("form.paymentTerms")}</dt>
            <dd>{rfq.paymentTerms ? t(`paymentTerms.${rfq.paymentTerms}`) : "—"}</dd>
          </div>
        </dl>
        <div className="space-y-2 text-sm">
          {rfq.comment ? (
            <div>
              <div className="text-slate-500">{t("form.comment")}</div>
              <p className="whitespace-pre-line">{rfq.comment}</p>
            </div>
          ) : null}
          <div>
            <div className="text-slate-500">{t("form.attachments")}</div>
            <AttachmentList attachments={rfq.attachments} />
          </div>
        </div>
      </section>

      <Panel id="items-h" title={t("form.items")} tone="plain">
        <ItemsTable items={rfq.items} />
      </Panel>
    </>
  );
}
