// npm run restore -- FILE [--force] — brings a backup (npm run backup) back into an empty database,
// embedded or PostgreSQL (DATABASE_URL), and its secrets into DATA_DIR/secrets.env. A database that
// already holds data, or a secrets file with other keys, is refused unless --force.
import fs from "node:fs";
import { openDatabase } from "@/db";
import { readBackupHeader, restoreBackup } from "@/db/backup";
import { readSecretsFile, SECRET_NAMES, secretsFile, writeSecretsFile } from "@/db/secrets-file";
import { getEnv } from "@/lib/env";
import { runCli } from "./cli";

runCli(async () => {
  const argv = process.argv.slice(2);
  const force = argv.includes("--force");
  const files = argv.filter((a) => !a.startsWith("--"));
  if (files.length !== 1 || argv.some((a) => a.startsWith("--") && a !== "--force")) {
    console.error("Usage: npm run restore -- FILE [--force]");
    return 2;
  }
  const file = files[0];
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const e = getEnv();
  const header = await readBackupHeader(file);

  // the keys first: data whose tokens cannot be decrypted is worth little
  const stored = readSecretsFile(e.DATA_DIR);
  const differing = SECRET_NAMES.filter((n) => header.secrets[n] && stored[n] && stored[n] !== header.secrets[n]);
  if (differing.length > 0 && !force) {
    throw new Error(`${secretsFile(e.DATA_DIR)} holds other ${differing.join(" and ")}: pass --force to replace them`);
  }

  const database = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, maxConnections: 1 });
  try {
    const result = await restoreBackup({ database, file, force });
    const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
    console.log(
      `Restored ${rows} rows in ${Object.keys(result.counts).length} tables from ${file} (made ${header.createdAt}) into ${database.location}` +
        (result.upgradedBy > 0 ? `, then applied ${result.upgradedBy} newer migration(s)` : ""),
    );
  } finally {
    await database.close();
  }
  if (SECRET_NAMES.some((n) => header.secrets[n])) {
    writeSecretsFile(e.DATA_DIR, { ...stored, ...header.secrets });
    console.log(`Secrets written to ${secretsFile(e.DATA_DIR)}.`);
  }
  for (const name of SECRET_NAMES) {
    if (e[name] && header.secrets[name] && e[name] !== header.secrets[name]) {
      console.warn(`${name} in the environment differs from the backup's: set it to the value in secrets.env.`);
    }
  }
});
