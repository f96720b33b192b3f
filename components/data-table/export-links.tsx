// Download links for the current view: the export route re-reads the same URL filters.
import { getTranslations } from "@/lib/i18n/server";
import type { SearchParamsRecord } from "@/lib/data/table-params";

export async function ExportLinks({ route, searchParams }: { route: string; searchParams: SearchParamsRecord }) {
  const t = await getTranslations("dashboard");
  const href = (format: "csv" | "xlsx") => {
    const q = new URLSearchParams();
    for (const [key, raw] of Object.entries(searchParams)) {
      const value = Array.isArray(raw) ? raw[0] : raw;
      if (value !== undefined && key !== "page" && key !== "size" && key !== "format") q.set(key, value);
    }
    q.set("format", format);
    return `${route}?${q}`;
  };
  return (
    <div className="flex items-center gap-2 text-sm" data-testid="export-links">
      <span className="text-slate-600">{t("export.label")}</span>
      {(["csv", "xlsx"] as const).map((format) => (
        <a
          key={format}
          href={href(format)}
          download
          data-testid={`export-${format}`}
          className="rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {t(`export.${format}`)}
        </a>
      ))}
    </div>
  );
}
