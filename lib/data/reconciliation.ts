import "server-only";
// Reconciliation page read: the marketplaces' statements of the dashboard's period and store beside
// Sovani's payout (lib/services/pnl/reconcile.ts).
import type { Db } from "@/db";
import type { Marketplace } from "@/db/schema";
import { businessToday } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { type Reconciliation, reconcile } from "@/lib/services/pnl/reconcile";
import { authorized } from "./authorized";
import type { DashboardScope } from "./scope";

export async function queryReconciliation(
  db: Db,
  scope: DashboardScope,
  filters: { marketplace?: Marketplace; today?: string } = {},
): Promise<Reconciliation> {
  return reconcile(db, {
    from: scope.from,
    to: scope.to,
    accountIds: scope.accountId === null ? null : [scope.accountId],
    marketplace: filters.marketplace,
    today: filters.today ?? businessToday(getEnv().APP_TIMEZONE),
  });
}

export const getReconciliation = authorized(queryReconciliation);
