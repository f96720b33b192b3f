// GET /pnl/export?format=csv|xlsx&<the page's filters>: the statement as the page shows it (the
// twelve lines, the totals, the previous period), or with ?line= the SKUs behind that line with
// their allocated store-level share. Cells are neutralised against formula injection by buildExport.
import { attachmentHeader, buildExport, getPnlDrillDownForExport, getPnlStatementForExport } from "@/lib/data/exports";
import { exportFormatParam } from "@/lib/data/page-params";
import { parsePnlQuery } from "@/lib/data/pnl-params";
import { getEnv } from "@/lib/env";
import { getTranslations } from "@/lib/i18n/server";
import type { ExportColumn } from "@/lib/services/export/build-export";
import type { PnlSkuRow } from "@/lib/services/pnl/statement";
import { parseDashboardFilters } from "@/lib/url-filters";
import { pnlExportColumns, pnlTableRows } from "@/components/pnl/pnl-rows";

const MAX_EXPORT_ROWS = 100_000;

export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const scope = parseDashboardFilters(params, { timeZone: getEnv().APP_TIMEZONE });
  const query = parsePnlQuery(params);
  const t = await getTranslations("pnl");
  const tr = (key: string) => t(key as never);
  const format = exportFormatParam(params);
  let file;
  let name = `pnl-${scope.from}-${scope.to}`;
  if (query.line) {
    const data = await getPnlDrillDownForExport(scope, {
      ...query,
      line: query.line,
      page: 1,
      pageSize: MAX_EXPORT_ROWS,
    });
    if (!data) return new Response("Unauthorized", { status: 401 });
    const columns: ExportColumn<PnlSkuRow>[] = [
      { header: tr("columns.article"), value: (r) => r.article },
      { header: tr("columns.name"), value: (r) => r.name },
      { header: tr("columns.marketplace"), value: (r) => r.marketplace },
      { header: tr("columns.amount"), type: "number", value: (r) => r.amount },
      { header: tr("columns.allocated"), type: "number", value: (r) => r.allocated },
      { header: tr("columns.fullyLoaded"), type: "number", value: (r) => r.fullyLoaded },
      { header: tr("columns.netSales"), type: "number", value: (r) => r.netSales },
      { header: tr("columns.units"), type: "number", value: (r) => r.units },
    ];
    file = await buildExport({ format, columns, rows: data.rows, sheetName: tr(`lines.${query.line}`) });
    name = `pnl-${query.line}-${query.allocation}-${scope.from}-${scope.to}`;
  } else {
    const data = await getPnlStatementForExport(scope, { marketplace: query.marketplace });
    if (!data) return new Response("Unauthorized", { status: 401 });
    file = await buildExport({
      format,
      columns: pnlExportColumns(tr),
      rows: pnlTableRows(data),
      sheetName: tr("title"),
    });
  }
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentHeader(name, file.extension),
      "Cache-Control": "private, no-store",
    },
  });
}
