// What the jobs need from the rest of the app, in one place so tests can point the jobs at a test
// database, a fake marketplace sync, a fixed clock and a fake Telegram without touching the code.
import { type Db, getDb } from "@/db";
import { addDays, businessToday } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { type TelegramConfig, telegramConfigFromEnv } from "@/lib/notifications/telegram";
import { type SyncStoresOptions, type SyncSummary, syncStores } from "@/lib/services/sync-stores";

export interface JobDeps {
  getDb(): Promise<Db>;
  syncStores(options: SyncStoresOptions): Promise<SyncSummary>;
  telegram(): TelegramConfig | null;
  /** today's business day in APP_TIMEZONE */
  today(): string;
}

const defaults: JobDeps = {
  getDb,
  syncStores,
  telegram: telegramConfigFromEnv,
  today: () => businessToday(getEnv().APP_TIMEZONE),
};

let current: JobDeps = defaults;

export function jobDeps(): JobDeps {
  return current;
}

/** Test-only: replaces some dependencies; returns a function that restores the defaults. */
export function overrideJobDeps(partial: Partial<JobDeps>): () => void {
  current = { ...defaults, ...partial };
  return () => {
    current = defaults;
  };
}

export function yesterdayOf(today: string): string {
  return addDays(today, -1);
}
