import { Form, useNavigation } from "@remix-run/react";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { DateInput } from "~/components/ui/date-input";
import { FieldErrors, FormMessage } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { PlainField } from "~/components/ui/plain-field";
import { DataTable } from "~/components/ui/table";
import type { FulfilmentActionResult } from "../fulfilment.schema";

/** Shipments, приёмка and рекламации of an order (the supplier ships, the buyer accepts or rejects, the supplier answers). */
export interface ShipmentsPanelData {
  orderId: string;
  party: "BUYER" | "SUPPLIER";
  canShip: boolean;
  balance: { id: string; position: number; name: string; unit: string; ordered: string; left: string }[];
  shipments: {
    id: string;
    seq: number;
    carrier: string | null;
    waybillNumber: string | null;
    shippedOn: string;
    tracking: string | null;
    accepted: boolean;
    lines: {
      id: string;
      name: string;
      unit: string;
      quantity: string;
      acceptedQty: string | null;
      rejectedQty: string | null;
    }[];
    claims: {
      id: string;
      lineName: string;
      reason: string;
      quantity: string;
      note: string | null;
      resolution: string | null;
      answer: string | null;
    }[];
  }[];
  today: string;
}

const input =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600";

/** A labelled control of the panel's forms; its errors are keys of the fulfilment namespace. */
function Field(props: Omit<ComponentProps<typeof PlainField>, "ns">) {
  return <PlainField {...props} ns="fulfilment" />;
}

export function ShipmentsPanel({ data, result }: { data: ShipmentsPanelData; result: FulfilmentActionResult | null }) {
  const { t } = useTranslation("fulfilment");
  const busy = useNavigation().state !== "idle";
  // error keys of the fulfilment namespace (the fields show them translated)
  const err = (name: string) => (result && !result.ok && result.errors[name] ? [result.errors[name]] : undefined);
  const val = (name: string) => (result && !result.ok ? result.values[name] : undefined);
  const unit = (u: string) => t(`common:units.${u}`, { defaultValue: u });
  const ship = result?.intent === "shipment";
  return (
    <Panel id="shipments-h" title={t("shipments.title")} tone="plain">
      {result?.ok ? <FormMessage tone="success">{t(`done.${result.intent}`)}</FormMessage> : null}
      {result?.formError ? <FormMessage>{t(result.formError)}</FormMessage> : null}
      {data.shipments.length === 0 ? <p className="text-sm text-slate-600">{t("shipments.none")}</p> : null}
      <ol className="space-y-4">
        {data.shipments.map((s) => (
          <li key={s.id} className="rounded-md border border-slate-200 p-3" data-testid={`shipment-${s.seq}`}>
            <h3 className="font-medium">
              {t("shipments.heading", { seq: s.seq, date: s.shippedOn })}
              {" · "}
              {s.accepted ? t("shipments.accepted") : t("shipments.awaitingAcceptance")}
            </h3>
            <p className="text-sm text-slate-700">
              {[s.carrier, s.waybillNumber ? t("shipments.waybill", { number: s.waybillNumber }) : null, s.tracking]
                .filter(Boolean)
                .join(" · ")}
            </p>
            <p className="mt-1 flex flex-wrap gap-3 text-sm">
              <a className="text-brand-700 underline" href={`/orders/${data.orderId}/upd.pdf?shipment=${s.id}`}>
                {t("shipments.updPdf", { seq: s.seq })}
              </a>
              <a className="text-brand-700 underline" href={`/orders/${data.orderId}/upd.xml?shipment=${s.id}`}>
                {t("shipments.updXml", { seq: s.seq })}
              </a>
            </p>
            {data.party === "BUYER" && !s.accepted ? (
              <Form method="post" className="mt-2 space-y-2" noValidate>
                <input type="hidden" name="intent" value="accept" />
                <input type="hidden" name="shipmentId" value={s.id} />
                <fieldset className="space-y-3">
                  <legend className="text-sm font-medium">{t("accept.legend")}</legend>
                  {s.lines.map((l) => (
                    <div key={l.id} className="grid gap-2 sm:grid-cols-3">
                      <p className="text-sm sm:col-span-3">
                        {l.name}: {l.quantity} {unit(l.unit)}
                      </p>
                      <Field id={`reject.${l.id}`} label={t("accept.rejected")} errors={err(`reject.${l.id}`)}>
                        {(p) => (
                          <input
                            {...p}
                            name={`reject.${l.id}`}
                            inputMode="decimal"
                            defaultValue={val(`reject.${l.id}`) ?? ""}
                            className={input}
                          />
                        )}
                      </Field>
                      <Field id={`reason.${l.id}`} label={t("accept.reason")} errors={err(`reason.${l.id}`)}>
                        {(p) => (
                          <select
                            {...p}
                            name={`reason.${l.id}`}
                            defaultValue={val(`reason.${l.id}`) ?? ""}
                            className={input}
                          >
                            <option value="">—</option>
                            {["DEFECT", "SHORTAGE", "MISGRADE"].map((r) => (
                              <option key={r} value={r}>
                                {t(`reason.${r}`)}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                      <Field id={`note.${l.id}`} label={t("accept.note")}>
                        {(p) => (
                          <input
                            {...p}
                            name={`note.${l.id}`}
                            defaultValue={val(`note.${l.id}`) ?? ""}
                            className={input}
                          />
                        )}
                      </Field>
                    </div>
                  ))}
                </fieldset>
                <Button type="submit" disabled={busy}>
                  {t("accept.submit", { seq: s.seq })}
                </Button>
              </Form>
            ) : (
              <div className="mt-2">
                <DataTable
                  columns={[
                    t("line.name"),
                    { label: t("line.shipped"), numeric: true },
                    { label: t("line.accepted"), numeric: true },
                    { label: t("line.rejected"), numeric: true },
                  ]}
                >
                  {s.lines.map((l) => (
                    <tr key={l.id}>
                      <td className="py-1 pr-3">{l.name}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">
                        {l.quantity} {unit(l.unit)}
                      </td>
                      <td className="py-1 pr-3 text-right tabular-nums">{l.acceptedQty ?? "—"}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{l.rejectedQty ?? "—"}</td>
                    </tr>
                  ))}
                </DataTable>
              </div>
            )}
            {s.claims.length > 0 ? (
              <div className="mt-3">
                <h4 className="text-sm font-medium">{t("claims.title")}</h4>
                <ul className="space-y-2">
                  {s.claims.map((c) => (
                    <li key={c.id} className="text-sm" data-testid="claim">
                      <p>
                        {t("claims.item", { name: c.lineName, quantity: c.quantity, reason: t(`reason.${c.reason}`) })}
                        {c.note ? ` — ${c.note}` : ""}
                      </p>
                      {c.resolution ? (
                        <p className="text-slate-700">
                          {t("claims.answered", { resolution: t(`resolution.${c.resolution}`) })}: {c.answer}
                        </p>
                      ) : data.party === "SUPPLIER" ? (
                        <Form method="post" className="mt-1 grid gap-2 sm:grid-cols-3" noValidate>
                          <input type="hidden" name="intent" value="answerClaim" />
                          <input type="hidden" name="claimId" value={c.id} />
                          <Field
                            id={`resolution.${c.id}`}
                            label={t("claims.resolution")}
                            errors={err(`resolution.${c.id}`)}
                          >
                            {(p) => (
                              <select {...p} name="resolution" defaultValue="" className={input}>
                                <option value="">—</option>
                                {["REPLACE", "CREDIT", "DISPUTE"].map((r) => (
                                  <option key={r} value={r}>
                                    {t(`resolution.${r}`)}
                                  </option>
                                ))}
                              </select>
                            )}
                          </Field>
                          <Field id={`answer.${c.id}`} label={t("claims.answer")} errors={err(`answer.${c.id}`)}>
                            {(p) => <input {...p} name="answer" className={input} />}
                          </Field>
                          <div className="self-end">
                            <Button type="submit" disabled={busy}>
                              {t("claims.submit")}
                            </Button>
                          </div>
                        </Form>
                      ) : (
                        <p className="text-slate-600">{t("claims.open")}</p>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </li>
        ))}
      </ol>

      {data.party === "SUPPLIER" && data.canShip ? (
        <Form method="post" className="max-w-2xl space-y-3 rounded-md border border-slate-200 p-3" noValidate>
          <input type="hidden" name="intent" value="shipment" />
          <h3 className="font-medium">{t("ship.title")}</h3>
          <fieldset className="space-y-2" aria-describedby={ship && err("lines") ? "lines-error" : undefined}>
            <legend className="text-sm font-medium">{t("ship.lines")}</legend>
            {data.balance.map((l) => (
              <Field
                key={l.id}
                id={`qty.${l.id}`}
                label={t("ship.qtyLabel", { name: l.name, left: l.left, unit: unit(l.unit) })}
                errors={ship ? err(`qty.${l.id}`) : undefined}
              >
                {(p) => (
                  <input
                    {...p}
                    name={`qty.${l.id}`}
                    inputMode="decimal"
                    disabled={l.left === "0"}
                    defaultValue={ship ? (val(`qty.${l.id}`) ?? "") : ""}
                    className={input}
                  />
                )}
              </Field>
            ))}
            {ship ? <FieldErrors id="lines-error" errors={err("lines")} ns="fulfilment" /> : null}
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="carrier" label={t("ship.carrier")} errors={ship ? err("carrier") : undefined}>
              {(p) => (
                <input {...p} name="carrier" defaultValue={ship ? (val("carrier") ?? "") : ""} className={input} />
              )}
            </Field>
            <Field id="waybillNumber" label={t("ship.waybill")} errors={ship ? err("waybillNumber") : undefined}>
              {(p) => (
                <input
                  {...p}
                  name="waybillNumber"
                  defaultValue={ship ? (val("waybillNumber") ?? "") : ""}
                  className={input}
                />
              )}
            </Field>
            <Field id="shippedOn" label={t("ship.date")} errors={ship ? err("shippedOn") : undefined}>
              {(p) => (
                <DateInput
                  {...p}
                  name="shippedOn"
                  defaultValue={ship ? (val("shippedOn") ?? data.today) : data.today}
                  className={input}
                />
              )}
            </Field>
            <Field id="tracking" label={t("ship.tracking")} errors={ship ? err("tracking") : undefined}>
              {(p) => (
                <input {...p} name="tracking" defaultValue={ship ? (val("tracking") ?? "") : ""} className={input} />
              )}
            </Field>
          </div>
          <Button type="submit" disabled={busy}>
            {t("ship.submit")}
          </Button>
        </Form>
      ) : null}
    </Panel>
  );
}
