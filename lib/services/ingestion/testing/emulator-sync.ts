// Test-only: a sync of the stores an emulator serves, as the sync tests run it. No rate limits and retries
// within milliseconds, so a fault the emulator injects costs the test no waiting.
import type { Db } from "@/db";
import type { Emulator } from "@/lib/emulator/server";
import { type SyncStoresOptions, syncStores } from "@/lib/services/sync-stores";
import { marketplaceConfigForEmulator } from "../config";

/** resilience for tests: no rate limits, retries after 5 to 50 ms, a 5 s timeout */
export const FAST_RESILIENCE = { rateLimits: false, initialDelayMs: 5, maxDelayMs: 50, timeoutMs: 5000 } as const;

/** syncs every store the emulator serves over its whole range (or `options`' range, sources, config) */
export function syncFromEmulator(db: Db, emulator: Emulator, options: Partial<SyncStoresOptions> = {}) {
  return syncStores({
    db,
    from: emulator.truth.from,
    to: emulator.truth.to,
    trigger: "test",
    config: marketplaceConfigForEmulator(emulator),
    resilience: FAST_RESILIENCE,
    ...options,
  });
}
