import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormMessage, SelectField, TextareaField, TextField } from "~/components/ui/field";
import { PlainField } from "~/components/ui/plain-field";
import { localizeUnit } from "~/modules/i18n/units";
import { useLang } from "~/modules/i18n/use-lang";
import type { VatRateCode } from "~/modules/money/money";
import { UNIT_CODES, unitName } from "~/modules/money/units";
import { vatRateLabel } from "~/modules/money/vat";
import type { AttributeDef } from "../attributes";
import { productFormSchema } from "../catalog.schema";

export interface ProductFormDefaults {
  categoryId: string;
  title?: string;
  sku?: string;
  manufacturer?: string | null;
  description?: string | null;
  priceOnRequest?: boolean;
  price?: string;
  vatRate?: string;
  unit?: string;
  minOrderQty?: string;
  leadTimeDays?: string;
  stockStatus?: string;
  spec?: Record<string, string>;
}

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600";

/** The create/edit form: main fields, price and terms, and one field per attribute of the chosen category. */
export function ProductForm({
  defaults,
  attributes,
  categoryName,
  lastResult,
  vatRates,
}: {
  defaults: ProductFormDefaults;
  attributes: AttributeDef[];
  categoryName: string;
  lastResult?: SubmissionResult<string[]> | null;
  /** The rates the supplier's tax regime allows today (money.server supplierVatOptions). */
  vatRates: readonly VatRateCode[];
}) {
  const { t } = useTranslation("catalog");
  const lang = useLang();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { ...defaults, priceOnRequest: defaults.priceOnRequest ? "on" : undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: productFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const tr = (key: string) => t(key);
  const specErrors = (form.allErrors ?? {}) as Record<string, string[] | undefined>;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-8">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="categoryId" value={defaults.categoryId} />
      {form.errors?.length ? <FormMessage id={form.errorId}>{form.errors.map(tr).join(". ")}</FormMessage> : null}
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("form.main")}</legend>
        <p className="md:col-span-2 text-sm">
          {t("form.category")}: <strong>{categoryName}</strong>
        </p>
        <TextField meta={fields.title} label={t("form.title")} translateError={tr} className="md:col-span-2" />
        <TextField meta={fields.sku} label={t("form.sku")} hint={t("form.skuHint")} translateError={tr} />
        <TextField meta={fields.manufacturer} label={t("form.manufacturer")} translateError={tr} />
        <TextareaField
          meta={fields.description}
          label={t("form.description")}
          rows={4}
          translateError={tr}
          className="md:col-span-2"
        />
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-lg font-semibold">{t("form.pricing")}</legend>
        <TextField meta={fields.price} label={t("form.price")} translateError={tr} inputMode="decimal" />
        <div className="flex items-end pb-2">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={fields.priceOnRequest.name}
              defaultChecked={Boolean(defaults.priceOnRequest)}
              className="h-4 w-4"
            />
            {t("form.priceOnRequest")}
          </label>
        </div>
        <SelectField meta={fields.vatRate} label={t("form.vatRate")} translateError={tr}>
          {vatRates.map((v) => (
            <option key={v} value={v}>
              {vatRateLabel(v, lang)}
            </option>
          ))}
        </SelectField>
        <SelectField meta={fields.unit} label={t("form.unit")} translateError={tr}>
          {UNIT_CODES.map((u) => (
            <option key={u} value={u}>
              {unitName(u, lang)}
            </option>
          ))}
        </SelectField>
        <TextField meta={fields.minOrderQty} label={t("form.minOrderQty")} translateError={tr} inputMode="decimal" />
        <TextField meta={fields.leadTimeDays} label={t("form.leadTimeDays")} translateError={tr} inputMode="numeric" />
        <SelectField meta={fields.stockStatus} label={t("form.stockStatus")} translateError={tr}>
          {["IN_STOCK", "TO_ORDER", "OUT_OF_STOCK"].map((s) => (
            <option key={s} value={s}>
              {t(`stock.${s}`)}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-lg font-semibold">{t("form.specs")}</legend>
        <p className="md:col-span-3 text-sm text-slate-600">
          {attributes.length ? t("form.specsHint") : t("form.noAttributes")}
        </p>
        {attributes.map((attr) => {
          const name = `spec.${attr.code}`;
          const id = `spec-${attr.code}`;
          const errors = specErrors[name];
          const label = `${lang === "en" ? attr.nameEn : attr.nameRu}${attr.unit ? `, ${localizeUnit(attr.unit, lang)}` : ""}${attr.required ? " *" : ""}`;
          return (
            <PlainField
              key={attr.code}
              id={id}
              label={label}
              errors={errors}
              ns="catalog"
              labelClassName="block text-sm font-medium text-slate-800"
            >
              {(control) => {
                const common = {
                  ...control,
                  name,
                  defaultValue: defaults.spec?.[attr.code] ?? "",
                  required: attr.required,
                  className: inputClass,
                };
                return attr.type === "ENUM" || attr.type === "BOOLEAN" ? (
                  <select {...common}>
                    <option value="">{t("spec.choose")}</option>
                    {attr.type === "BOOLEAN" ? (
                      <>
                        <option value="true">{t("yes")}</option>
                        <option value="false">{t("no")}</option>
                      </>
                    ) : (
                      attr.options?.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o[lang]}
                        </option>
                      ))
                    )}
                  </select>
                ) : (
                  <input {...common} type="text" inputMode={attr.type === "NUMBER" ? "decimal" : undefined} />
                );
              }}
            </PlainField>
          );
        })}
      </fieldset>
      <Button type="submit">{t("form.save")}</Button>
    </Form>
  );
}
