import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FileField } from "~/components/ui/file-field";
import { Panel } from "~/components/ui/panel";
import { DataTable } from "~/components/ui/table";
import type { FulfilmentActionResult } from "../fulfilment.schema";

/** The order's documents: generated (УПД, договор) and uploaded (signed scans), each version with its sha256. */
export interface DocumentsPanelData {
  orderId: string;
  canContract: boolean;
  signedBy: { buyer: boolean; supplier: boolean };
  documents: {
    id: string;
    kind: string;
    version: number;
    shipmentSeq: number | null;
    name: string;
    size: string;
    sha256: string;
    createdAt: string;
  }[];
}

export function DocumentsPanel({ data, result }: { data: DocumentsPanelData; result: FulfilmentActionResult | null }) {
  const { t } = useTranslation("fulfilment");
  const busy = useNavigation().state !== "idle";
  const scanErr = result?.intent === "signContract" && !result.ok ? result.errors.scan : undefined;
  return (
    <Panel id="closing-docs-h" title={t("documents.title")} tone="plain">
      {data.canContract ? (
        <div className="space-y-2">
          <a className="text-brand-700 underline" href={`/orders/${data.orderId}/contract.pdf`}>
            {t("documents.contract")}
          </a>
          <p className="text-sm" data-testid="contract-signatures">
            {t("documents.signedBuyer")}: {data.signedBy.buyer ? t("documents.yes") : t("documents.no")} ·{" "}
            {t("documents.signedSupplier")}: {data.signedBy.supplier ? t("documents.yes") : t("documents.no")}
          </p>
          <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3" noValidate>
            <input type="hidden" name="intent" value="signContract" />
            <FileField
              id="scan"
              label={t("documents.scan")}
              input={{ name: "scan", accept: "application/pdf,image/jpeg,image/png" }}
              errors={scanErr}
              ns="fulfilment"
            />
            <Button type="submit" variant="secondary" disabled={busy}>
              {t("documents.sign")}
            </Button>
          </Form>
        </div>
      ) : null}
      {data.documents.length > 0 ? (
        <DataTable
          label={t("documents.title")}
          testId="documents"
          columns={[t("documents.kind"), t("documents.version"), t("documents.date"), "SHA-256"]}
        >
          {data.documents.map((d) => (
            <tr key={d.id}>
              <td className="py-1 pr-3">
                <a className="text-brand-700 underline" href={`/orders/${data.orderId}/documents/${d.id}`}>
                  {t(`kind.${d.kind}`, { seq: d.shipmentSeq ?? "" })}
                </a>{" "}
                <span className="text-slate-600">({d.size})</span>
              </td>
              <td className="py-1 pr-3">v{d.version}</td>
              <td className="py-1 pr-3">{d.createdAt}</td>
              <td className="py-1 pr-3 font-mono text-xs" title={d.sha256}>
                {d.sha256.slice(0, 12)}…
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </Panel>
  );
}
