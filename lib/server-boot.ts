// Server start-up, called from instrumentation.ts in the Node.js runtime only.
import fs from "node:fs";
import path from "node:path";
import { type Database, getDatabase } from "@/db";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import { ensureEnvAccounts } from "@/lib/services/accounts/ensure-env-accounts";
import { markInterruptedSyncRuns } from "@/lib/services/sync-stores";
import { ensureSetupCode } from "@/lib/services/users/setup-code";
import { EnvError, getEnv, productionProblems } from "./env";
import { rebuildAfterUpgrade } from "./jobs/rebuild-after-upgrade";
import { startEmbeddedScheduler } from "./jobs/scheduler";
import { logger } from "./logger";

/** Why the server must not serve this database yet, or null. */
export async function pendingMigrationsProblem(database: Database): Promise<string | null> {
  const state = await getMigrationState(database);
  if (state.upToDate) return null;
  return (
    `the database ${database.location} lacks ${state.pending.length} migration(s) of this version ` +
    `(${state.pending.join(", ")}): run \`npm run db:migrate\` with the same DATABASE_URL, then start again`
  );
}

/** While no user exists: the setup code in the log and in DATA_DIR/setup-code, for /setup. */
export async function announceSetupCode(database: Database, dataDir: string): Promise<string | null> {
  const code = await ensureSetupCode(database.db);
  if (!code) return null;
  const file = path.join(dataDir, "setup-code");
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${code}\n`, { mode: 0o600 });
  } catch (error) {
    logger.warn("setup.code_file_failed", { file, error });
  }
  logger.info("setup.code", {
    message: `No owner yet: open /setup and enter the setup code ${code} (also in ${file})`,
    setupCode: code,
    file,
  });
  return code;
}

export async function bootServer(): Promise<void> {
  let problems: string[];
  try {
    problems = productionProblems(getEnv());
  } catch (error) {
    problems = error instanceof EnvError ? error.problems : [String(error)];
  }
  if (problems.length > 0) {
    console.error(`Sovani cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  const database = await getDatabase().catch((error: Error) => {
    console.error(`Sovani cannot open its database: ${error.message}`);
    process.exit(1);
  });
  if (database.kind === "pglite") {
    await migrateDatabase(database);
    logger.info("boot.migrated", { database: "pglite" });
  } else {
    // PostgreSQL may be shared by several app processes: migrating is a deliberate step, never a side effect
    const problem = await pendingMigrationsProblem(database);
    if (problem) {
      console.error(`Sovani cannot start: ${problem}`);
      process.exit(1);
    }
  }
  await announceSetupCode(database, getEnv().DATA_DIR);
  // the environment's stores (WB_API_TOKEN, OZON_CLIENT_ID + OZON_API_KEY) exist before any page lists
  // stores; the environment is fixed for the life of the process, so once here is enough (syncs repeat it)
  const envStores = await ensureEnvAccounts(database.db);
  if (envStores.length > 0) logger.info("boot.env_stores", { stores: envStores.length });
  // syncs that a killed or crashed process left 'running' (their store's lease is gone)
  const interrupted = await markInterruptedSyncRuns(database.db);
  if (interrupted > 0) logger.warn("boot.interrupted_syncs", { runs: interrupted });
  // an upgrade that reshaped the facts rebuilds them from the stored raw records, in the background
  void rebuildAfterUpgrade(database.db, getEnv().APP_TIMEZONE).catch((error: unknown) =>
    logger.error("upgrade.rebuild_failed", { error }),
  );
  // Without Inngest the nightly collection and recalculation run in this process (null in Inngest mode)
  if (getEnv().EMBEDDED_SCHEDULER === "on") startEmbeddedScheduler();
}
