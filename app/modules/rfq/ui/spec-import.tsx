import { useFetcher } from "@remix-run/react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { useErrorText } from "~/components/ui/error-text";
import { FormMessage } from "~/components/ui/field";
import { FileField } from "~/components/ui/file-field";
import { Table } from "~/components/ui/table";
import { localizePath } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";
import { unitName } from "~/modules/money/units";
import type { SpecPreview } from "../spec-import.server";

type PreviewAnswer = SpecPreview | { code: string; message: string; params: Record<string, string | number> };

/**
 * «Строки из спецификации»: rows pasted from Excel or an XLSX/CSV file are sent for a preview (columns mapped, rows
 * checked, products matched); the buyer ticks the lines, picks products among the candidates and adds them with the
 * `addSpec` submit of the RFQ form (the `spec[i].*` fields below belong to that form).
 */
export function SpecImport({ existingLines }: { existingLines: number }) {
  const { t } = useTranslation("rfq");
  const lang = useLang();
  const errorText = useErrorText("rfq");
  const fetcher = useFetcher<PreviewAnswer>();
  const fileRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const busy = fetcher.state !== "idle";
  const data = fetcher.data;
  const preview = data && "lines" in data ? data : null;
  const failure = data && !("lines" in data) ? data : null;

  const send = (source: "text" | "file") => {
    const body = new FormData();
    body.set("existingLines", String(existingLines));
    if (source === "file") {
      const file = fileRef.current?.files?.[0];
      if (!file) return;
      body.set("specFile", file);
    } else body.set("specText", text);
    fetcher.submit(body, {
      method: "post",
      action: localizePath(lang, "/rfq/spec-preview"),
      encType: "multipart/form-data",
    });
  };

  const good = preview?.lines.filter((l) => l.errors.length === 0) ?? [];
  const bad = preview?.lines.filter((l) => l.errors.length > 0) ?? [];
  const matched = good.filter((l) => l.match).length;

  return (
    <details
      className="rounded border border-slate-200 bg-slate-50 p-3"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="spec-import"
    >
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("spec.open")}</summary>
      <div className="mt-3 space-y-3">
        <p className="text-sm text-slate-600">{t("spec.hint")}</p>
        <div>
          <label htmlFor="spec-text" className="text-sm font-medium">
            {t("spec.paste")}
          </label>
          <textarea
            id="spec-text"
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 font-mono text-xs"
            placeholder={t("spec.pastePlaceholder")}
          />
          <Button
            variant="secondary"
            size="sm"
            className="mt-2"
            disabled={busy || !text.trim()}
            onClick={() => send("text")}
          >
            {t("spec.previewPaste")}
          </Button>
        </div>
        <FileField
          id="spec-file"
          inputRef={fileRef}
          input={{ accept: ".xlsx,.csv", onChange: () => send("file") }}
          label={t("spec.file")}
          hint={t("spec.fileHint")}
          ns="rfq"
          labelClassName="text-sm font-medium"
        />
        <p aria-live="polite" className="text-sm text-slate-600">
          {busy ? t("spec.reading") : ""}
        </p>
        {failure ? <FormMessage>{t(failure.message, failure.params)}</FormMessage> : null}
        {preview ? (
          <div className="space-y-3" data-testid="spec-preview">
            <p className="text-sm" role="status">
              {t("spec.summary", { count: preview.lines.length, good: good.length, matched, bad: bad.length })}
            </p>
            {bad.length ? (
              <ul className="space-y-1 text-sm text-red-700" aria-label={t("spec.rowErrors")}>
                {bad.flatMap((l) =>
                  l.errors.map((e) => (
                    <li key={`${l.row}-${e.column}-${e.message}`}>
                      {t("spec.rowError", { row: l.row, column: e.column, message: errorText(e.message) })}
                    </li>
                  )),
                )}
              </ul>
            ) : null}
            {good.length ? (
              <div className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-white">
                <Table
                  className="w-full text-left text-sm"
                  caption={t("spec.previewCaption")}
                  density="compact"
                  headClassName="sticky top-0 bg-slate-100 text-xs text-slate-600"
                  columns={[
                    t("spec.colAdd"),
                    t("spec.colRow"),
                    t("form.itemName"),
                    t("form.quantity"),
                    t("spec.colProduct"),
                  ]}
                >
                  {good.map((l, i) => (
                    <tr key={l.row} className="border-t border-slate-100 align-top" data-testid="spec-line">
                      <td className="p-1">
                        <input
                          type="checkbox"
                          name={`spec[${i}].add`}
                          defaultChecked
                          aria-label={t("spec.addLine", { row: l.row })}
                        />
                        <input type="hidden" name={`spec[${i}].name`} value={l.name} />
                        <input type="hidden" name={`spec[${i}].quantity`} value={l.quantity} />
                        <input type="hidden" name={`spec[${i}].unit`} value={l.unit} />
                        <input type="hidden" name={`spec[${i}].notes`} value={l.notes} />
                      </td>
                      <td className="p-1 text-slate-500">{l.row}</td>
                      <td className="p-1 break-words">{l.name}</td>
                      <td className="whitespace-nowrap p-1">
                        {new Intl.NumberFormat(lang === "ru" ? "ru-RU" : "en-US").format(Number(l.quantity))}{" "}
                        {unitName(l.unit, lang)}
                      </td>
                      <td className="p-1">
                        {l.candidates.length ? (
                          <select
                            name={`spec[${i}].productId`}
                            defaultValue={l.match?.productId ?? ""}
                            aria-label={t("spec.pickProduct", { row: l.row })}
                            className="block w-full max-w-[16rem] rounded border border-slate-300 px-1 py-0.5 text-xs"
                            data-matched={l.match ? l.match.by : "none"}
                          >
                            <option value="">{t("spec.noProduct")}</option>
                            {l.candidates.map((c) => (
                              <option key={c.productId} value={c.productId}>
                                {c.title} · {c.sku} · {c.supplierName}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <span className="text-xs text-slate-500">{t("spec.notFound")}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </Table>
              </div>
            ) : null}
            {good.length ? (
              <Button type="submit" name="intent" value="addSpec">
                {t("spec.add", { count: good.length })}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
    </details>
  );
}
