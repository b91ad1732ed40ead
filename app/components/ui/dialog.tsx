import { Link, useLocation, useNavigation } from "@remix-run/react";
import { type ReactNode, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button";

type Variant = "primary" | "secondary" | "danger";

/**
 * THE dialog of the UI kit: a confirmation step before a consequential action (block an organisation, withdraw a
 * verification). A native <dialog> opened with showModal(): focus moves into it, Escape and «Отмена» close it and
 * focus returns to the trigger; the rest of the page is inert meanwhile.
 *
 * Without JavaScript the trigger is a GET form that reloads the page with `?confirm=<value>`; the page then passes
 * `inline` and the same content is rendered in place as a confirmation page. `children` gets the cancel control to
 * put next to its own submit button. The dialog closes after a submission unless `keepOpen` (the action answered
 * with an error for this dialog, shown next to its field).
 */
export function ConfirmDialog({
  value,
  triggerLabel,
  triggerVariant = "secondary",
  title,
  inline = false,
  keepOpen = false,
  children,
}: {
  /** what `?confirm=` says to open this dialog as a page (no JavaScript) */
  value: string;
  triggerLabel: string;
  triggerVariant?: Variant;
  title: string;
  inline?: boolean;
  keepOpen?: boolean;
  children: (cancel: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation("layout");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const location = useLocation();
  const navigation = useNavigation();
  const busy = useRef(false);

  useEffect(() => {
    if (navigation.state !== "idle") {
      busy.current = true;
      return;
    }
    if (busy.current) {
      busy.current = false;
      if (!keepOpen && ref.current?.open) ref.current.close();
    }
  }, [navigation.state, keepOpen]);

  // an error after a submission from the dialog: keep it open (a re-render does not close it, but a reload would)
  useEffect(() => {
    if (keepOpen && !inline && ref.current && !ref.current.open && typeof ref.current.showModal === "function") {
      ref.current.showModal();
    }
  }, [keepOpen, inline]);

  if (inline) {
    return (
      <section
        aria-labelledby={titleId}
        className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
        data-testid={`confirm-${value}`}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children(
          <Link to={location.pathname} className="text-sm text-brand-700 underline">
            {t("dialog.cancel")}
          </Link>,
        )}
      </section>
    );
  }

  return (
    <>
      <form method="get" className="inline">
        <Button
          type="submit"
          name="confirm"
          value={value}
          variant={triggerVariant}
          size="sm"
          aria-haspopup="dialog"
          onClick={(event) => {
            const dialog = ref.current;
            if (dialog && typeof dialog.showModal === "function") {
              event.preventDefault();
              dialog.showModal();
            }
          }}
        >
          {triggerLabel}
        </Button>
      </form>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
        data-testid={`dialog-${value}`}
      >
        <div className="space-y-3 p-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {children(
            <Button variant="secondary" onClick={() => ref.current?.close()}>
              {t("dialog.cancel")}
            </Button>,
          )}
        </div>
      </dialog>
    </>
  );
}
