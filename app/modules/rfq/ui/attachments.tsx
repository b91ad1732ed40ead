import { useTranslation } from "react-i18next";

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

export function AttachmentList({ attachments }: { attachments: { id: string; name: string; size: number }[] }) {
  const { t } = useTranslation("rfq");
  if (attachments.length === 0) return <p className="text-sm text-slate-500">{t("attachments.none")}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={`/files/${a.id}?download=1`} className="text-brand-700 underline" download>
            {a.name}
          </a>{" "}
          <span className="text-slate-500">({formatSize(a.size)})</span>
        </li>
      ))}
    </ul>
  );
}
