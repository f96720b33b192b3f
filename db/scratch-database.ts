// A throw-away PostgreSQL database next to an admin connection: tests and benchmarks create one per run
// and drop it afterwards, so no run reuses another's state.
import { randomBytes } from "node:crypto";
import { Client } from "pg";

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function runOnAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createScratchDatabase(adminUrl: string, prefix = "sovani_t"): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await runOnAdmin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runOnAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
