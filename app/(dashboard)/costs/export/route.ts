// GET /costs/export?format=csv|csv-ru|xlsx&<the page's filters>: every SKU of the cost price list as
// the page shows it (search, "missing only" over the period), with the cost price effective today.
// No totals row: a sum of unit cost prices means nothing. Cells are neutralised by buildExport.
import { toExportColumns } from "@/components/data-table/columns";
import { costColumns } from "@/components/costs/cost-columns";
import { buildExport, downloadResponse, readExportRequest, getSkuCostPageForExport } from "@/lib/data/exports";
import { parseCostQuery } from "@/lib/data/page-params";
import { businessToday } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { getTranslations } from "@/lib/i18n/server";

const MAX_EXPORT_ROWS = 50_000;

export async function GET(request: Request) {
  const { params, scope, format } = readExportRequest(request);
  const query = parseCostQuery(params);
  const asOf = businessToday(getEnv().APP_TIMEZONE);
  const page = await getSkuCostPageForExport(
    { accountId: scope.accountId, from: scope.from, to: scope.to },
    { q: query.q, isMissingOnly: query.isMissingOnly, asOf, page: 1, pageSize: MAX_EXPORT_ROWS },
  );
  if (!page) return new Response("Unauthorized", { status: 401 });
  const t = await getTranslations("costs");
  const file = await buildExport({
    format,
    columns: toExportColumns(costColumns((key) => t(key as never))),
    rows: page.rows,
    sheetName: t("title"),
  });
  return downloadResponse(file, `cost-prices-${asOf}`);
}
