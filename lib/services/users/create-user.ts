// Creates a user with a hashed password (owner-only through the action; also used by the CLI).
import { users, type Role } from "@/db/schema/auth";
import type { Db } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import { emailTaken, isUniqueViolation } from "./user-errors";

export interface CreateUserOptions {
  email: string;
  name?: string | null;
  role: Role;
  password: string;
  actor: AuditActor | null;
  correlationId?: string;
}

export async function createUser(db: Db, options: CreateUserOptions): Promise<{ id: number }> {
  const passwordHash = await hashPassword(options.password);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ email: options.email.trim(), name: options.name?.trim() || null, role: options.role, passwordHash })
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
      await writeAudit(tx, {
        actor: options.actor,
        action: "user.create",
        entity: "user",
        entityId: row.id,
        after: { email: row.email, name: row.name, role: row.role },
        correlationId: options.correlationId,
      });
      return { id: row.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
