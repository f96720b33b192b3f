// npm run reconcile -- --from YYYY-MM-DD --to YYYY-MM-DD [--store ID]
// Each WB weekly report and Ozon payout period overlapping the range beside Sovani's payout for the
// same finance lines (lib/services/pnl/reconcile.ts). Exits 1 when a closed period differs.
import { PNL_LINES } from "@/lib/domain/pnl-lines";
import { businessToday } from "@/lib/domain/dates";
import { reconcile } from "@/lib/services/pnl/reconcile";
import { parseOptions, runCli } from "./cli";
import { requireRange, storeArg, withStoreScope } from "./pnl-args";

const USAGE = "usage: npm run reconcile -- --from YYYY-MM-DD --to YYYY-MM-DD [--store ID]";

runCli(async () => {
  const args = parseOptions(process.argv.slice(2), ["from", "to", "store"], USAGE);
  if (!args) return 0;
  const { from, to } = requireRange(args, USAGE);
  const store = storeArg(args, USAGE);

  return withStoreScope(store, async (db, accountIds, env) => {
    const result = await reconcile(db, { from, to, accountIds, today: businessToday(env.APP_TIMEZONE) });
    if (result.periods.length === 0) {
      console.log(`No WB reports or Ozon payout periods overlap ${from}..${to}.`);
      return 0;
    }
    for (const p of result.periods) {
      const what = p.kind === "wb_report" ? `WB report ${p.reportId}` : "Ozon period";
      const state = p.isClosed ? "closed" : "open";
      const verdict = p.hasGap ? `GAP ${p.gap}${p.gapPercent === null ? "" : ` (${p.gapPercent} %)`}` : "OK 0.00";
      console.log(
        `${p.dateFrom}..${p.dateTo}  ${p.accountName} (${p.accountId})  ${what}  [${state}]  ` +
          `marketplace ${p.marketplacePayout}  Sovani ${p.sovaniPayout}  ${verdict}`,
      );
      if (p.lines) {
        const parts = PNL_LINES.filter((line) => p.lines?.[line] !== "0.00").map(
          (line) => `${line} ${p.lines?.[line]}`,
        );
        console.log(`    Sovani's lines: ${parts.join(", ") || "none"} (${p.financeLines} finance line(s))`);
        const sums = Object.entries(p.marketplaceSums);
        if (sums.length) console.log(`    marketplace's sums: ${sums.map(([k, v]) => `${k} ${v}`).join(", ")}`);
      }
    }
    const closed = result.periods.filter((p) => p.isClosed).length;
    console.log(
      `${result.periods.length} period(s), ${closed} closed, ${result.closedWithGap} closed with a gap` +
        (result.closedWithGap ? "" : ": every closed period reconciles"),
    );
    return result.closedWithGap > 0 ? 1 : 0;
  });
});
