// npm run rebuild-facts -- [--from YYYY-MM-DD --to YYYY-MM-DD] [--store ID] [--no-recalc]
// Rebuilds order and finance lines from the stored raw API records with the current mappers (no API
// calls), re-derives daily sales and recalculates the metrics of the days it touched. Days before the
// raw payload retention window (RAW_RETENTION_DAYS) are refused with the first day that can be rebuilt.
import { businessToday, isIsoDay } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { checkRebuildRange, rawRetentionStart } from "@/lib/services/ingestion/prune-raw-records";
import { rebuildFacts } from "@/lib/services/ingestion/rebuild-facts";
import { runRecalculation } from "@/lib/services/metrics/run-recalculation";
import { parseOptions, runCli, withMigratedDatabase } from "./cli";

const USAGE = "usage: npm run rebuild-facts -- [--from YYYY-MM-DD --to YYYY-MM-DD] [--store ID] [--no-recalc]";

runCli(async () => {
  const args = parseOptions(process.argv.slice(2), ["from", "to", "store", "no-recalc"], USAGE);
  if (!args) return 0;
  const from = args.from;
  const to = args.to;
  if ((from === undefined) !== (to === undefined)) throw new Error(`--from and --to go together\n${USAGE}`);
  for (const [key, value] of [
    ["from", from],
    ["to", to],
  ] as const)
    if (value !== undefined && (typeof value !== "string" || !isIsoDay(value)))
      throw new Error(`--${key} "${String(value)}" is not a date in YYYY-MM-DD form`);
  if (typeof from === "string" && typeof to === "string" && from > to)
    throw new Error(`--to (${to}) is before --from (${from})`);
  const store = args.store === undefined ? undefined : Number(args.store);
  if (store !== undefined && !Number.isInteger(store)) throw new Error(`--store must be a store id\n${USAGE}`);

  const e = getEnv();
  const today = businessToday(e.APP_TIMEZONE);
  // payloads before the retention window are gone: say so instead of "rebuilt 0 records"
  checkRebuildRange(typeof from === "string" ? from : undefined, today, e.RAW_RETENTION_DAYS);
  if (from === undefined)
    console.log(
      `Raw payloads are kept from ${rawRetentionStart(today, e.RAW_RETENTION_DAYS)} (RAW_RETENTION_DAYS=${e.RAW_RETENTION_DAYS}); older facts stay as they are.`,
    );
  return withMigratedDatabase(e, async (database) => {
    const result = await rebuildFacts({
      db: database.db,
      from: from as string | undefined,
      to: to as string | undefined,
      timeZone: e.APP_TIMEZONE,
      accountIds: store === undefined ? undefined : [store],
    });
    console.log(
      `Rebuilt ${result.records} raw records of ${result.stores} store(s): ${result.orderLines} order lines, ` +
        `${result.financeLines} finance lines, ${result.reports} statements`,
    );
    if (result.unreadable > 0)
      console.log(`  ${result.unreadable} record(s) the current mappers cannot read (see the log)`);
    if (result.from && result.to && args["no-recalc"] !== true) {
      const recalc = await runRecalculation({ db: database.db, from: result.from, to: result.to, trigger: "cli" });
      console.log(`Recalculated ${result.from}..${result.to}: ${recalc.metrics.rows} SKU-days`);
    }
  });
});
