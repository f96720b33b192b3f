"use server";
// "Sync now" (owner, editor): an Inngest event when Inngest is configured, else an inline run in this
// process. Inline runs are awaited for a short while so the page can show the outcome directly.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestSync } from "@/lib/jobs/request-sync";
import { redactText } from "@/lib/logger";
import { authedAction } from "./safe-action";

const WAIT_FOR_INLINE_MS = 25_000;

export type SyncNowOutcome =
  | { status: "queued" }
  | { status: "busy" }
  | { status: "running" }
  | { status: "done"; stores: number; synced: number; failures: { what: string; error: string }[] };

export const syncNowAction = authedAction(
  "syncNowAction",
  z.object({ storeId: z.union([z.literal(""), z.coerce.number().int().positive().max(2_147_483_647)]).optional() }),
  async (input, ctx): Promise<SyncNowOutcome> => {
    const accountId = typeof input.storeId === "number" ? input.storeId : undefined;
    const result = await requestSync({ accountId, db: ctx.db });
    if (result.mode === "inngest") return { status: "queued" };
    if (!result.started) return { status: "busy" };
    const finished = await Promise.race([result.done.catch(() => null), new Promise<"timeout">((r) => setTimeout(() => r("timeout"), WAIT_FOR_INLINE_MS))]);
    revalidatePath("/sync");
    if (finished === "timeout" || finished === null) return { status: "running" };
    return {
      status: "done",
      stores: finished.stores,
      synced: finished.synced,
      failures: finished.failures.map((f) => ({ what: f.what, error: redactText(f.error).slice(0, 300) })),
    };
  },
);
