import "server-only";
// Store reads: the shell's store selector and the settings pages (never the encrypted credentials), and
// the sync page's per-store status, runs and quarantine.
import type { Db } from "@/db";
import { isAppError } from "@/lib/errors";
import { getStoreOrThrow } from "@/lib/services/stores/get-store";
import {
  type SourceCounts,
  getSyncOverview as syncOverview,
  type SyncOverview,
} from "@/lib/services/stores/get-sync-overview";
import { listStores, type StoreListItem } from "@/lib/services/stores/list-stores";
import { authorized } from "./authorized";

export type { SourceCounts, StoreListItem, SyncOverview };

/** Active stores, or with `includeInactive` every store, oldest first. */
export async function queryStores(db: Db, options: { includeInactive?: boolean } = {}): Promise<StoreListItem[]> {
  return listStores(db, options);
}

/** One store, or null when the id is unknown. */
export async function queryStore(db: Db, id: number): Promise<StoreListItem | null> {
  return getStoreOrThrow(db, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });
}

export async function querySyncOverview(db: Db): Promise<SyncOverview> {
  return syncOverview(db);
}

export const getStores = authorized(queryStores);
export const getStore = authorized(queryStore);
export const getSyncOverview = authorized(querySyncOverview);
