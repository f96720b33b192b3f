// Typed events of Sovani's jobs. Payloads are validated at send and at receive time.
import { eventType } from "inngest";
import { z } from "zod";
import { marketplaces } from "@/db/schema";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const trigger = z.enum(["cli", "schedule", "manual", "inngest", "demo", "test"]);

/** "Sync now": collect one store (accountId) or all of them, then recalculate. */
export const syncRequested = eventType("sovani/sync.requested", {
  schema: z.object({
    accountId: z.number().int().positive().optional(),
    from: day.optional(),
    to: day.optional(),
    trigger,
  }),
});

/** One store's collection; run by sync-store, one run per store at a time. */
export const storeSyncRequested = eventType("sovani/store.sync.requested", {
  schema: z.object({
    accountId: z.number().int().positive(),
    marketplace: z.enum(marketplaces),
    from: day,
    to: day,
    trigger,
  }),
});

/** Sent after a collection has finished for every store: rebuild metrics and advice. */
export const recalcRequested = eventType("sovani/metrics.recalc.requested", {
  schema: z.object({
    from: day,
    to: day,
    reason: z.enum(["nightly", "sync", "manual"]),
    /** stores whose collection failed (the nightly reports them) */
    failures: z.array(z.object({ what: z.string(), error: z.string() })).optional(),
  }),
});

export type SyncRequestedData = z.infer<(typeof syncRequested)["schema"]>;
