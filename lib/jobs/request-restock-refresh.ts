// Asks for the restock plan to be rebuilt after a seller changed its inputs: with Inngest configured it
// sends the event (refresh-restock-plan runs there, one at a time); without it the same job runs inline
// in this process, after the caller has answered (the planner's advisory lock orders it against a
// recalculation). A failed refresh is logged; the next recalculation rebuilds the plan anyway.
import type { Inngest } from "inngest";
import type { Db } from "@/db";
import { isInngestConfigured } from "@/lib/env";
import { logger } from "@/lib/logger";
import { jobDeps } from "./deps";
import { errorMessageOf } from "./job";
import {
  type RefreshRestockPlanInput,
  type RefreshRestockPlanResult,
  refreshRestockPlanJob,
} from "./refresh-restock-plan";
import { runJobInline } from "./run-inline";
import { sendJobEvent } from "./send-job-event";

export interface RequestRestockRefreshOptions {
  reason: RefreshRestockPlanInput["reason"];
  /** default: "inngest" when INNGEST_SIGNING_KEY / INNGEST_DEV is set, else "inline" */
  mode?: "inngest" | "inline";
  db?: Db;
  /** the Inngest client to send with (tests); default the app's client */
  client?: Inngest;
}

export type RequestRestockRefreshResult =
  { mode: "inngest"; eventIds: string[] } | { mode: "inline"; done: Promise<RefreshRestockPlanResult | null> };

export async function requestRestockRefresh(
  options: RequestRestockRefreshOptions,
): Promise<RequestRestockRefreshResult> {
  const mode = options.mode ?? (isInngestConfigured() ? "inngest" : "inline");
  const input: RefreshRestockPlanInput = { reason: options.reason, trigger: "manual" };
  if (mode === "inngest") return sendJobEvent((e) => e.restockRefreshRequested.create(input), options.client);
  const db = options.db ?? (await jobDeps().getDb());
  const done = runJobInline(refreshRestockPlanJob, input, { db }).then(
    (run) => run.result,
    (error: unknown) => {
      logger.error("restock_refresh.failed", { reason: options.reason, error: errorMessageOf(error) });
      return null;
    },
  );
  return { mode: "inline", done };
}
