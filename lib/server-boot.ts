// Server start-up, called from instrumentation.ts in the Node.js runtime only.
import { getDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { EnvError, getEnv, productionProblems } from "./env";
import { logger } from "./logger";

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
  }
  // Without Inngest the nightly collection and recalculation run in this process (null in Inngest mode)
  if (getEnv().EMBEDDED_SCHEDULER === "on") {
    const { startEmbeddedScheduler } = await import("./jobs/scheduler");
    startEmbeddedScheduler();
  }
}
