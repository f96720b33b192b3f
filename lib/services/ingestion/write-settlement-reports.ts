// The marketplaces' own statements (WB weekly reports, Ozon payout periods) kept for reconciliation.
import { sql } from "drizzle-orm";
import type Decimal from "decimal.js";
import type { Db } from "@/db";
import { toMoneyString } from "@/lib/domain/money";
import type { OzonPayout } from "@/lib/marketplaces/ozon/mappers";
import type { WbReportHeader } from "@/lib/marketplaces/wb/mappers";
import type { SourceContext } from "./context";
import { execWrite, hashOf } from "./write";

export interface SettlementReportInput {
  kind: "wb_report" | "ozon_period";
  reportId: string;
  dateFrom: string;
  dateTo: string;
  payout: Decimal;
  sums: Record<string, string>;
}

/** A WB weekly (or daily) report: its bankPaymentSum is the payout, its other *Sum fields the detail. */
export function wbReportStatement(r: WbReportHeader): SettlementReportInput {
  return {
    kind: "wb_report",
    reportId: r.reportId,
    dateFrom: r.dateFrom,
    dateTo: r.dateTo,
    payout: r.bankPaymentSum,
    sums: Object.fromEntries(
      Object.entries(r)
        .filter(([k]) => k.endsWith("Sum"))
        .map(([k, v]) => [k, String(v)]),
    ),
  };
}

/** An Ozon payout period: what Ozon paid for it. */
export function ozonPeriodStatement(p: OzonPayout): SettlementReportInput {
  return { kind: "ozon_period", reportId: p.key, dateFrom: p.from, dateTo: p.d, payout: p.amount, sums: {} };
}

export async function writeSettlementReports(tx: Db, ctx: SourceContext, items: SettlementReportInput[]) {
  if (items.length === 0) return;
  const rows = items.map((r) => {
    const row = { k: r.kind, r: r.reportId, f: r.dateFrom, t: r.dateTo, p: toMoneyString(r.payout), s: r.sums };
    return { ...row, h: hashOf(row) };
  });
  await execWrite(
    tx,
    ctx.stats,
    sql`insert into settlement_reports (account_id, kind, report_id, date_from, date_to, payout, sums, src_hash)
        select ${ctx.accountId}::int, x.k, x.r, x.f, x.t, x.p, x.s, x.h
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as x(k text, r text, f date, t date, p numeric, s jsonb, h text)
        on conflict (account_id, kind, report_id) do update
          set date_from = excluded.date_from, date_to = excluded.date_to, payout = excluded.payout,
              sums = excluded.sums, src_hash = excluded.src_hash, updated_at = now()
          where settlement_reports.src_hash is distinct from excluded.src_hash`,
  );
}
