import { useTranslation } from "react-i18next";

/**
 * The «Пригласить поставщика» section of an RFQ not saved yet: only says to save the draft first. Its own file so the
 * new-RFQ page does not load the invite form and its checks (JS budget, ADR 0025).
 */
export function SupplierInvitesDraftNote() {
  const { t } = useTranslation("rfq");
  return (
    <section aria-labelledby="supplier-invite-h" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="supplier-invite-h" className="text-lg font-semibold">
        {t("invite.header")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("invite.draftNote")}</p>
    </section>
  );
}
