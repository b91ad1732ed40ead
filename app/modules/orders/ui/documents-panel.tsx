import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FileInput } from "~/components/ui/file-input";
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
    <section aria-labelledby="closing-docs-h" className="space-y-3">
      <h2 id="closing-docs-h" className="text-lg font-semibold">
        {t("documents.title")}
      </h2>
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
            <div>
              <label htmlFor="scan" className="block text-sm font-medium">
                {t("documents.scan")}
              </label>
              <FileInput
                id="scan"
                name="scan"
                accept="application/pdf,image/jpeg,image/png"
                aria-invalid={scanErr ? true : undefined}
                aria-describedby={scanErr ? "scan-error" : undefined}
              />
              {scanErr ? (
                <p id="scan-error" className="mt-1 text-sm text-red-700">
                  {t(scanErr)}
                </p>
              ) : null}
            </div>
            <Button type="submit" variant="secondary" disabled={busy}>
              {t("documents.sign")}
            </Button>
          </Form>
        </div>
      ) : null}
      {data.documents.length > 0 ? (
        <section
          className="overflow-x-auto"
          aria-label={t("documents.title")}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region (WCAG 2.1.1, axe scrollable-region-focusable)
          tabIndex={0}
        >
          <table className="min-w-full text-sm" data-testid="documents">
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="pr-3">
                  {t("documents.kind")}
                </th>
                <th scope="col" className="pr-3">
                  {t("documents.version")}
                </th>
                <th scope="col" className="pr-3">
                  {t("documents.date")}
                </th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {data.documents.map((d) => (
                <tr key={d.id}>
                  <td className="pr-3">
                    <a className="text-brand-700 underline" href={`/orders/${data.orderId}/documents/${d.id}`}>
                      {t(`kind.${d.kind}`, { seq: d.shipmentSeq ?? "" })}
                    </a>{" "}
                    <span className="text-slate-600">({d.size})</span>
                  </td>
                  <td className="pr-3">v{d.version}</td>
                  <td className="pr-3">{d.createdAt}</td>
                  <td className="font-mono text-xs" title={d.sha256}>
                    {d.sha256.slice(0, 12)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </section>
  );
}
