// The statement's rows as the page and the export show them: the twelve lines, then net sales, payout,
// COGS and gross profit, each with its amount, % of net sales, SKU/store split, estimate and the
// previous period. Shared so the CSV/XLSX holds exactly what the table shows (columns: pnl-columns.tsx).
import { percentOf } from "@/lib/domain/money";
import { isPnlLine, rowAmount } from "@/lib/domain/pnl-lines";
import type { PnlDrillKey } from "@/lib/data/pnl-params";
import { PNL_DRILL_LINES } from "@/lib/data/pnl-params";
import type { PnlComparison } from "@/lib/services/pnl/statement";

export interface PnlTableRow {
  key: PnlDrillKey;
  isTotal: boolean;
  amount: string;
  percent: string | null;
  /** null where the split means nothing (net sales, gross profit) */
  skuLevel: string | null;
  storeLevel: string | null;
  estimated: string;
  estimatedShare: string | null;
  /** the provisional share of net sales, on the rows it concerns (sales, net sales) */
  provisionalShare: string | null;
  previous: string;
  change: string;
  changePercent: string | null;
}

export function pnlTableRows(data: PnlComparison): PnlTableRow[] {
  const { current, previous } = data;
  const provisional = current.provisionalSales !== "0.00" ? current.provisionalShare : null;
  return PNL_DRILL_LINES.map((key) => {
    const amount = rowAmount(current, key);
    const base = {
      key,
      amount,
      previous: rowAmount(previous, key),
      change: data.change[key],
      changePercent: data.changePercent[key],
      provisionalShare: key === "sales" || key === "net_sales" ? provisional : null,
    };
    if (isPnlLine(key)) {
      const line = current.lines[key];
      return {
        ...base,
        isTotal: false,
        percent: line.percentOfNetSales,
        skuLevel: line.skuLevel,
        storeLevel: line.storeLevel,
        estimated: line.estimated,
        estimatedShare: line.estimatedShare,
      };
    }
    const split =
      key === "payout"
        ? { skuLevel: current.skuLevelPayout, storeLevel: current.storeLevelPayout }
        : key === "cogs"
          ? { skuLevel: current.cogs, storeLevel: "0.00" }
          : { skuLevel: null, storeLevel: null };
    return {
      ...base,
      ...split,
      isTotal: true,
      percent: percentOf(amount, current.netSales, { positive: true }),
      estimated: "0.00",
      estimatedShare: null,
    };
  });
}
