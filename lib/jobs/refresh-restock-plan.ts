// refresh-restock-plan — no schedule: started when the inputs of the restock plan change outside a
// collection (a store's or SKU's plan settings, a settings CSV, a supply plan saved or shipped), so the
// plan a seller reads follows what they just entered instead of waiting for the next night. It rebuilds
// restock_advice for the day the current plan is for (the nightly recalculation's day); with no plan yet
// there is nothing to refresh, and the next recalculation builds it.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, rowsOf } from "@/db";
import { generateSupplyAdvice } from "@/lib/services/metrics/generate-supply-advice";
import { defineJob } from "./job";
import { jobTrigger } from "./sync-store";

export const refreshRestockPlanInput = z.object({
  reason: z.enum(["settings", "supply_plan"]),
  trigger: jobTrigger.optional(),
});
export type RefreshRestockPlanInput = z.infer<typeof refreshRestockPlanInput>;

export interface RefreshRestockPlanResult {
  /** the plan's day, or null when there was no plan to refresh */
  d: string | null;
  rows: number;
  toShip: number;
}

/** The day of the plan the restock page shows (the latest one built). */
export async function currentPlanDay(db: Db): Promise<string | null> {
  const [row] = rowsOf<{ d: string | null }>(await db.execute(sql`select max(d)::text as d from restock_advice`));
  return row?.d ?? null;
}

export const refreshRestockPlanJob = defineJob({
  id: "refresh-restock-plan",
  name: "Refresh the restock plan after its settings or supply plans changed",
  event: "sovani/restock.refresh.requested",
  input: refreshRestockPlanInput,
  // one at a time; the planner also holds an advisory lock against the nightly recalculation
  concurrency: { limit: 1 },
  retries: 2,
  handler: async ({ step, getDb }): Promise<RefreshRestockPlanResult> =>
    step.run("generate-supply-advice", async () => {
      const db = await getDb();
      const d = await currentPlanDay(db);
      if (!d) return { d: null, rows: 0, toShip: 0 };
      const result = await generateSupplyAdvice({ db, d });
      return { d, rows: result.rows, toShip: result.toShip };
    }),
});
