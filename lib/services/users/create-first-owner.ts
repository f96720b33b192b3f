// First run: creates the owner only while no user exists. Serialised with an advisory lock so two
// concurrent /setup submissions cannot both succeed.
import { sql } from "drizzle-orm";
import { users } from "@/db/schema/auth";
import { type Db, rowsOf } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/services/audit/write-audit";

const SETUP_LOCK = 7_151_001;

export interface CreateFirstOwnerOptions {
  email: string;
  name?: string | null;
  password: string;
  correlationId?: string;
}

export async function createFirstOwner(db: Db, options: CreateFirstOwnerOptions): Promise<{ id: number }> {
  const passwordHash = await hashPassword(options.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from users`));
    if (n > 0) throw new AppError("FORBIDDEN", "errors.setupClosed");
    const [row] = await tx
      .insert(users)
      .values({ email: options.email.trim(), name: options.name?.trim() || null, role: "owner", passwordHash })
      .returning({ id: users.id, email: users.email });
    await writeAudit(tx, {
      actor: { id: row.id, email: row.email },
      action: "user.setup_owner",
      entity: "user",
      entityId: row.id,
      after: { email: row.email, role: "owner" },
      correlationId: options.correlationId,
    });
    return { id: row.id };
  });
}
