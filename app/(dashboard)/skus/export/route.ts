// GET /skus/export?format=csv|xlsx&<the page's filters>: every row of the current filtered, sorted view.
import { getTranslations } from "@/lib/i18n/server";
import { toExportColumns } from "@/components/data-table/columns";
import { skuColumns } from "@/components/skus/sku-columns";
import { buildExport, downloadResponse, readExportRequest, getSkuPageForExport } from "@/lib/data/exports";
import { parseSkuQuery } from "@/lib/data/page-params";
import { runtimeKeys } from "@/lib/i18n/runtime-keys";

const MAX_EXPORT_ROWS = 50_000;

export async function GET(request: Request) {
  const { params, scope, format } = readExportRequest(request);
  const { filters, table } = parseSkuQuery(params);
  const page = await getSkuPageForExport(scope, filters, { ...table, page: 1, pageSize: MAX_EXPORT_ROWS });
  if (!page) return new Response("Unauthorized", { status: 401 });
  const td = await getTranslations("dashboard");
  const t = await getTranslations("skus");
  const file = await buildExport({
    format,
    columns: toExportColumns(skuColumns(runtimeKeys(t))),
    rows: page.rows,
    sheetName: t("title"),
    totalsLabel: td("export.totals"),
  });
  return downloadResponse(file, `skus-${scope.from}-${scope.to}`);
}
