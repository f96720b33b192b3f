// npm run sync -- --from YYYY-MM-DD --to YYYY-MM-DD [--marketplace wb|ozon]
// Syncs every configured store for that range of business days (the sync-now job, run inline under the
// same lease as the nightly run and "Sync now"), recalculates the days it changed, and prints each
// store's run per source from its sync_runs record.
// Exit 0 only when every source succeeded; 1 on bad usage/config, 2 when a source failed.
import { and, asc, eq, gt, max } from "drizzle-orm";
import { type Db, openDatabase, schema } from "@/db";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import { isIsoDay } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import type { RecordedFailure } from "@/lib/jobs/recalculate-metrics";
import { requestSync } from "@/lib/jobs/request-sync";
import type { SourceSummary } from "@/lib/services/ingestion/context";
import { parseArgs, runCli } from "./cli";

const USAGE = "usage: npm run sync -- --from YYYY-MM-DD --to YYYY-MM-DD [--marketplace wb|ozon]";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  const from = args.from;
  const to = args.to;
  if (typeof from !== "string" || typeof to !== "string" || !isIsoDay(from) || !isIsoDay(to)) {
    console.error(`--from and --to are required dates (YYYY-MM-DD)\n${USAGE}`);
    return 1;
  }
  if (from > to) {
    console.error(`--from ${from} is after --to ${to}\n${USAGE}`);
    return 1;
  }
  const mp = args.marketplace;
  if (mp !== undefined && mp !== "wb" && mp !== "ozon") {
    console.error(`--marketplace must be wb or ozon\n${USAGE}`);
    return 1;
  }
  const env = getEnv();
  if (!env.WB_API_TOKEN && !env.OZON_CLIENT_ID) {
    console.error(
      "No stores are configured: set WB_API_TOKEN for Wildberries and/or OZON_CLIENT_ID + OZON_API_KEY for Ozon.",
    );
    return 1;
  }
  const database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  const controller = new AbortController();
  const onSignal = () => {
    console.error("Stopping after the current page (Ctrl+C again to force)...");
    controller.abort(new Error("interrupted"));
    process.once("SIGINT", () => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  try {
    if (!(await getMigrationState(database)).upToDate) await migrateDatabase(database);
    const marketplace = mp === "wb" ? "WB" : mp === "ozon" ? "OZON" : undefined;
    console.log(`Syncing ${marketplace ?? "all stores"} for ${from}..${to} into ${database.location}`);
    const db = database.db;
    const [{ last }] = await db
      .select({ last: max(schema.syncRuns.id) })
      .from(schema.syncRuns)
      .where(eq(schema.syncRuns.kind, "sync"));
    const request = await requestSync({
      mode: "inline",
      db,
      from,
      to,
      marketplace,
      history: false,
      trigger: "cli",
      signal: controller.signal,
    });
    if (request.mode !== "inline") throw new Error("the sync was sent to Inngest instead of running here");
    if (!request.started) {
      console.error(`Not started: ${request.reason}. Run the same command again when it has finished.`);
      return 2;
    }
    const result = await request.done;
    if (result.stores === 0) {
      console.error(`No active ${marketplace ?? ""} store to sync.`.replace("  ", " "));
      return 1;
    }
    const runs = await syncRunsAfter(db, last ?? 0);
    for (const run of runs) {
      console.log(
        `\n${run.marketplace} "${run.accountName}" (run ${run.id}, ${run.dateFrom}..${run.dateTo}): ${run.status.toUpperCase()}`,
      );
      console.log("  source              status     fetched  inserted  updated  unchanged  quarantined      ms");
      for (const [name, s] of Object.entries(run.sources)) {
        console.log(
          `  ${name.padEnd(19)} ${s.status.padEnd(9)} ${String(s.fetched).padStart(8)} ${String(s.inserted).padStart(9)} ${String(s.updated).padStart(8)} ${String(s.unchanged).padStart(10)} ${String(s.quarantined).padStart(12)} ${String(s.ms).padStart(7)}`,
        );
        if (s.error) console.log(`      ${s.status === "failed" ? "error" : "note"}: ${s.error}`);
        for (const w of s.warnings ?? []) console.log(`      warning: ${w}`);
      }
    }
    if (result.metricsRows !== null) console.log(`\nMetrics recalculated: ${result.metricsRows} SKU-days`);
    const failed = runs.flatMap((r) =>
      Object.entries(r.sources)
        .filter(([, s]) => s.status === "failed")
        .map(([n, s]) => `${r.marketplace} ${n}: ${s.error}`),
    );
    // a store whose run never started (or stopped before its record) is only in the job's failures
    const unrecorded: RecordedFailure[] = result.failures.filter(
      (f) => !runs.some((r) => f.what === `${r.marketplace} ${r.accountName}`),
    );
    const recalcFailed = result.synced > 0 && result.metricsRows === null;
    if (failed.length || unrecorded.length || recalcFailed || runs.some((r) => r.status !== "succeeded")) {
      const reasons = [
        ...failed,
        ...unrecorded.map((f) => `${f.what}: ${f.error}`),
        ...(recalcFailed ? [`the recalculation failed: run npm run recalc -- --from ${from} --to ${to}`] : []),
      ];
      console.error(
        `\nSync incomplete: ${reasons.length ? reasons.join("; ") : "some sources did not run"}. Fix the cause and run the same command again; it resumes where it stopped and never duplicates data.`,
      );
      return 2;
    }
    console.log("\nAll sources succeeded.");
    return 0;
  } finally {
    process.off("SIGINT", onSignal);
    await database.close();
  }
});

/** The store runs recorded after run `afterId`: this command's, since it holds the collection lease. */
async function syncRunsAfter(db: Db, afterId: number) {
  const rows = await db
    .select({
      id: schema.syncRuns.id,
      status: schema.syncRuns.status,
      dateFrom: schema.syncRuns.dateFrom,
      dateTo: schema.syncRuns.dateTo,
      sources: schema.syncRuns.sources,
      accountName: schema.accounts.name,
      marketplace: schema.accounts.marketplace,
    })
    .from(schema.syncRuns)
    .innerJoin(schema.accounts, eq(schema.accounts.id, schema.syncRuns.accountId))
    .where(and(eq(schema.syncRuns.kind, "sync"), gt(schema.syncRuns.id, afterId)))
    .orderBy(asc(schema.syncRuns.id));
  return rows.map((r) => ({ ...r, sources: r.sources as Record<string, SourceSummary> }));
}
