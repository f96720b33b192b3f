import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";

/** True once any user exists (then /setup is closed for good). */
export async function hasUsers(db: Db): Promise<boolean> {
  return rowsOf<{ e: boolean }>(await db.execute(sql`select exists(select 1 from users) as e`))[0]?.e === true;
}
