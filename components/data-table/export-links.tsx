// Download links for the current view: the export route re-reads the same URL filters.
import { getRequestLocale, getTranslations } from "@/lib/i18n/server";
import type { SearchParamsRecord } from "@/lib/data/table-params";

export async function ExportLinks({ route, searchParams }: { route: string; searchParams: SearchParamsRecord }) {
  const [t, locale] = await Promise.all([getTranslations("dashboard"), getRequestLocale()]);
  // the CSV that opens right in the reader's Excel comes first; the other dialect stays available
  const formats = locale === "ru" ? (["csv-ru", "csv", "xlsx"] as const) : (["csv", "csv-ru", "xlsx"] as const);
  const href = (format: (typeof formats)[number]) => {
    const q = new URLSearchParams();
    for (const [key, raw] of Object.entries(searchParams)) {
      const value = Array.isArray(raw) ? raw[0] : raw;
      if (value !== undefined && key !== "page" && key !== "size" && key !== "format") q.set(key, value);
    }
    q.set("format", format);
    return `${route}?${q}`;
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="export-links">
      <span className="text-slate-600">{t("export.label")}</span>
      {formats.map((format) => (
        <a
          key={format}
          href={href(format)}
          download
          title={format === "xlsx" ? undefined : t(`export.${format}Help`)}
          data-testid={`export-${format}`}
          className="whitespace-nowrap rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {t(`export.${format}`)}
        </a>
      ))}
    </div>
  );
}
