// Syncs every configured store (or the chosen ones) for a range of business days. The CLI, the
// scheduler, Inngest functions and the demo all call this; each store's run is recorded in sync_runs.
import type { Db } from "@/db";
import { businessToday, isIsoDay } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors";
import type { ResilienceOptions } from "@/lib/marketplaces/http/base-client";
import { ensureEnvAccounts, listSyncableAccounts } from "@/lib/services/accounts/ensure-env-accounts";
import { type MarketplaceConfig, marketplaceConfigFromEnv } from "@/lib/services/ingestion/config";
import type { SourceSummary } from "@/lib/services/ingestion/context";
import { type StoreRunSummary, syncStore } from "@/lib/services/ingestion/sync-store";
import type { Marketplace } from "@/db/schema";

export {
  AuthError,
  CircuitOpenError,
  MarketplaceHttpError,
  RateLimitedError,
  UpstreamError,
} from "@/lib/marketplaces/http/errors";

export interface SyncStoresOptions {
  db: Db;
  /** first and last business day, YYYY-MM-DD */
  from: string;
  to: string;
  marketplace?: Marketplace;
  accountIds?: number[];
  trigger: "cli" | "schedule" | "manual" | "inngest" | "demo" | "test";
  signal?: AbortSignal;
  /** where the marketplaces are and the env stores' credentials; default: lib/env.ts */
  config?: MarketplaceConfig;
  /** timeouts, retries, breaker, and `rateLimits: false` for emulator benchmarks */
  resilience?: ResilienceOptions;
  /** run only these sources (tests) */
  sources?: string[];
  /** the clock for today's stock snapshot (tests) */
  now?: Date;
}

export type SyncSourceSummary = SourceSummary;

export interface SyncSummary {
  ok: boolean;
  runs: StoreRunSummary[];
}

export async function syncStores(options: SyncStoresOptions): Promise<SyncSummary> {
  if (!isIsoDay(options.from) || !isIsoDay(options.to))
    throw new AppError("VALIDATION", "from and to must be dates in YYYY-MM-DD form");
  if (options.from > options.to) throw new AppError("VALIDATION", `from (${options.from}) is after to (${options.to})`);
  const config = options.config ?? marketplaceConfigFromEnv();
  await ensureEnvAccounts(options.db, config);
  const stores = (await listSyncableAccounts(options.db, config)).filter(
    (a) =>
      (!options.marketplace || a.marketplace === options.marketplace) &&
      (!options.accountIds || options.accountIds.includes(a.id)),
  );
  const today = businessToday(config.timeZone, options.now);
  const runs: StoreRunSummary[] = [];
  for (const account of stores) {
    options.signal?.throwIfAborted();
    runs.push(
      await syncStore({
        db: options.db,
        account,
        from: options.from,
        to: options.to,
        trigger: options.trigger,
        config,
        today,
        resilience: config.rateLimits === false ? { rateLimits: false, ...options.resilience } : options.resilience,
        signal: options.signal,
        sources: options.sources,
      }),
    );
  }
  return { ok: runs.length > 0 && runs.every((r) => r.status === "succeeded"), runs };
}
