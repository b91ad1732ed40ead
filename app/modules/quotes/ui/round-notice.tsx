import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { DateInput } from "~/components/ui/date-input";
import { FormMessage, plainInputClass } from "~/components/ui/field";
import { formatDateTime } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";

/** On the supplier's quote panel: the re-bid round it is invited to, or the re-confirmation of an expired offer. */
export function RoundNotice({
  round,
  canReconfirm,
}: {
  round?: { number: number; deadline: string; note: string | null } | null;
  canReconfirm?: boolean;
}) {
  const { t } = useTranslation("quotes");
  const lang = useLang();
  return (
    <>
      {round ? (
        <FormMessage tone="warning" testId="round-notice">
          <p className="font-medium">
            {t("panel.roundNotice", { number: round.number, deadline: formatDateTime(round.deadline, lang) })}
          </p>
          {round.note ? <p>{t("panel.roundNote", { note: round.note })}</p> : null}
        </FormMessage>
      ) : null}
      {canReconfirm ? (
        <Form
          method="post"
          encType="multipart/form-data"
          className="rounded border border-red-300 bg-red-50 p-3 text-sm"
        >
          <p>{t("panel.reconfirmHint")}</p>
          <div className="mt-2 flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="reconfirm-valid-until" className="font-medium">
                {t("panel.validUntil")}
              </label>
              <DateInput id="reconfirm-valid-until" name="validUntil" required className={plainInputClass} />
            </div>
            <button type="submit" name="intent" value="quote-reconfirm" className={buttonClass}>
              {t("panel.reconfirm")}
            </button>
          </div>
        </Form>
      ) : null}
    </>
  );
}
