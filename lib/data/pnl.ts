import "server-only";
// P&L page reads: the statement of the period beside the previous one, and the SKUs behind one line,
// for the dashboard's store and period (lib/services/pnl/statement.ts does the SQL).
import type { Db } from "@/db";
import type { Marketplace } from "@/db/schema";
import {
  type PnlComparison,
  type PnlLineBySku,
  pnlComparison,
  pnlLineBySku,
  previousPnlPeriod,
} from "@/lib/services/pnl/statement";
import { authorized } from "./authorized";
import type { PnlQuery } from "./pnl-params";
import type { DashboardScope } from "./scope";

export interface PnlPageData extends PnlComparison {
  previousFrom: string;
  previousTo: string;
}

function filterOf(scope: DashboardScope, marketplace: Marketplace | undefined) {
  return {
    from: scope.from,
    to: scope.to,
    accountIds: scope.accountId === null ? null : [scope.accountId],
    marketplace,
  };
}

export async function queryPnlStatement(
  db: Db,
  scope: DashboardScope,
  filters: { marketplace?: Marketplace },
): Promise<PnlPageData> {
  const comparison = await pnlComparison(db, filterOf(scope, filters.marketplace));
  const prev = previousPnlPeriod(scope.from, scope.to);
  return { ...comparison, previousFrom: prev.from, previousTo: prev.to };
}

/** One page of the SKUs behind `query.line` (all of them with `all`, for the export). */
export async function queryPnlDrillDown(
  db: Db,
  scope: DashboardScope,
  query: PnlQuery & { line: NonNullable<PnlQuery["line"]> },
): Promise<PnlLineBySku> {
  return pnlLineBySku(db, {
    ...filterOf(scope, query.marketplace),
    line: query.line,
    allocation: query.allocation,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
}

export const getPnlStatement = authorized(queryPnlStatement);
export const getPnlDrillDown = authorized(queryPnlDrillDown);
