// GET /skus/export?format=csv|xlsx&<the page's filters>: every row of the current filtered, sorted view.
import { getTranslations } from "@/lib/i18n/server";
import { toExportColumns } from "@/components/data-table/columns";
import { skuColumns } from "@/components/skus/sku-columns";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { exportFormatParam, parseSkuQuery } from "@/lib/data/page-params";
import { querySkuPage } from "@/lib/data/skus";
import { getEnv } from "@/lib/env";
import { attachmentHeader, buildExport } from "@/lib/services/export/build-export";
import { parseDashboardFilters } from "@/lib/url-filters";

const MAX_EXPORT_ROWS = 50_000;

export async function GET(request: Request) {
  if (!(await getCurrentUser())) return new Response("Unauthorized", { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const scope = parseDashboardFilters(params, { timeZone: getEnv().APP_TIMEZONE });
  const { filters, table } = parseSkuQuery(params);
  const page = await querySkuPage(await getDb(), scope, filters, { ...table, page: 1, pageSize: MAX_EXPORT_ROWS });
  const t = await getTranslations("skus");
  const file = await buildExport({
    format: exportFormatParam(params),
    columns: toExportColumns(skuColumns((key) => t(key as never))),
    rows: page.rows,
    sheetName: t("title"),
  });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentHeader(`skus-${scope.from}-${scope.to}`, file.extension),
      "Cache-Control": "private, no-store",
    },
  });
}
