// The inline runner and the Inngest runner execute the same job definitions: one nightly collection
// (a store that syncs, a store whose token lacks a scope) run through each, on the same data, leaves
// the same job-run records, the same typed failures and the same Telegram message.
import { InngestTestEngine, mockCtx } from "@inngest/test";
import { and, desc, eq, inArray } from "drizzle-orm";
import { serializeError, StepError } from "inngest";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { schema } from "@/db";
import { nightlyCollectJob } from "@/lib/jobs/nightly-collect";
import { runJobInline } from "@/lib/jobs/run-inline";
import { insertSoldSku, insertSyncedStores, syncSummaryOf, setTestJobDeps } from "@/lib/jobs/testing/job-deps";
import { AuthError } from "@/lib/marketplaces/http/errors";
import { startFakeTelegram } from "@/lib/notifications/testing/fake-telegram";
import type { SyncStoresOptions } from "@/lib/services/sync-stores";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { nightlyCollectFunction } from "./nightly-collect";
import { recalculateMetricsFunction } from "./recalculate-metrics";

const TODAY = "2026-11-29";
const YESTERDAY = "2026-11-28";

type Row = typeof schema.syncRuns.$inferSelect;

/** A job-run record without what differs between any two runs: ids, times, the runner's run id, timings. */
function comparable(row: Row | undefined) {
  if (!row) return row;
  const { id: _id, startedAt: _s, finishedAt: _f, ...rest } = row;
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === "object")
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k]) => !["externalId", "ms", "changed", "runId"].includes(k))
          .map(([k, v]) => [k, strip(v)]),
      );
    return value;
  };
  return strip(rest);
}

describe.each(testDatabaseKinds())("one job definition, two runners (%s)", (kind) => {
  const { db } = useTestDatabase(kind);
  let fake: Awaited<ReturnType<typeof startFakeTelegram>>;
  let restore: (() => void) | undefined;
  let wb: number;
  let ozon: number;
  const calls: SyncStoresOptions[] = [];

  beforeAll(async () => {
    fake = await startFakeTelegram();
    ({ wb, ozon } = await insertSyncedStores(db, "2026-11-25"));
    await insertSoldSku(db, { accountId: wb, article: "PAR-1", d: YESTERDAY, qty: 2 });
    restore = setTestJobDeps({
      db: () => db,
      today: TODAY,
      telegramUrl: () => fake.url,
      calls,
      sync: async (o) => {
        if (o.accountIds![0] === ozon) throw new AuthError("OZON", 403, "missing_scope", "no finance scope");
        return syncSummaryOf(o.accountIds![0], { wb_sales: { status: "succeeded", inserted: 2 } });
      },
    });
  });
  afterAll(async () => {
    restore?.();
    await fake?.close();
  });
  afterEach(() => {
    calls.length = 0;
  });

  /** The nightly row of the run and the recalculation row it led to. */
  async function recorded(jobRunId: number) {
    const [nightly] = await db.select().from(schema.syncRuns).where(eq(schema.syncRuns.id, jobRunId));
    const [recalc] = await db
      .select()
      .from(schema.syncRuns)
      .where(and(eq(schema.syncRuns.kind, "recalc"), inArray(schema.syncRuns.status, ["succeeded", "failed"])))
      .orderBy(desc(schema.syncRuns.id))
      .limit(1);
    return { nightly: comparable(nightly), recalc: comparable(recalc) };
  }

  it("records the same nightly run, failures and message inline and on Inngest", async () => {
    // inline: the input Inngest's cron gives a scheduled run, so even the trigger matches
    const inline = await runJobInline(nightlyCollectJob, nightlyCollectJob.schedule!.input);
    const inlineCalls = calls.map((c) => [c.accountIds, c.from, c.to, c.trigger]);
    const inlineRecords = await recorded(inline.result.jobRunId);
    const inlineMessage = fake.received.at(-1)!.body.text;
    expect(inline.dispatched.map((d) => [d.job, d.ok])).toEqual([["recalculate-metrics", true]]);

    // Inngest: sync-store and recalculate-metrics run as the functions they are; an invoked function's
    // failure comes back as Inngest delivers it, serialized into a StepError
    calls.length = 0;
    // the test engine replays the handler once per step, as Inngest does: like Inngest, answer each
    // step id once and give the memoized outcome on replays
    const memo = new Map<string, Promise<unknown>>();
    const once = (id: string, run: () => Promise<unknown>) => {
      if (!memo.has(id)) memo.set(id, run());
      return memo.get(id)!;
    };
    const engine = new InngestTestEngine({
      function: nightlyCollectFunction,
      events: [{ name: "inngest/scheduled.timer", data: { cron: "0 2 * * *" } }],
      transformCtx: (raw) => {
        const ctx = mockCtx(raw) as typeof raw;
        ctx.step.invoke = vi.fn((id: string, opts: { function: never; data: unknown }) =>
          once(id, async () => {
            const child = await new InngestTestEngine({ function: opts.function }).execute({
              events: [{ name: "sovani/store.sync.requested", data: opts.data }],
            });
            if (child.error) throw new StepError(id, serializeError(child.error));
            return child.result;
          }),
        ) as unknown as typeof ctx.step.invoke;
        ctx.step.sendEvent = vi.fn((id: string, payload: { name: string; data: unknown }) =>
          once(id, async () => {
            const recalc = await new InngestTestEngine({ function: recalculateMetricsFunction }).execute({
              events: [payload],
            });
            expect(recalc.error).toBeUndefined();
            return { ids: ["evt-1"] };
          }),
        ) as unknown as typeof ctx.step.sendEvent;
        return ctx;
      },
    });
    const { result, error } = await engine.execute();
    expect(error).toBeUndefined();
    const viaInngest = result as typeof inline.result;

    expect(calls.map((c) => [c.accountIds, c.from, c.to, c.trigger])).toEqual(inlineCalls);
    expect({ ...viaInngest, jobRunId: 0 }).toEqual({ ...inline.result, jobRunId: 0 });
    expect(viaInngest.jobRunId).not.toBe(inline.result.jobRunId);
    expect(await recorded(viaInngest.jobRunId)).toEqual(inlineRecords);
    expect(fake.received.at(-1)!.body.text).toBe(inlineMessage);

    // and what they agree on is the expected run, not merely the same mistake twice
    expect(inlineRecords.nightly).toMatchObject({
      kind: "nightly",
      trigger: "inngest",
      status: "partial",
      dateFrom: "2026-11-26",
      dateTo: YESTERDAY,
      error: "OZON Shop: OZON rejected the credentials (403 missing_scope): no finance scope",
      sources: {
        stores: 2,
        synced: 1,
        failures: [
          {
            what: "OZON Shop",
            error: "OZON rejected the credentials (403 missing_scope): no finance scope",
            failure: { kind: "scope_missing", status: 403 },
          },
        ],
      },
    });
    expect(inlineRecords.recalc).toMatchObject({
      kind: "recalc",
      status: "succeeded",
      dateFrom: "2026-10-25",
      dateTo: YESTERDAY,
      // no orders or stock in this fixture: the advice step runs and plans nothing (no phantom rows)
      sources: { metrics: { rows: 35 }, advice: { rows: 0 } },
    });
    expect(inlineMessage).toContain("nightly collection failed");
    expect(inlineMessage).toContain("OZON Shop");
  });
});
