// One recalculation as the CLI, the scheduler and Inngest run it: metrics for the range, then the
// supply advice for its last day, recorded in sync_runs (kind 'recalc') so the UI shows its history.
import { eq, sql } from "drizzle-orm";
import { type Db, getDb, schema } from "@/db";
import { logger } from "@/lib/logger";
import { generateSupplyAdvice, type GenerateSupplyAdviceResult } from "./generate-supply-advice";
import { recalculateMetrics, type RecalculateMetricsResult, validateDayRange } from "./recalculate-metrics";

export type RunTrigger = (typeof schema.syncRuns.$inferInsert)["trigger"];

export interface RunRecalculationOptions {
  db?: Db;
  from: string;
  to: string;
  trigger: RunTrigger;
  /** generate advice for `to` as well (default true) */
  advice?: boolean;
  /** id of the job run that asked (an Inngest run id), kept so a failure handler can find the row */
  externalId?: string;
}

export interface RunRecalculationResult {
  runId: number;
  metrics: RecalculateMetricsResult;
  advice: GenerateSupplyAdviceResult | null;
}

export async function runRecalculation(options: RunRecalculationOptions): Promise<RunRecalculationResult> {
  validateDayRange(options.from, options.to);
  const db = options.db ?? (await getDb());
  const [run] = await db
    .insert(schema.syncRuns)
    .values({
      kind: "recalc",
      trigger: options.trigger,
      status: "running",
      dateFrom: options.from,
      dateTo: options.to,
      sources: options.externalId ? { externalId: options.externalId } : {},
    })
    .returning({ id: schema.syncRuns.id });
  try {
    const metrics = await recalculateMetrics({ db, from: options.from, to: options.to });
    const advice = options.advice === false ? null : await generateSupplyAdvice({ db, d: options.to });
    await db
      .update(schema.syncRuns)
      .set({
        status: "succeeded",
        sources: {
          ...(options.externalId ? { externalId: options.externalId } : {}),
          metrics,
          ...(advice ? { advice } : {}),
        },
        finishedAt: sql`now()`,
      })
      .where(eq(schema.syncRuns.id, run.id));
    return { runId: run.id, metrics, advice };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error("recalc.failed", { runId: run.id, from: options.from, to: options.to, error: message });
    await db
      .update(schema.syncRuns)
      .set({ status: "failed", error: message.slice(0, 2000), finishedAt: sql`now()` })
      .where(eq(schema.syncRuns.id, run.id));
    throw error;
  }
}
