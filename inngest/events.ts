// Typed events of Sovani's jobs: each is a job definition's event and input schema (lib/jobs), so
// payloads are validated at send and at receive time against the same schema the inline runner uses.
import { eventType } from "inngest";
import type { z } from "zod";
import { recalculateMetricsInput, recalculateMetricsJob } from "@/lib/jobs/recalculate-metrics";
import { refreshRestockPlanInput, refreshRestockPlanJob } from "@/lib/jobs/refresh-restock-plan";
import { syncNowInput, syncNowJob } from "@/lib/jobs/sync-now";
import { syncStoreInput, syncStoreJob } from "@/lib/jobs/sync-store";

/** "Sync now": collect one store (accountId) or all of them, then recalculate. */
export const syncRequested = eventType(syncNowJob.event!, { schema: syncNowInput });

/** One store's collection; run by sync-store, one run per store at a time. */
export const storeSyncRequested = eventType(syncStoreJob.event!, { schema: syncStoreInput });

/** Sent after a collection has finished for every store: rebuild metrics and advice. */
export const recalcRequested = eventType(recalculateMetricsJob.event!, { schema: recalculateMetricsInput });

/** The restock plan's settings or supply plans changed: rebuild the current plan. */
export const restockRefreshRequested = eventType(refreshRestockPlanJob.event!, { schema: refreshRestockPlanInput });

export type SyncRequestedData = z.infer<typeof syncNowInput>;
