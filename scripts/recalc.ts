// npm run recalc -- --from YYYY-MM-DD --to YYYY-MM-DD [--no-advice]
// Rebuilds metrics_daily for the range and the supply advice for its last day (the recalculate-metrics job,
// run inline); exits non-zero on failure.
import { recalculateMetricsJob } from "@/lib/jobs/recalculate-metrics";
import { runJobInline } from "@/lib/jobs/run-inline";
import { getEnv } from "@/lib/env";
import { parseOptions, runCli, withMigratedDatabase } from "./cli";
import { requireRange } from "./pnl-args";

const USAGE = "usage: npm run recalc -- --from YYYY-MM-DD --to YYYY-MM-DD [--no-advice]";

runCli(async () => {
  const args = parseOptions(process.argv.slice(2), ["from", "to", "no-advice"], USAGE);
  if (!args) return 0;
  const { from, to } = requireRange(args, USAGE);

  const e = getEnv();
  return withMigratedDatabase(e, async (database) => {
    // the recalculation job as the nightly run and Inngest run it, by the inline runner
    const { result } = await runJobInline(
      recalculateMetricsJob,
      { from, to, reason: "manual", trigger: "cli", advice: args["no-advice"] !== true },
      { db: database.db },
    );
    const m = result.metrics;
    console.log(`Recalculated ${from}..${to}: ${m.rows} SKU-days in ${m.ms} ms (run ${m.runId})`);
    if (m.skusMissingCost > 0)
      console.log(
        `  ${m.skusMissingCost} SKU(s) sold without a cost price on ${m.daysMissingCost} day(s): COGS and profit left empty`,
      );
    if (m.daysCommissionEstimated > 0)
      console.log(`  ${m.daysCommissionEstimated} SKU-day(s) with commission estimated from the commission rules`);
    if (result.advice)
      console.log(`Supply advice for ${to}: ${result.advice.rows} rows, ${result.advice.toShip} to ship`);
  });
});
