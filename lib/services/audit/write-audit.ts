// Records who changed what (stores, users, cost prices, commission rules) in audit_log. Call it in
// the same transaction as the change. Values under secret-looking keys are dropped, never stored.
import { auditLog } from "@/db/schema/auth";
import type { Db, Tx } from "@/db";

export interface AuditActor {
  id: number;
  email: string;
}

export interface WriteAuditOptions {
  /** who did it; null for the system or the first-run setup */
  actor: AuditActor | null;
  /** verb.noun, e.g. 'store.create', 'user.role_change', 'cost_price.update' */
  action: string;
  /** table or aggregate, e.g. 'account', 'user', 'cost_price' */
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  correlationId?: string | null;
}

const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|credential|hash|authorization|cookie/i;

/** A copy without secret-looking keys (the last four characters of a token are kept: they are public). */
export function stripSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => stripSecrets(v, depth + 1));
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEY.test(k) && !/last4$/i.test(k)) continue;
      out[k] = stripSecrets(v, depth + 1);
    }
    return out;
  }
  return value;
}

export async function writeAudit(db: Db | Tx, options: WriteAuditOptions): Promise<void> {
  await db.insert(auditLog).values({
    userId: options.actor?.id ?? null,
    userEmail: options.actor?.email ?? null,
    action: options.action,
    entity: options.entity,
    entityId: options.entityId === undefined || options.entityId === null ? null : String(options.entityId),
    before: options.before === undefined ? null : stripSecrets(options.before),
    after: options.after === undefined ? null : stripSecrets(options.after),
    correlationId: options.correlationId ?? null,
  });
}
