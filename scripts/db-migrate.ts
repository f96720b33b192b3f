// npm run db:migrate — applies the committed migrations to DATABASE_URL, or to the embedded database in PGLITE_DIR.
import { openDatabase } from "@/db";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import { getEnv } from "@/lib/env";
import { runCli } from "./cli";

runCli(async () => {
  const e = getEnv();
  const database = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, maxConnections: 1 });
  try {
    const before = await getMigrationState(database);
    await migrateDatabase(database);
    const after = await getMigrationState(database);
    console.log(
      `Database ${database.location}: ${before.pending.length} migration(s) applied, ${after.applied} in total, up to date: ${after.upToDate}`,
    );
  } finally {
    await database.close();
  }
});
