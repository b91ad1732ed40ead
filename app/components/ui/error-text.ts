import { useTranslation } from "react-i18next";

/**
 * Turns an error as use cases and actions store it — "key" or "key::{json params}" (file errors carry their limits,
 * a missing supplier its query) — into text of the namespace(s) `ns` in the page language. A broken params part is
 * ignored, never shown.
 */
export function useErrorText(ns: string | readonly string[]) {
  const { t } = useTranslation(ns as string | string[]);
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
