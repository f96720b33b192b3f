// Test-only: hand-computed P&L facts, inserted the way recalculateMetrics and ingestion leave them
// (metrics_daily rows with their day's per-store and cash flow totals refreshed by the real statements).
import { type Db, schema } from "@/db";
import type { Marketplace } from "@/db/schema";
import { Decimal } from "@/lib/domain/money";
import { refreshCashflowDailyStatements } from "@/lib/services/metrics/cashflow-daily";
import { refreshStoreDailyStatements } from "@/lib/services/metrics/store-daily";
import { insertSku } from "./fixtures";

async function refreshStoreDay(db: Db, d: string) {
  for (const statement of refreshStoreDailyStatements(d, d)) await db.execute(statement);
  for (const statement of refreshCashflowDailyStatements(d, d)) await db.execute(statement);
}

type LineValues = Partial<
  Record<
    | "sales"
    | "returns"
    | "commission"
    | "acquiring"
    | "logistics"
    | "storage"
    | "acceptance"
    | "penalties"
    | "advertising"
    | "deductionsOther"
    | "compensations"
    | "loyalty",
    string
  >
>;

export async function insertAccount(db: Db, marketplace: Marketplace, name: string): Promise<number> {
  const [row] = await db.insert(schema.accounts).values({ marketplace, name }).returning({ id: schema.accounts.id });
  return row.id;
}

export { insertSku };

export async function insertMetricsDay(
  db: Db,
  row: LineValues & {
    d: string;
    skuId: number;
    qty?: number;
    refundsQty?: number;
    netSales: string;
    payout: string;
    cogs: string | null;
    estimatedCommission?: string;
    estimatedLogistics?: string;
    provisionalSales?: string;
  },
): Promise<void> {
  const profit = row.cogs === null ? null : new Decimal(row.payout).minus(row.cogs).toFixed(2);
  await db.insert(schema.metricsDaily).values({ ...row, profit });
  await refreshStoreDay(db, row.d);
}

let nextLine = 1;

export async function insertFinanceLine(
  db: Db,
  row: LineValues & {
    accountId: number;
    marketplace: Marketplace;
    d: string;
    skuId?: number | null;
    reportId?: string | null;
    sourceType?: string;
  },
): Promise<void> {
  await db.insert(schema.financeLines).values({
    ...row,
    skuId: row.skuId ?? null,
    reportId: row.reportId ?? null,
    lineKey: `L${nextLine++}`,
    sourceType: row.sourceType ?? "test",
    srcHash: "test",
  });
  await refreshStoreDay(db, row.d);
}

export async function insertSettlementReport(
  db: Db,
  row: {
    accountId: number;
    kind: "wb_report" | "ozon_period";
    reportId: string;
    dateFrom: string;
    dateTo: string;
    payout: string;
    sums?: Record<string, string>;
  },
): Promise<void> {
  await db.insert(schema.settlementReports).values({ ...row, sums: row.sums ?? {}, srcHash: "test" });
}
