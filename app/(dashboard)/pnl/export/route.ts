// GET /pnl/export?format=csv|xlsx&<the page's filters>: the statement as the page shows it (the
// twelve lines, the totals, the previous period), or with ?line= the SKUs behind that line with
// their allocated store-level share. Cells are neutralised against formula injection by buildExport.
import {
  buildExport,
  downloadResponse,
  readExportRequest,
  getPnlDrillDownForExport,
  getPnlStatementForExport,
} from "@/lib/data/exports";
import { parsePnlQuery } from "@/lib/data/pnl-params";
import { getTranslations } from "@/lib/i18n/server";
import { toExportColumns } from "@/components/data-table/columns";
import { pnlDrillColumns, pnlStatementColumns } from "@/components/pnl/pnl-columns";
import { pnlTableRows } from "@/components/pnl/pnl-rows";
import { runtimeKeys } from "@/lib/i18n/runtime-keys";

const MAX_EXPORT_ROWS = 100_000;

export async function GET(request: Request) {
  const { params, scope, format } = readExportRequest(request);
  const query = parsePnlQuery(params);
  const t = await getTranslations("pnl");
  const tr = runtimeKeys(t);
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
    file = await buildExport({
      format,
      columns: toExportColumns(pnlDrillColumns(tr)),
      rows: data.rows,
      sheetName: tr(`lines.${query.line}`),
    });
    name = `pnl-${query.line}-${query.allocation}-${scope.from}-${scope.to}`;
  } else {
    const data = await getPnlStatementForExport(scope, { marketplace: query.marketplace });
    if (!data) return new Response("Unauthorized", { status: 401 });
    file = await buildExport({
      format,
      columns: toExportColumns(pnlStatementColumns(tr)),
      rows: pnlTableRows(data),
      sheetName: tr("title"),
    });
  }
  return downloadResponse(file, name);
}
