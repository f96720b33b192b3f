// Child process for the crash test: runs one sync against an emulator and a database given in
// SYNC_CHILD (JSON), so the parent can kill -9 it at a random moment.
import { openDatabase } from "@/db";
import type { MarketplaceConfig } from "@/lib/services/ingestion/config";
import { syncStores } from "@/lib/services/sync-stores";

interface ChildArgs {
  url?: string;
  pgliteDir?: string;
  from: string;
  to: string;
  config: MarketplaceConfig;
}

async function main() {
  // eslint-disable-next-line no-restricted-properties -- test harness input, not app configuration
  const args = JSON.parse(process.env.SYNC_CHILD ?? "{}") as ChildArgs;
  const database = await openDatabase(args.url ? { url: args.url } : { pgliteDir: args.pgliteDir });
  try {
    const summary = await syncStores({
      db: database.db,
      from: args.from,
      to: args.to,
      trigger: "test",
      config: args.config,
      resilience: { rateLimits: false, initialDelayMs: 5, maxDelayMs: 50, timeoutMs: 10_000 },
    });
    process.stdout.write(`CHILD-DONE ok=${summary.ok}\n`);
  } finally {
    await database.close();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`CHILD-FAILED ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
