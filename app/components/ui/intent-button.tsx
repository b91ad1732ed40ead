import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "./button";

/**
 * A one-button POST form for an action on a row («Отозвать», «Удалить», «Повторить»): the `intent` the route's action
 * switches on, the hidden `fields` that name the row, and a button whose `aria-label` says which row it acts on.
 */
export function IntentButton({
  intent,
  fields,
  label,
  children,
  variant = "secondary",
}: {
  intent: string;
  fields: Record<string, string>;
  /** the accessible name: the visible text plus the row it acts on */
  label: string;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} aria-label={label}>
        {children}
      </Button>
    </Form>
  );
}
