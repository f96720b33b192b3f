import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { accounts } from "@/db/schema/accounts";
import { AppError } from "@/lib/errors";
import { storeColumns, type StoreListItem } from "./list-stores";

/** One store without its ciphertext; NOT_FOUND when the id is unknown. */
export async function getStoreOrThrow(db: Db | Tx, id: number): Promise<StoreListItem> {
  const [row] = await db.select(storeColumns).from(accounts).where(eq(accounts.id, id)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return row;
}
