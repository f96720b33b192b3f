// First run: creates the owner only while no user exists and only with the setup code printed at
// start-up (setup-code.ts). Serialised with an advisory lock so two concurrent /setup submissions
// cannot both succeed; the code is used up with the owner's creation.
import { sql } from "drizzle-orm";
import { users } from "@/db/schema/auth";
import { type Db, rowsOf } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/services/audit/write-audit";
import { deleteSetupCode, isSetupCodeValid } from "./setup-code";

const SETUP_LOCK = 7_151_001;

export interface CreateFirstOwnerOptions {
  email: string;
  name?: string | null;
  password: string;
  /** the one-time code from the server log or DATA_DIR/setup-code */
  setupCode: string;
  correlationId?: string;
}

export async function createFirstOwner(db: Db, options: CreateFirstOwnerOptions): Promise<{ id: number }> {
  const passwordHash = await hashPassword(options.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from users`));
    if (n > 0) throw new AppError("FORBIDDEN", "errors.setupClosed");
    if (!(await isSetupCodeValid(tx, options.setupCode)))
      throw new AppError("VALIDATION", "errors.validation", { setupCode: "errors.setupCodeWrong" });
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
    await deleteSetupCode(tx);
    return { id: row.id };
  });
}
