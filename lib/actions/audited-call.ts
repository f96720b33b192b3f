import "server-only";
// The handler of an action that is one audited service call and a refresh: the service gets the parsed
// input with the signed-in actor and the request's correlation id, and the action answers null.
import { revalidatePath } from "next/cache";
import type { Db } from "@/db";
import type { ActionContext } from "./safe-action";

/** what a service records in the audit log beside its own options */
type Audit = { actor: ActionContext["actor"]; correlationId?: string };

/** `service` called with the input and the audit fields, then `path` revalidated (a whole layout with "layout"). */
export function auditedCall<O extends Audit>(
  service: (db: Db, options: O) => Promise<void>,
  path: string,
  type?: "layout",
) {
  return async (input: Omit<O, keyof Audit>, ctx: ActionContext): Promise<null> => {
    await service(ctx.db, { ...input, actor: ctx.actor, correlationId: ctx.correlationId } as O);
    revalidatePath(path, type);
    return null;
  };
}
