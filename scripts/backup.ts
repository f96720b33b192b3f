// npm run backup [-- --out FILE] — a consistent, compressed copy of the database (embedded or PostgreSQL)
// and of the secrets (AUTH_SECRET, APP_ENCRYPTION_KEY) in one dated file, by default under DATA_DIR/backups.
// With the embedded database, stop the server first (one process owns it); PostgreSQL is read in one
// snapshot while the app keeps running.
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db";
import { writeBackup } from "@/db/backup";
import { readSecretsFile } from "@/db/secrets-file";
import { getEnv } from "@/lib/env";
import { parseArgs, runCli } from "./cli";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  const e = getEnv();
  const stamp = new Date()
    .toISOString()
    .replace(/[:.]/g, "")
    .replace(/\d{3}Z$/, "Z");
  const file = path.resolve(
    typeof args.out === "string" ? args.out : path.join(e.DATA_DIR, "backups", `sovani-backup-${stamp}.jsonl.gz`),
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // the environment wins over the generated file, as it does for the server
  const stored = readSecretsFile(e.DATA_DIR);
  const secrets = {
    AUTH_SECRET: e.AUTH_SECRET ?? stored.AUTH_SECRET,
    APP_ENCRYPTION_KEY: e.APP_ENCRYPTION_KEY ?? stored.APP_ENCRYPTION_KEY,
  };
  if (!secrets.APP_ENCRYPTION_KEY) {
    console.warn("No APP_ENCRYPTION_KEY (environment or secrets.env): stored marketplace tokens cannot be restored.");
  }
  const database = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, maxConnections: 1 });
  try {
    const counts = await writeBackup({ database, file, secrets });
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Backup of ${database.location}: ${rows} rows in ${Object.keys(counts).length} tables -> ${file}`);
    console.log("It holds APP_ENCRYPTION_KEY: keep it as safe as the keys themselves.");
  } finally {
    await database.close();
  }
});
