// GET /restock/export?format=csv|xlsx&<the page's filters>: every advice row of the current view.
import { getTranslations } from "@/lib/i18n/server";
import { toExportColumns } from "@/components/data-table/columns";
import { restockColumns } from "@/components/restock/restock-columns";
import { buildExport, downloadResponse, readExportRequest, getRestockPageForExport } from "@/lib/data/exports";
import { parseRestockQuery } from "@/lib/data/page-params";

const MAX_EXPORT_ROWS = 100_000;

export async function GET(request: Request) {
  const { params, scope, format } = readExportRequest(request);
  const { filters, table } = parseRestockQuery(params);
  const page = await getRestockPageForExport(scope, filters, { ...table, page: 1, pageSize: MAX_EXPORT_ROWS });
  if (!page) return new Response("Unauthorized", { status: 401 });
  const td = await getTranslations("dashboard");
  const t = await getTranslations("restock");
  const file = await buildExport({
    format,
    columns: toExportColumns(restockColumns((key, values) => t(key as never, values as never))),
    rows: page.rows,
    sheetName: t("title"),
    totalsLabel: td("export.totals"),
  });
  return downloadResponse(file, `restock-${page.adviceDay ?? scope.to}`);
}
