import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { DateInput } from "~/components/ui/date-input";
import { useErrorText } from "~/components/ui/error-text";
import { FieldErrors, FormMessage, plainInputClass } from "~/components/ui/field";
import { FileField } from "~/components/ui/file-field";
import { LocalizedLink } from "~/components/ui/localized-link";
import { type PlainControlProps, PlainField } from "~/components/ui/plain-field";
import { formatDateTime } from "~/modules/i18n/format";
import { useLang } from "~/modules/i18n/use-lang";
import { unitName } from "~/modules/money/units";
import type { RfqFormState } from "../draft-form.server";
import { MAX_RFQ_LINES, PAYMENT_TERMS, rfqPublishSchema, UNITS } from "../rfq.schema";
import { formatSize } from "./attachments";
import { SpecImport } from "./spec-import";

/** A labelled plain control bound to a conform field of the form; its errors are keys of the rfq namespace. */
function RfqField({
  meta,
  label,
  hint,
  children,
}: {
  meta: { id: string; errors?: string[] };
  label: ReactNode;
  hint?: ReactNode;
  children: (control: PlainControlProps) => ReactNode;
}) {
  return (
    <PlainField id={meta.id} label={label} hint={hint} errors={meta.errors} ns="rfq">
      {children}
    </PlainField>
  );
}

export interface RfqFormActionData {
  lastResult?: SubmissionResult<string[]> | null;
  state?: RfqFormState;
  savedAt?: string;
  draftId?: string;
}

const ACCEPT = ".pdf,.dwg,.dxf,.xlsx,.docx,.png,.jpg,.jpeg,.webp,.gif";
const AUTOSAVE_MS = 2500;
/** The form's own submits: intent, label key, look. */
const SUBMITS = [
  ["publish", "form.publish", "primary"],
  ["save", "form.saveDraft", "secondary"],
] as const;
const compactInput =
  "block w-full rounded border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600 focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";

/** The RFQ editor (new and draft): conform form, debounced autosave through a fetcher, recipients, attachments. */
export function RfqForm({ state, actionData }: { state: RfqFormState; actionData?: RfqFormActionData }) {
  const { t } = useTranslation("rfq");
  const errorText = useErrorText("rfq");
  const lang = useLang();
  const navigation = useNavigation();
  const autosave = useFetcher<RfqFormActionData>();
  const current = actionData?.state ?? state;
  const [draftId, setDraftId] = useState<string | null>(current.draftId);
  const [savedAt, setSavedAt] = useState<string | null>(current.updatedAt);
  useEffect(() => {
    if (actionData?.state?.draftId) setDraftId(actionData.state.draftId);
  }, [actionData]);
  useEffect(() => {
    if (autosave.data?.draftId) {
      setDraftId(autosave.data.draftId);
      setSavedAt(autosave.data.savedAt ?? null);
    }
  }, [autosave.data]);

  const defaultValue = useMemo(
    () => ({
      ...state.values,
      sealed: state.values.sealed ? "on" : undefined,
      includeOtherSuppliers: state.values.includeOtherSuppliers ? "on" : undefined,
      items: (state.values.items.length
        ? state.values.items
        : [{ productId: "", name: "", quantity: "1", unit: "pcs", notes: "", analoguesAllowed: false }]
      ).map((i) => ({ ...i, analoguesAllowed: i.analoguesAllowed ? "on" : undefined })),
    }),
    [state],
  );
  const [form, fields] = useForm({
    id: `rfq-${state.draftId ?? "new"}-${state.updatedAt ?? ""}`,
    lastResult: navigation.state === "idle" ? actionData?.lastResult : null,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: rfqPublishSchema() });
    },
  });
  const items = fields.items.getFieldList();
  const productInfo = new Map(state.values.items.map((i) => [i.productId, i]));

  // Debounced autosave of what is typed (files are sent only with a real submit).
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const scheduleAutosave = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const el = formRef.current;
      if (!el || navigation.state !== "idle") return;
      const data = new FormData(el);
      data.delete("attachments");
      data.set("intent", "autosave");
      autosave.submit(data, { method: "post" });
    }, AUTOSAVE_MS);
  };
  useEffect(() => () => timer.current && clearTimeout(timer.current), []);

  const busy = navigation.state === "submitting";
  const attachmentErrors = (form.allErrors as Record<string, string[] | undefined>).attachments;

  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      ref={formRef}
      noValidate
      onChange={scheduleAutosave}
      className="space-y-8"
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        if (submitter?.name === "intent" && submitter.value !== "publish") return; // no client validation for drafts
        form.onSubmit(event);
      }}
    >
      <input type="hidden" name="draftId" value={draftId ?? ""} />
      {state.fromCart ? <input type="hidden" name="fromCart" value="on" /> : null}
      {form.errors?.length ? <FormMessage id={form.errorId}>{form.errors.map(errorText).join(" ")}</FormMessage> : null}

      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("form.header")}</legend>
        <RfqField meta={fields.title} label={t("form.title")}>
          {(c) => <input {...getInputProps(fields.title, { type: "text" })} {...c} className={plainInputClass} />}
        </RfqField>
        <RfqField meta={fields.deliveryAddress} label={t("form.deliveryAddress")}>
          {(c) => (
            <input {...getInputProps(fields.deliveryAddress, { type: "text" })} {...c} className={plainInputClass} />
          )}
        </RfqField>
        <div className="grid gap-4 md:grid-cols-3">
          <RfqField meta={fields.deadline} label={t("form.deadline")} hint={t("form.mskHint")}>
            {(c) => (
              <input
                {...getInputProps(fields.deadline, { type: "datetime-local" })}
                {...c}
                className={plainInputClass}
              />
            )}
          </RfqField>
          <RfqField meta={fields.neededBy} label={t("form.neededBy")}>
            {(c) => (
              <DateInput
                {...c}
                name={fields.neededBy.name}
                key={fields.neededBy.key}
                defaultValue={typeof fields.neededBy.initialValue === "string" ? fields.neededBy.initialValue : ""}
                className={plainInputClass}
              />
            )}
          </RfqField>
          <PlainField id={fields.paymentTerms.id} label={t("form.paymentTerms")} ns="rfq">
            {() => (
              <select {...getSelectProps(fields.paymentTerms)} className={plainInputClass}>
                <option value="">{t("form.paymentTermsAny")}</option>
                {PAYMENT_TERMS.map((p) => (
                  <option key={p} value={p}>
                    {t(`paymentTerms.${p}`)}
                  </option>
                ))}
              </select>
            )}
          </PlainField>
        </div>
        <RfqField meta={fields.comment} label={t("form.comment")}>
          {(c) => <textarea {...getTextareaProps(fields.comment)} {...c} rows={3} className={plainInputClass} />}
        </RfqField>
        <div className="flex items-start gap-2">
          <input {...getInputProps(fields.sealed, { type: "checkbox" })} className="mt-1" />
          <label htmlFor={fields.sealed.id} className="text-sm">
            <span className="font-medium">{t("form.sealed")}</span>
            <span className="block text-slate-500">{t("form.sealedHint")}</span>
          </label>
        </div>
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("form.items")}</legend>
        <FieldErrors ns="rfq" id={fields.items.errorId} errors={fields.items.errors} />
        <div
          className="hidden grid-cols-[2rem_minmax(0,1fr)_7rem_6rem_6.5rem] gap-2 px-2 text-xs font-medium text-slate-500 md:grid"
          aria-hidden="true"
        >
          <span>№</span>
          <span>{t("form.itemName")}</span>
          <span>{t("form.quantity")}</span>
          <span>{t("form.unit")}</span>
          <span />
        </div>
        <ol className="divide-y divide-slate-100 rounded border border-slate-200" data-testid="rfq-items">
          {items.map((item, index) => {
            const f = item.getFieldset();
            const info = f.productId.value ? productInfo.get(String(f.productId.value)) : undefined;
            const n = index + 1;
            const detailErrors = Boolean(f.notes.errors?.length);
            return (
              <li key={item.key} className="px-2 py-2" data-testid="rfq-item">
                <input {...getInputProps(f.productId, { type: "hidden" })} />
                <div className="grid grid-cols-[2rem_minmax(0,1fr)] gap-2 md:grid-cols-[2rem_minmax(0,1fr)_7rem_6rem_6.5rem] md:items-start">
                  <span className="pt-2 text-sm text-slate-500">{n}</span>
                  <div>
                    <label htmlFor={f.name.id} className="sr-only">
                      {t("form.itemNameN", { n })}
                    </label>
                    <input
                      {...getInputProps(f.name, { type: "text" })}
                      className={compactInput}
                      placeholder={t("form.itemName")}
                    />
                    <FieldErrors ns="rfq" id={f.name.errorId} errors={f.name.errors} />
                    {info?.productTitle ? (
                      <p className="mt-0.5 truncate text-xs text-slate-500" data-testid="rfq-item-product">
                        {info.productSlug ? (
                          <LocalizedLink to={`/products/${info.productSlug}`} className="underline">
                            {info.productTitle}
                          </LocalizedLink>
                        ) : (
                          info.productTitle
                        )}
                        {info.supplierName ? ` · ${info.supplierName}` : ""}
                      </p>
                    ) : null}
                  </div>
                  <div className="col-start-2 grid grid-cols-[1fr_6rem] gap-2 md:col-span-2 md:col-start-auto md:grid-cols-[7rem_6rem]">
                    <div>
                      <label htmlFor={f.quantity.id} className="sr-only">
                        {t("form.quantityN", { n })}
                      </label>
                      <input
                        {...getInputProps(f.quantity, { type: "text" })}
                        inputMode="decimal"
                        className={compactInput}
                      />
                      <FieldErrors ns="rfq" id={f.quantity.errorId} errors={f.quantity.errors} />
                    </div>
                    <div>
                      <label htmlFor={f.unit.id} className="sr-only">
                        {t("form.unitN", { n })}
                      </label>
                      <select {...getSelectProps(f.unit)} className={compactInput}>
                        {UNITS.map((u) => (
                          <option key={u} value={u}>
                            {unitName(u, lang)}
                          </option>
                        ))}
                      </select>
                    </div>
                  </div>
                  <div className="col-start-2 flex items-start gap-3 md:col-start-auto md:pt-2">
                    {items.length > 1 ? (
                      <button
                        {...form.remove.getButtonProps({ name: fields.items.name, index })}
                        className="text-sm text-red-700 underline"
                        aria-label={t("form.removeItemN", { n })}
                      >
                        {t("form.removeItem")}
                      </button>
                    ) : null}
                  </div>
                </div>
                <details className="ml-10 mt-1" open={detailErrors || undefined}>
                  <summary className="cursor-pointer text-xs text-brand-700">
                    {t("form.itemDetails")}
                    {f.notes.value ? ` · ${String(f.notes.value).slice(0, 60)}` : ""}
                  </summary>
                  <div className="mt-2 space-y-2">
                    <RfqField meta={f.notes} label={t("form.notes")}>
                      {(c) => <textarea {...getTextareaProps(f.notes)} {...c} rows={2} className={plainInputClass} />}
                    </RfqField>
                    <div className="flex items-center gap-2">
                      <input {...getInputProps(f.analoguesAllowed, { type: "checkbox" })} />
                      <label htmlFor={f.analoguesAllowed.id} className="text-sm">
                        {t("form.analoguesAllowed")}
                      </label>
                    </div>
                  </div>
                </details>
              </li>
            );
          })}
        </ol>
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="secondary"
            {...form.insert.getButtonProps({
              name: fields.items.name,
              defaultValue: { name: "", quantity: "1", unit: "pcs", notes: "" },
            })}
            disabled={items.length >= MAX_RFQ_LINES}
          >
            {t("form.addItem")}
          </Button>
          <span className="text-sm text-slate-500">
            {t("form.itemCount", { count: items.length, max: MAX_RFQ_LINES })}
          </span>
        </div>
        <SpecImport existingLines={items.filter((i) => i.getFieldset().name.value).length} />
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("form.attachments")}</legend>
        {current.attachments.length ? (
          <ul className="space-y-1 text-sm" aria-label={t("form.attached")}>
            {current.attachments.map((a) => (
              <li key={a.id} className="flex items-center gap-3">
                <a href={`/files/${a.id}?download=1`} className="text-brand-700 underline">
                  {a.name}
                </a>
                <span className="text-slate-500">{formatSize(a.size)}</span>
                <label className="flex items-center gap-1 text-red-700">
                  <input type="checkbox" name="removeAttachment" value={a.id} />
                  {t("form.removeAttachment")}
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        <FileField
          id="rfq-attachments"
          input={{ name: "attachments", multiple: true, accept: ACCEPT }}
          label={t("form.addAttachments")}
          hint={t("form.attachmentsHint")}
          errors={attachmentErrors}
          ns="rfq"
        />
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("form.recipients")}</legend>
        <p className="text-sm text-slate-600">{t("form.recipientsHint")}</p>
        {current.candidates.length ? (
          <ul className="space-y-1" data-testid="recipients">
            {current.candidates.map((c) => (
              <li key={c.supplierOrgId} className="flex items-center gap-2 text-sm">
                <input type="hidden" name="recipientsShown" value={c.supplierOrgId} />
                <input
                  type="checkbox"
                  id={`recipient-${c.supplierOrgId}`}
                  name="recipients"
                  value={c.supplierOrgId}
                  defaultChecked={c.selected}
                />
                <label htmlFor={`recipient-${c.supplierOrgId}`}>
                  {c.name}{" "}
                  <span className="text-slate-500">
                    · {t(`recipientSource.${c.source}`)}
                    {c.verified ? ` · ${t("form.verified")}` : ""}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t("form.noCandidates")}</p>
        )}
        <div className="flex items-start gap-2">
          <input {...getInputProps(fields.includeOtherSuppliers, { type: "checkbox" })} className="mt-1" />
          <label htmlFor={fields.includeOtherSuppliers.id} className="text-sm">
            <span className="font-medium">{t("form.includeOthers")}</span>
            <span className="block text-slate-500">{t("form.includeOthersHint")}</span>
          </label>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <PlainField id="rfq-add-supplier" label={t("form.addSupplier")} ns="rfq">
            {(c) => (
              <input
                {...c}
                name="addSupplier"
                type="text"
                className={plainInputClass}
                placeholder={t("form.addSupplierPlaceholder")}
              />
            )}
          </PlainField>
          <Button type="submit" name="intent" value="save" variant="secondary">
            {t("form.refreshRecipients")}
          </Button>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        {SUBMITS.map(([intent, label, variant]) => (
          <Button key={intent} type="submit" name="intent" value={intent} variant={variant} disabled={busy}>
            {t(label)}
          </Button>
        ))}
        <span className="text-sm text-slate-500" aria-live="polite" data-testid="autosave-status">
          {autosave.state !== "idle"
            ? t("form.saving")
            : savedAt
              ? t("form.savedAt", { time: formatDateTime(savedAt, lang) })
              : ""}
        </span>
      </div>
    </Form>
  );
}
