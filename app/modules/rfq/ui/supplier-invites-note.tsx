import { useTranslation } from "react-i18next";
import { Panel } from "~/components/ui/panel";

/**
 * The «Пригласить поставщика» section of an RFQ not saved yet: only says to save the draft first. Its own file so the
 * new-RFQ page does not load the invite form and its checks (JS budget, ADR 0025).
 */
export function SupplierInvitesDraftNote() {
  const { t } = useTranslation("rfq");
  return <Panel id="supplier-invite-h" title={t("invite.header")} hint={t("invite.draftNote")} />;
}
