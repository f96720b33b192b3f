// DATA_DIR/secrets.env: the AUTH_SECRET and APP_ENCRYPTION_KEY that `npm start` generates when the
// environment does not set them (scripts/start.mjs writes it; backups carry it).
import fs from "node:fs";
import path from "node:path";
import type { BackupSecrets } from "./backup";

export const SECRET_NAMES = ["AUTH_SECRET", "APP_ENCRYPTION_KEY"] as const;

export function secretsFile(dataDir: string): string {
  return path.join(dataDir, "secrets.env");
}

export function readSecretsFile(dataDir: string): BackupSecrets {
  const file = secretsFile(dataDir);
  const out: BackupSecrets = {};
  if (!fs.existsSync(file)) return out;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m && (SECRET_NAMES as readonly string[]).includes(m[1])) out[m[1] as keyof BackupSecrets] = m[2];
  }
  return out;
}

export function writeSecretsFile(dataDir: string, secrets: BackupSecrets): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const body = SECRET_NAMES.filter((n) => secrets[n]).map((n) => `${n}=${secrets[n]}\n`);
  fs.writeFileSync(secretsFile(dataDir), body.join(""), { mode: 0o600 });
}
