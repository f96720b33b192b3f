"use server";
// "Sync now" and "Load history" (owner, editor): an Inngest event when Inngest is configured, else an
// inline run in this process. Inline runs are awaited for a short while so the page can show the
// outcome directly; a longer one (a history load) goes on in the background.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { isIsoDay } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors";
import { jobDeps } from "@/lib/jobs/deps";
import { earliestHistoryDay } from "@/lib/jobs/plan-collection";
import { requestSync, type RequestSyncOptions } from "@/lib/jobs/request-sync";
import { wordFailure } from "@/lib/i18n/failure-wording";
import { getTranslations } from "@/lib/i18n/server";
import { authedAction } from "./safe-action";

const WAIT_FOR_INLINE_MS = 25_000;

export type SyncNowOutcome =
  | { status: "queued" }
  | { status: "busy" }
  | { status: "running" }
  /** failures worded in the user's language from their typed kind (never an exception's text) */
  | { status: "done"; stores: number; synced: number; failures: { what: string; message: string }[] };

async function startSync(options: RequestSyncOptions): Promise<SyncNowOutcome> {
  const result = await requestSync(options);
  if (result.mode === "inngest") return { status: "queued" };
  if (!result.started) return { status: "busy" };
  const finished = await Promise.race([
    result.done.catch(() => null),
    new Promise<"timeout">((r) => setTimeout(() => r("timeout"), WAIT_FOR_INLINE_MS)),
  ]);
  revalidatePath("/sync");
  const t = await getTranslations("failures");
  if (finished === "timeout" || finished === null) return { status: "running" };
  return {
    status: "done",
    stores: finished.stores,
    synced: finished.synced,
    failures: finished.failures.map((f) => ({
      what: f.what,
      message: wordFailure(t, f.failure ?? { kind: "internal" }) ?? "",
    })),
  };
}

const storeId = z
  .union([z.literal(""), z.coerce.number().int().positive().max(2_147_483_647)])
  .optional()
  .transform((v) => (typeof v === "number" ? v : undefined));

export const syncNowAction = authedAction("syncNowAction", z.object({ storeId }), async (input, ctx) =>
  startSync({ accountId: input.storeId, db: ctx.db }),
);

/** Collects every day from `from` to today again (a history backfill, or a re-load after a fix). */
export const loadHistoryAction = authedAction(
  "loadHistoryAction",
  z.object({ storeId, from: z.string().refine(isIsoDay, { message: "errors.invalidDate" }) }),
  async (input, ctx) => {
    const today = jobDeps().today();
    if (input.from > today) throw new AppError("VALIDATION", "errors.validation", { from: "errors.historyInFuture" });
    if (input.from < earliestHistoryDay(today))
      throw new AppError("VALIDATION", "errors.validation", { from: "errors.historyTooOld" });
    return startSync({ accountId: input.storeId, from: input.from, to: today, db: ctx.db });
  },
);
