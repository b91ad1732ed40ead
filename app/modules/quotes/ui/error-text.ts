import { useTranslation } from "react-i18next";

/** Translates "key" or "key::{json}" errors of the quotes namespace. */
export function useQuoteErrorText() {
  const { t } = useTranslation("quotes");
  return (message: string) => {
    const [key, raw] = message.split("::");
    let params: Record<string, unknown> = {};
    try {
      params = raw ? JSON.parse(raw) : {};
    } catch {
      params = {};
    }
    return t(key, params) as string;
  };
}
