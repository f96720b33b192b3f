// GET /cashflow/export?format=csv|csv-ru|xlsx&by=day|week&<the page's filters>: the cash flow of the
// period as the page's table shows it, a row per day or week and a column per type, with a totals
// row in XLSX. Cells are neutralised against formula injection by buildExport.
import { toExportColumns } from "@/components/data-table/columns";
import { cashflowColumns } from "@/components/cashflow/cashflow-columns";
import { buildExport, downloadResponse, readExportRequest, getCashflowSummaryForExport } from "@/lib/data/exports";
import { param } from "@/lib/data/table-params";
import { getTranslations } from "@/lib/i18n/server";

export async function GET(request: Request) {
  const { params, scope, format } = readExportRequest(request);
  const bucket = param(params, "by") === "week" ? "week" : "day";
  const summary = await getCashflowSummaryForExport(
    { accountId: scope.accountId, from: scope.from, to: scope.to },
    bucket,
  );
  if (!summary) return new Response("Unauthorized", { status: 401 });
  const [t, td] = await Promise.all([getTranslations("cashflow"), getTranslations("dashboard")]);
  const file = await buildExport({
    format,
    columns: toExportColumns(cashflowColumns((key) => t(key as never), summary)),
    rows: summary.buckets,
    sheetName: t("title"),
    totalsLabel: td("export.totals"),
  });
  return downloadResponse(file, `cashflow-${bucket}-${scope.from}-${scope.to}`);
}
