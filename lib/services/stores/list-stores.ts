// Stores for the shell's store selector and the settings page. Never selects the encrypted token.
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts } from "@/db/schema/accounts";
import type { Marketplace } from "@/db/schema";

export interface StoreListItem {
  id: number;
  marketplace: Marketplace;
  name: string;
  source: "env" | "ui" | "demo";
  clientId: string | null;
  credentialsLast4: string | null;
  isActive: boolean;
  status: "ok" | "needs_attention";
  statusDetail: string | null;
  /** when the marketplace last accepted the key; null = never verified */
  verifiedAt: Date | null;
  reviewsAvailable: boolean;
  createdAt: Date;
}

export const storeColumns = {
  id: accounts.id,
  marketplace: accounts.marketplace,
  name: accounts.name,
  source: accounts.source,
  clientId: accounts.clientId,
  credentialsLast4: accounts.credentialsLast4,
  isActive: accounts.isActive,
  status: accounts.status,
  statusDetail: accounts.statusDetail,
  verifiedAt: accounts.verifiedAt,
  reviewsAvailable: accounts.reviewsAvailable,
  createdAt: accounts.createdAt,
};

export async function listStores(db: Db, options: { includeInactive?: boolean } = {}): Promise<StoreListItem[]> {
  const query = db.select(storeColumns).from(accounts);
  const rows = options.includeInactive
    ? await query.orderBy(asc(accounts.id))
    : await query.where(eq(accounts.isActive, true)).orderBy(asc(accounts.id));
  return rows;
}
