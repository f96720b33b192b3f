// What every owner edit of a UI store shares: the options, and the rule that environment stores are
// read-only here (they change in the environment).
import { AppError } from "@/lib/errors";
import type { AuditActor } from "@/lib/services/audit/write-audit";

export interface StoreEditOptions {
  storeId: number;
  actor: AuditActor;
  correlationId?: string;
}

export function assertEditable(store: { source: string }) {
  if (store.source === "env") throw new AppError("FORBIDDEN", "errors.envStoreReadOnly");
}
