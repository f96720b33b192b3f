// npm run sync -- --from YYYY-MM-DD --to YYYY-MM-DD [--marketplace wb|ozon]
// Syncs every configured store for that range of business days and prints a per-source summary.
// Exit 0 only when every source succeeded; 1 on bad usage/config, 2 when a source failed.
import { openDatabase } from "@/db";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import { isIsoDay } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { syncStores } from "@/lib/services/sync-stores";
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
    const summary = await syncStores({
      db: database.db,
      from,
      to,
      marketplace,
      trigger: "cli",
      signal: controller.signal,
    });
    if (summary.runs.length === 0) {
      console.error(`No active ${marketplace ?? ""} store to sync.`.replace("  ", " "));
      return 1;
    }
    for (const run of summary.runs) {
      console.log(
        `\n${run.marketplace} "${run.accountName}" (run ${run.runId}): ${run.status.toUpperCase()}, ${run.apiCalls} API calls`,
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
    if (!summary.ok) {
      const failed = summary.runs.flatMap((r) =>
        Object.entries(r.sources)
          .filter(([, s]) => s.status === "failed")
          .map(([n, s]) => `${r.marketplace} ${n}: ${s.error}`),
      );
      console.error(
        `\nSync incomplete: ${failed.length ? failed.join("; ") : "some sources did not run"}. Fix the cause and run the same command again; it resumes where it stopped and never duplicates data.`,
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
