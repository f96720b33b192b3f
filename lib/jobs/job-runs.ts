// A job's own row in sync_runs (kind 'nightly' for the collection, 'recalc' for a recalculation), so
// the sync page shows it and a failure handler can find it by the runner's run id and mark it failed.
import { and, eq, sql } from "drizzle-orm";
import { type Db, schema } from "@/db";

type Trigger = (typeof schema.syncRuns.$inferInsert)["trigger"];
type Status = (typeof schema.syncRuns.$inferInsert)["status"];

export async function startJobRun(
  db: Db,
  input: { kind: "nightly" | "recalc"; trigger: Trigger; from: string; to: string; externalId?: string },
): Promise<number> {
  if (input.externalId) {
    // a retried step must not open a second row for the same external run
    const [existing] = await db
      .select({ id: schema.syncRuns.id })
      .from(schema.syncRuns)
      .where(
        and(
          eq(schema.syncRuns.kind, input.kind),
          sql`${schema.syncRuns.sources} ->> 'externalId' = ${input.externalId}`,
        ),
      );
    if (existing) return existing.id;
  }
  const [row] = await db
    .insert(schema.syncRuns)
    .values({
      kind: input.kind,
      trigger: input.trigger,
      status: "running",
      dateFrom: input.from,
      dateTo: input.to,
      sources: input.externalId ? { externalId: input.externalId } : {},
    })
    .returning({ id: schema.syncRuns.id });
  return row.id;
}

export async function finishJobRun(
  db: Db,
  id: number,
  status: NonNullable<Status>,
  sources: Record<string, unknown>,
  error?: string,
): Promise<void> {
  await db
    .update(schema.syncRuns)
    .set({
      status,
      sources: sql`${schema.syncRuns.sources} || ${JSON.stringify(sources)}::jsonb`,
      error: error?.slice(0, 2000) ?? null,
      finishedAt: sql`now()`,
    })
    .where(eq(schema.syncRuns.id, id));
}

/** Adds to a job row's sources (a later step's counts) without touching its status. */
export async function addJobRunSources(db: Db, id: number, sources: Record<string, unknown>): Promise<void> {
  await db
    .update(schema.syncRuns)
    .set({ sources: sql`${schema.syncRuns.sources} || ${JSON.stringify(sources)}::jsonb` })
    .where(eq(schema.syncRuns.id, id));
}

/** Marks the still-running job row started by an external run (an Inngest run id) as failed. */
export async function failJobRunByExternalId(
  db: Db,
  kind: "nightly" | "recalc",
  externalId: string,
  error: string,
): Promise<number> {
  const rows = await db
    .update(schema.syncRuns)
    .set({ status: "failed", error: error.slice(0, 2000), finishedAt: sql`now()` })
    .where(
      and(
        eq(schema.syncRuns.kind, kind),
        eq(schema.syncRuns.status, "running"),
        sql`${schema.syncRuns.sources} ->> 'externalId' = ${externalId}`,
      ),
    )
    .returning({ id: schema.syncRuns.id });
  return rows.length;
}

/** Marks a store's sync runs left 'running' (the process died mid-run) as failed. */
export async function failRunningStoreSyncs(db: Db, accountId: number, error: string): Promise<number> {
  const rows = await db
    .update(schema.syncRuns)
    .set({ status: "failed", error: error.slice(0, 2000), finishedAt: sql`now()` })
    .where(
      and(
        eq(schema.syncRuns.kind, "sync"),
        eq(schema.syncRuns.status, "running"),
        eq(schema.syncRuns.accountId, accountId),
      ),
    )
    .returning({ id: schema.syncRuns.id });
  return rows.length;
}
