// Rebuilds the typed facts (order_lines, finance_lines, settlement_reports) from raw_records with the
// current mappers, without a single API call, then re-derives daily_sales: after a mapping fix
// (`npm run rebuild-facts`) and after an upgrade that reshaped the facts (lib/jobs/rebuild-after-upgrade.ts).
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { Marketplace } from "@/db/schema";
import { parseJsonExact } from "@/lib/marketplaces/http/json";
import {
  mapOzonPayout,
  ozonAccrualFacts,
  ozonPostingLines,
  readOzonPayoutDetails,
} from "@/lib/marketplaces/ozon/mappers";
import { wbFinanceLineFact, wbReportHeader, wbSaleLineFact } from "@/lib/marketplaces/wb/mappers";
import type { FinanceLineFact, OrderLineFact } from "@/lib/marketplaces/lines";
import { logger } from "@/lib/logger";
import type { SourceContext } from "./context";
import { deriveDailySales } from "./derive-daily-sales";
import { writeFinanceLines, writeOrderLines } from "./write-line-facts";
import {
  ozonPeriodStatement,
  type SettlementReportInput,
  wbReportStatement,
  writeSettlementReports,
} from "./write-settlement-reports";
import { SkuResolver, type WriteStats } from "./write";

type Facts = { orders: OrderLineFact[]; finance: FinanceLineFact[]; reports: SettlementReportInput[] };

/** How each raw source becomes facts: the same mappers the sync uses. */
const REBUILDERS: Record<string, (payload: unknown, timeZone: string, facts: Facts) => void> = {
  wb_sales: (p, tz, f) => void f.orders.push(wbSaleLineFact(p, tz)),
  wb_finance: (p, tz, f) => void f.finance.push(wbFinanceLineFact(p, tz)),
  wb_reports: (p, _tz, f) => void f.reports.push(wbReportStatement(wbReportHeader(p))),
  ozon_postings_fbo: (p, tz, f) => void f.orders.push(...ozonPostingLines(p, "FBO", tz)),
  ozon_postings_fbs: (p, tz, f) => void f.orders.push(...ozonPostingLines(p, "FBS", tz)),
  ozon_accruals: (p, _tz, f) => void f.finance.push(...ozonAccrualFacts(p).facts),
  ozon_payouts: (p, tz, f) => {
    const { cash_flow, details } = p as { cash_flow: unknown; details: unknown };
    f.reports.push(ozonPeriodStatement(mapOzonPayout(cash_flow, readOzonPayoutDetails(details, [cash_flow]), tz)));
  },
};

export interface RebuildFactsOptions {
  db: Db;
  /** raw records whose day falls in [from, to]; both absent: every record */
  from?: string;
  to?: string;
  timeZone: string;
  accountIds?: number[];
}

export interface RebuildFactsResult {
  stores: number;
  records: number;
  /** records the current mappers refuse (they were valid when fetched, or the mapping regressed) */
  unreadable: number;
  orderLines: number;
  financeLines: number;
  reports: number;
  /** first and last day re-derived, null when nothing was read */
  from: string | null;
  to: string | null;
}

const PAGE = 5000;

export async function rebuildFacts(options: RebuildFactsOptions): Promise<RebuildFactsResult> {
  const { db } = options;
  const accounts = rowsOf<{ id: number; marketplace: Marketplace }>(
    await db.execute(sql`SELECT id, marketplace FROM accounts ORDER BY id`),
  ).filter((a) => !options.accountIds || options.accountIds.includes(Number(a.id)));
  const result: RebuildFactsResult = {
    stores: 0,
    records: 0,
    unreadable: 0,
    orderLines: 0,
    financeLines: 0,
    reports: 0,
    from: null,
    to: null,
  };
  const range = options.from && options.to ? sql`AND d BETWEEN ${options.from}::date AND ${options.to}::date` : sql``;
  for (const account of accounts) {
    const accountId = Number(account.id);
    const stats: WriteStats = { writeMs: 0, statements: 0 };
    const ctx = { db, accountId, stats, skus: new SkuResolver(accountId, account.marketplace) } as SourceContext;
    let first: string | null = null;
    let last: string | null = null;
    for (const source of Object.keys(REBUILDERS)) {
      for (let afterId = 0; ;) {
        const rows = rowsOf<{ id: number; payload: string; d: string | null }>(
          await db.execute(sql`
            SELECT id, payload::text AS payload, d::text AS d FROM raw_records
            WHERE account_id = ${accountId}::int AND source = ${source} AND id > ${afterId} ${range}
            ORDER BY id LIMIT ${PAGE}`),
        );
        if (rows.length === 0) break;
        afterId = Number(rows[rows.length - 1].id);
        const facts: Facts = { orders: [], finance: [], reports: [] };
        for (const r of rows) {
          result.records++;
          try {
            REBUILDERS[source](parseJsonExact(r.payload), options.timeZone, facts);
          } catch (error) {
            result.unreadable++;
            logger.warn("rebuild.unreadable_record", { accountId, source, id: r.id, reason: (error as Error).message });
          }
        }
        for (const day of [...facts.orders, ...facts.finance].map((f) => f.d)) {
          if (first === null || day < first) first = day;
          if (last === null || day > last) last = day;
        }
        await db.transaction(async (tx) => {
          if (facts.orders.length) await writeOrderLines(ctx, tx, account.marketplace, facts.orders);
          if (facts.finance.length) await writeFinanceLines(ctx, tx, account.marketplace, facts.finance);
          if (facts.reports.length) await writeSettlementReports(tx, ctx, facts.reports);
        });
        result.orderLines += facts.orders.length;
        result.financeLines += facts.finance.length;
        result.reports += facts.reports.length;
      }
    }
    if (first && last) {
      await deriveDailySales(db, accountId, first, last);
      result.stores++;
      if (result.from === null || first < result.from) result.from = first;
      if (result.to === null || last > result.to) result.to = last;
    }
  }
  logger.info("rebuild.facts", { ...result });
  return result;
}
