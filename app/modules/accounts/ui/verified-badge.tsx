import { useTranslation } from "react-i18next";

/** «Проверенный поставщик»: shown wherever a verified supplier appears (cards, product pages, profiles, RFQs). */
export function VerifiedBadge({ className = "", compact = false }: { className?: string; compact?: boolean }) {
  const { t } = useTranslation("accounts");
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-600/20 ${className}`}
      title={t("badge.verifiedTitle")}
      data-testid="verified-badge"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3.5 w-3.5 fill-current">
        <path d="M10 1.5l2.3 1.7 2.9-.1.9 2.7 2.3 1.7-.9 2.7.9 2.7-2.3 1.7-.9 2.7-2.9-.1L10 18.5l-2.3-1.7-2.9.1-.9-2.7-2.3-1.7.9-2.7-.9-2.7 2.3-1.7.9-2.7 2.9.1L10 1.5zm-1.1 11.3l5-5-1.1-1.1-3.9 3.9-1.9-1.9-1.1 1.1 3 3z" />
      </svg>
      {compact ? <span className="sr-only">{t("badge.verified")}</span> : t("badge.verified")}
    </span>
  );
}
