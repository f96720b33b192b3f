// npm run recalc -- --from YYYY-MM-DD --to YYYY-MM-DD [--no-advice]
// Rebuilds metrics_daily for the range and the supply advice for its last day; exits non-zero on failure.
import { isIsoDay } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { runRecalculation } from "@/lib/services/metrics/run-recalculation";
import { parseArgs, runCli, withMigratedDatabase } from "./cli";

const USAGE = "usage: npm run recalc -- --from YYYY-MM-DD --to YYYY-MM-DD [--no-advice]";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  const unknown = Object.keys(args).filter((k) => !["from", "to", "no-advice", "help"].includes(k));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (unknown.length) throw new Error(`unknown option --${unknown[0]}\n${USAGE}`);
  for (const key of ["from", "to"] as const) {
    const value = args[key];
    if (value === undefined || value === true) throw new Error(`--${key} is required\n${USAGE}`);
    if (!isIsoDay(value)) throw new Error(`--${key} "${value}" is not a date in YYYY-MM-DD form`);
  }
  const from = args.from as string;
  const to = args.to as string;
  if (from > to) throw new Error(`--to (${to}) is before --from (${from})`);

  const e = getEnv();
  return withMigratedDatabase(e, async (database) => {
    const result = await runRecalculation({
      db: database.db,
      from,
      to,
      trigger: "cli",
      advice: args["no-advice"] !== true,
    });
    const m = result.metrics;
    console.log(`Recalculated ${from}..${to}: ${m.rows} SKU-days in ${m.ms} ms (run ${result.runId})`);
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
