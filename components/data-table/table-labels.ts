import "server-only";
import { getTranslations } from "@/lib/i18n/server";
import type { Formatters } from "@/lib/i18n/format";
import type { DataTableLabels } from "./data-table";

/** Pager and sort labels in the request's language. */
export async function getTableLabels(
  f: Formatters,
  page: { total: number; page: number; pageSize: number },
): Promise<DataTableLabels> {
  const t = await getTranslations("dashboard");
  const from = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const to = Math.min(page.total, page.page * page.pageSize);
  return {
    summary: t("table.summary", { from: f.number(from), to: f.number(to), total: f.number(page.total) }),
    previous: t("table.previous"),
    next: t("table.next"),
    pageSize: t("table.pageSize"),
    sortAscending: t("table.sortAscending"),
    sortDescending: t("table.sortDescending"),
    pagination: t("table.pagination"),
  };
}

export async function getFilterLabels(): Promise<{ apply: string; reset: string; title: string }> {
  const t = await getTranslations("dashboard");
  return { apply: t("filters.apply"), reset: t("filters.reset"), title: t("filters.title") };
}
