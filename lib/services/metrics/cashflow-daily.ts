// cashflow_daily: finance_lines' money per store, day and type, so the cash flow page reads a few rows
// per day instead of every sale's lines. recalculateMetrics rewrites the days it recalculates in the
// same transaction (as metrics_store_daily, which reads the same lines).
import { type SQL, sql } from "drizzle-orm";
import { eachLine } from "@/lib/domain/pnl-lines";

/** One row per non-zero line amount of a finance line c; WB loan repayments (deductions) are financing. */
function cashflowTypeSumsSql(where: SQL): SQL {
  const amounts = sql.raw(`(values ${eachLine((l) => `('${l}', c.${l})`)}) v(line, amount)`);
  return sql`
    SELECT c.d, c.account_id,
      CASE WHEN v.line = 'deductions_other' AND c.source_type LIKE '%(financing)%' THEN 'financing' ELSE v.line END AS type,
      sum(v.amount) AS amount, count(*) AS lines
    FROM finance_lines c CROSS JOIN LATERAL ${amounts}
    WHERE v.amount <> 0 AND ${where}
    GROUP BY 1, 2, 3`;
}

/** Replaces from..to of cashflow_daily with the sums of finance_lines. */
export function refreshCashflowDailyStatements(from: string, to: string): SQL[] {
  return [
    sql`DELETE FROM cashflow_daily WHERE d BETWEEN ${from}::date AND ${to}::date`,
    sql`INSERT INTO cashflow_daily (d, account_id, type, amount, lines)
      ${cashflowTypeSumsSql(sql`c.d BETWEEN ${from}::date AND ${to}::date`)}`,
  ];
}
