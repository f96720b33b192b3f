import "server-only";
// The CSV/XLSX downloads behind the pages' export buttons: the pages' own reads (every row of the
// current view) for route handlers, which answer 401 when a read returns null, and the file builder
// (lib/services/export/build-export.ts, which neutralises formula cells) with its Content-Disposition.
import { authorizedOrNull } from "./authorized";
import { queryCashflowSummary } from "./cashflow";
import { querySkuCostPage } from "./costs";
import { queryPnlDrillDown, queryPnlStatement } from "./pnl";
import type { Db } from "@/db";
import { queryRestockPage, querySupplyPlanLines } from "./restock";
import { querySkuPage } from "./skus";
import { exportFormatParam } from "./page-params";
import { getEnv } from "@/lib/env";
import { parseDashboardFilters } from "@/lib/url-filters";

export { buildExport, downloadResponse } from "@/lib/services/export/build-export";

export const getSkuPageForExport = authorizedOrNull(querySkuPage);
export const getRestockPageForExport = authorizedOrNull(queryRestockPage);
/** null: nobody signed in; undefined: no such plan */
export const getSupplyPlanForExport = authorizedOrNull(
  async (db: Db, planId: number) => (await querySupplyPlanLines(db, planId)) ?? undefined,
);
export const getSkuCostPageForExport = authorizedOrNull(querySkuCostPage);
export const getCashflowSummaryForExport = authorizedOrNull(queryCashflowSummary);
export const getPnlStatementForExport = authorizedOrNull(queryPnlStatement);
export const getPnlDrillDownForExport = authorizedOrNull(queryPnlDrillDown);

/** An export route's URL: its parameters, the store and days they choose, and the file format asked for. */
export function readExportRequest(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const scope = parseDashboardFilters(params, { timeZone: getEnv().APP_TIMEZONE });
  return { params, scope, format: exportFormatParam(params) };
}
