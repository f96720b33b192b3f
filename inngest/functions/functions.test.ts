// Every Inngest function run with @inngest/test against a migrated PGlite database: steps, the
// error mapping that drives retries (429 -> RetryAfterError, 401/403 -> NonRetriableError), the
// event chaining, and the failure handlers.
import { InngestTestEngine, mockCtx } from "@inngest/test";
import { eq, sql } from "drizzle-orm";
import { NonRetriableError, RetryAfterError } from "inngest";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { rowsOf, schema } from "@/db";
import { useTestDatabase } from "@/lib/testing/database";
import { JobFailedError } from "@/lib/jobs/job";
import { startJobRun } from "@/lib/jobs/job-runs";
import { jobTestHarness, latestJobRun, syncSummaryOf } from "@/lib/jobs/testing/job-deps";
import { AuthError, RateLimitedError } from "@/lib/marketplaces/http/errors";
import { addDays } from "@/lib/domain/dates";
import { insertCostPrice, insertSales, insertSku, insertWarehouse } from "@/lib/testing/fixtures";
import { inngest } from "../client";
import { toInngestError } from "../job-function";
import { functions } from "../index";
import { NIGHTLY_CRON, nightlyCollectFunction } from "./nightly-collect";
import { recalculateMetricsFunction } from "./recalculate-metrics";
import { syncNowFunction } from "./sync-now";
import { syncStoreFunction } from "./sync-store";

const TODAY = "2026-11-29";
const YESTERDAY = "2026-11-28";

// no Inngest server in tests: the event is recorded by the step spy, its delivery mocked
const sentEvent = { id: "request-recalculation", handler: () => ({ ids: ["evt-1"] }) };

/** Runs a function's onFailure handler as Inngest would after the last retry. */
function failureEngine(fn: { opts: { id: string; onFailure?: unknown } }, error: Error) {
  const handler = fn.opts.onFailure as Parameters<typeof inngest.createFunction>[1];
  const failureFn = inngest.createFunction(
    { id: `${fn.opts.id}-failure`, triggers: [{ event: "inngest/function.failed" }] },
    handler,
  );
  return new InngestTestEngine({ function: failureFn, transformCtx: (ctx) => ({ ...mockCtx(ctx), error }) });
}

describe("Inngest functions", () => {
  const { db } = useTestDatabase();
  /** a job run record of yesterday started by Inngest with this run id */
  const startYesterdayRun = (kind: "nightly" | "recalc", externalId: string) =>
    startJobRun(db, { kind, trigger: "inngest", from: YESTERDAY, to: YESTERDAY, externalId });
  const harness = jobTestHarness({ db: () => db, today: TODAY });
  const { calls, stubSync } = harness;
  let accountId: number;

  beforeAll(async () => {
    const [account] = await db
      .insert(schema.accounts)
      .values({ marketplace: "WB", name: "Main", source: "ui" })
      .returning({ id: schema.accounts.id });
    accountId = account.id;
  });
  const storeEvent = {
    name: "sovani/store.sync.requested",
    data: { accountId: 0, marketplace: "WB", from: "2026-11-26", to: YESTERDAY, trigger: "inngest" },
  };
  // sync-store run with the sync service returning these per-source results for the store
  const runSyncStoreReturning = (sources: Parameters<typeof syncSummaryOf>[1]) => {
    stubSync(async (o) => syncSummaryOf(o.accountIds![0], sources));
    return runSyncStore();
  };
  const runSyncStore = () =>
    new InngestTestEngine({ function: syncStoreFunction }).execute({
      events: [{ ...storeEvent, data: { ...storeEvent.data, accountId } }],
    });

  it("serves every function, each with the options the issue asks for", () => {
    expect(functions.map((f) => f.opts.id).sort()).toEqual([
      "nightly-collect",
      "recalculate-metrics",
      "refresh-restock-plan",
      "sync-now",
      "sync-store",
    ]);
    expect(nightlyCollectFunction.opts.triggers).toEqual([{ cron: NIGHTLY_CRON }]);
    expect(NIGHTLY_CRON).toBe("TZ=UTC 0 2 * * *");
    expect(syncStoreFunction.opts.concurrency).toEqual([{ key: "event.data.accountId", limit: 1 }]);
    expect(syncStoreFunction.opts.throttle).toMatchObject({ key: "event.data.marketplace" });
    for (const f of functions) expect((f.opts as { rateLimit?: unknown }).rateLimit).toBeUndefined();
  });

  it("sync-store: one named step that returns counts only", async () => {
    stubSync(async (o) =>
      syncSummaryOf(o.accountIds![0], {
        wb_sales: { status: "succeeded", inserted: 7 },
        wb_stocks: { status: "succeeded", inserted: 2 },
      }),
    );
    const t = new InngestTestEngine({ function: syncStoreFunction });
    const { result, ctx } = await t.execute({ events: [{ ...storeEvent, data: { ...storeEvent.data, accountId } }] });
    const counts = {
      runs: 1,
      status: "succeeded",
      fetched: 9,
      inserted: 9,
      updated: 0,
      unchanged: 0,
      quarantined: 0,
      failedSources: 0,
    };
    expect(result).toEqual(counts);
    expect(ctx.step.run).toHaveBeenCalledTimes(1);
    expect(ctx.step.run).toHaveBeenCalledWith("sync-store", expect.any(Function));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ accountIds: [accountId], from: "2026-11-26", to: YESTERDAY, trigger: "inngest" });
  });

  it("sync-store: 429 becomes RetryAfterError with the marketplace's delay", async () => {
    stubSync(async () => {
      throw new RateLimitedError("WB", 42_000);
    });
    const { error } = await runSyncStore();
    expect(error).toMatchObject({ name: "RetryAfterError", message: "WB rate limit: retry after 42 s" });
    // a 429 recorded by one source (the sync service catches per source) is retried the same way
    const second = await runSyncStoreReturning({
      wb_sales: { status: "succeeded" },
      wb_stocks: {
        status: "failed",
        error: "WB rate limit: retry after 61 s",
        failure: { kind: "rate_limited", retryAfterMs: 61_000 },
      },
    });
    expect(second.error).toMatchObject({ name: "RetryAfterError" });
    const mapped = toInngestError(new JobFailedError("x", { kind: "rate_limited", retryAfterMs: 61_000 }));
    expect(mapped).toBeInstanceOf(RetryAfterError);
    expect((mapped as RetryAfterError).retryAfter).toBe("61");
  });

  it("sync-store: 401/403 become NonRetriableError; other failures stay retryable", async () => {
    stubSync(async () => {
      throw new AuthError("WB", 401, "bad_token", "token expired");
    });
    const { error } = await runSyncStore();
    expect(error).toMatchObject({ name: "NonRetriableError" });
    expect(toInngestError(new JobFailedError("x", { kind: "credentials", status: 401 }))).toBeInstanceOf(
      NonRetriableError,
    );

    const forbidden = await runSyncStoreReturning({
      wb_sales: {
        status: "failed",
        error: "WB rejected the credentials (403 missing_scope): no statistics scope",
        failure: { kind: "scope_missing", status: 403 },
      },
    });
    expect(forbidden.error).toMatchObject({ name: "NonRetriableError" });

    const upstream = await runSyncStoreReturning({
      wb_sales: { status: "failed", error: "WB 502 Bad Gateway", failure: { kind: "upstream", status: 502 } },
    });
    expect(upstream.error).toMatchObject({ name: "Error", message: "Main wb_sales: WB 502 Bad Gateway" });
  });

  it("sync-store failure handler marks the store's unfinished runs failed", async () => {
    stubSync(async () => syncSummaryOf(accountId, {}));
    const [stuck] = await db
      .insert(schema.syncRuns)
      .values({ accountId, kind: "sync", trigger: "inngest", status: "running" })
      .returning({ id: schema.syncRuns.id });
    const t = failureEngine(syncStoreFunction, new Error("WB 502 after 5 attempts"));
    const { result } = await t.execute({
      events: [
        {
          name: "inngest/function.failed",
          data: {
            function_id: "sovani-sync-store",
            run_id: "run-1",
            error: { message: "WB 502 after 5 attempts" },
            event: { ...storeEvent, data: { ...storeEvent.data, accountId } },
          },
        },
      ],
    });
    expect(result).toEqual({ marked: 1 });
    const [row] = await db.select().from(schema.syncRuns).where(eq(schema.syncRuns.id, stuck.id));
    expect(row).toMatchObject({ status: "failed", error: "WB 502 after 5 attempts" });
  });

  it("nightly-collect: plans yesterday plus days that never synced, invokes sync-store per store, then chains the recalculation by event", async () => {
    stubSync(async () => syncSummaryOf(accountId, {}));
    // the store synced successfully up to 3 days before yesterday
    await db.insert(schema.syncRuns).values({
      accountId,
      kind: "sync",
      trigger: "schedule",
      status: "succeeded",
      dateFrom: "2026-11-20",
      dateTo: "2026-11-25",
    });
    const t = new InngestTestEngine({
      function: nightlyCollectFunction,
      events: [{ name: "inngest/scheduled.timer", data: { cron: NIGHTLY_CRON } }],
      steps: [{ id: `sync-store-${accountId}`, handler: () => ({ runs: 1, status: "succeeded" }) }, sentEvent],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ day: YESTERDAY, jobRunId: expect.any(Number), stores: 1, synced: 1, failures: [] });
    expect((ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0])).toEqual([
      "plan-collection",
      "finish-run",
    ]);
    expect(ctx.step.invoke).toHaveBeenCalledWith(
      `sync-store-${accountId}`,
      expect.objectContaining({
        function: syncStoreFunction,
        data: { accountId, marketplace: "WB", from: "2026-11-26", to: YESTERDAY, trigger: "inngest" },
      }),
    );
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "request-recalculation",
      expect.objectContaining({
        name: "sovani/metrics.recalc.requested",
        data: { from: "2026-10-25", to: YESTERDAY, reason: "nightly", failures: [], trigger: "inngest" },
      }),
    );
    const run = await latestJobRun(db, "nightly");
    expect(run).toMatchObject({
      kind: "nightly",
      status: "succeeded",
      dateFrom: "2026-11-26",
      dateTo: YESTERDAY,
      sources: { stores: 1, synced: 1, failures: [] },
    });
  });

  it("nightly-collect: a store that fails is reported with the recalculation request, not dropped", async () => {
    stubSync(async () => syncSummaryOf(accountId, {}));
    const t = new InngestTestEngine({
      function: nightlyCollectFunction,
      events: [{ name: "inngest/scheduled.timer", data: { cron: NIGHTLY_CRON } }],
      steps: [sentEvent],
      // @inngest/test 1.0 treats a mocked step that throws as fulfilled: fail the invocation itself
      transformCtx: (raw) => {
        const ctx = mockCtx(raw) as typeof raw;
        ctx.step.invoke = vi.fn(async () => {
          // as Inngest hands back sync-store's final error: the typed failure rides in the cause
          throw new NonRetriableError("WB rejected the credentials (401 bad_token): expired", {
            cause: { failure: { kind: "credentials", status: 401 } },
          });
        }) as unknown as typeof ctx.step.invoke;
        return ctx;
      },
    });
    const { result, ctx } = await t.execute();
    expect(result).toMatchObject({ synced: 0, failures: [expect.objectContaining({ what: "WB Main" })] });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "request-recalculation",
      expect.objectContaining({
        data: expect.objectContaining({
          failures: [
            {
              what: "WB Main",
              error: expect.stringContaining("401 bad_token"),
              failure: { kind: "credentials", status: 401 },
            },
          ],
        }),
      }),
    );
    const run = await latestJobRun(db, "nightly");
    expect(run).toMatchObject({
      status: "failed",
      error: expect.stringContaining("WB Main: WB rejected the credentials"),
    });
  });

  it("nightly-collect failure handler records the run failed and sends what failed to Telegram", async () => {
    stubSync(async () => syncSummaryOf(accountId, {}));
    const jobRunId = await startYesterdayRun("nightly", "run-nightly-9");
    // idempotent: a retried plan step finds the same row
    expect(await startYesterdayRun("nightly", "run-nightly-9")).toBe(jobRunId);
    const before = harness.fake.received.length;
    const { result } = await failureEngine(nightlyCollectFunction, new Error("database unreachable")).execute({
      events: [
        {
          name: "inngest/function.failed",
          data: {
            function_id: "sovani-nightly-collect",
            run_id: "run-nightly-9",
            error: { message: "database unreachable" },
            event: { name: "inngest/scheduled.timer", data: {} },
          },
        },
      ],
    });
    expect(result).toEqual({ marked: 1, notified: true });
    const [run] = await db.select().from(schema.syncRuns).where(eq(schema.syncRuns.id, jobRunId));
    expect(run).toMatchObject({ status: "failed", error: "database unreachable" });
    expect(harness.fake.received.length).toBe(before + 1);
    expect(harness.fake.received.at(-1)!.body.text).toContain("nightly collection failed");
    expect(harness.fake.received.at(-1)!.body.text).toContain("database unreachable");
  });

  it("sync-now: collects the chosen store for the last 3 days and requests their recalculation", async () => {
    stubSync(async () => syncSummaryOf(accountId, {}));
    const t = new InngestTestEngine({
      function: syncNowFunction,
      events: [{ name: "sovani/sync.requested", data: { accountId, trigger: "manual" } }],
      steps: [{ id: `sync-store-${accountId}`, handler: () => ({ runs: 1 }) }, sentEvent],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ stores: 1, synced: 1, failures: [] });
    expect(ctx.step.invoke).toHaveBeenCalledWith(
      `sync-store-${accountId}`,
      expect.objectContaining({
        data: { accountId, marketplace: "WB", from: "2026-11-27", to: TODAY, trigger: "manual" },
      }),
    );
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "request-recalculation",
      // the recalculation covers the 21-day settlement window and the 14 days before it (TODAY - 34)
      expect.objectContaining({ data: { from: "2026-10-26", to: TODAY, reason: "sync", trigger: "manual" } }),
    );
  });

  it("sync-now: a new store's first sync loads 90 days, and the recalculation request covers them", async () => {
    stubSync(async () => syncSummaryOf(accountId, {}));
    const [{ id: fresh }] = await db
      .insert(schema.accounts)
      .values({ marketplace: "OZON", name: "New", source: "ui" })
      .returning({ id: schema.accounts.id });
    try {
      const t = new InngestTestEngine({
        function: syncNowFunction,
        events: [{ name: "sovani/sync.requested", data: { accountId: fresh, trigger: "manual" } }],
        steps: [{ id: `sync-store-${fresh}`, handler: () => ({ runs: 1 }) }, sentEvent],
      });
      const { ctx } = await t.execute();
      expect(ctx.step.invoke).toHaveBeenCalledWith(
        `sync-store-${fresh}`,
        expect.objectContaining({
          data: { accountId: fresh, marketplace: "OZON", from: "2026-09-01", to: TODAY, trigger: "manual" },
        }),
      );
      expect(ctx.step.sendEvent).toHaveBeenCalledWith(
        "request-recalculation",
        expect.objectContaining({ data: { from: "2026-09-01", to: TODAY, reason: "sync", trigger: "manual" } }),
      );
    } finally {
      await db.delete(schema.accounts).where(eq(schema.accounts.id, fresh));
    }
  });

  it("recalculate-metrics: metrics, then advice, then the daily summary, each a named step with counts", async () => {
    stubSync(async () => syncSummaryOf(accountId, {}));
    // demand and stock at WB's masked warehouse over the 28 days up to the advice day (YESTERDAY), planned
    // nationally with the default settings (lead time 14 d, cover 14 d, 95 %, no MOQ, case pack 1):
    // STEADY orders 2 a day with 10 on hand every day and 4 inbound today; GAP orders 3 a day with 20 on
    // hand for 18 days, then is out of stock for the last 10
    const masked = await insertWarehouse(db, "WB", "-999999");
    const steady = await insertSku(db, { marketplace: "WB", article: "STEADY", accountId });
    const gap = await insertSku(db, { marketplace: "WB", article: "GAP", accountId });
    for (let i = 0; i < 28; i++) {
      const d = addDays(YESTERDAY, i - 27);
      await db.execute(sql`insert into daily_orders (account_id, d, sku_id, warehouse_id, channel, ordered_qty)
        values (${accountId}, ${d}, ${steady}, ${masked}, 'FBO', 2)`);
      await db.execute(sql`insert into daily_stock (d, sku_id, warehouse_id, on_hand, in_transit, src_hash)
        values (${d}, ${steady}, ${masked}, 10, ${i === 27 ? 4 : 0}, 'x'),
               (${d}, ${gap}, ${masked}, ${i < 18 ? 20 : 0}, 0, 'x')`);
      if (i < 18)
        await db.execute(sql`insert into daily_orders (account_id, d, sku_id, warehouse_id, channel, ordered_qty)
          values (${accountId}, ${d}, ${gap}, ${masked}, 'FBO', 3)`);
    }
    const skuId = await insertSku(db, { marketplace: "WB", article: "JOB-1" });
    await insertCostPrice(db, skuId, "2026-01-01", "100.00");
    await insertSales(db, [
      {
        d: YESTERDAY,
        skuId,
        warehouseId: null,
        qty: 2,
        revenueGross: "1000.00",
        commissionAmount: "100.00",
        isSettled: true,
      },
    ]);
    const before = harness.fake.received.length;
    const t = new InngestTestEngine({
      function: recalculateMetricsFunction,
      events: [
        {
          name: "sovani/metrics.recalc.requested",
          data: { from: "2026-11-25", to: YESTERDAY, reason: "nightly", failures: [] },
        },
      ],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({
      // 4 days x 3 SKUs: JOB-1 sold, STEADY and GAP have stock on each day
      metrics: {
        runId: expect.any(Number),
        rows: 12,
        ms: expect.any(Number),
        skusMissingCost: 0,
        daysMissingCost: 0,
        daysCommissionEstimated: 0,
      },
      // one row per SKU with orders or stock at a real location: STEADY and GAP; JOB-1's settled sale has
      // neither, so no phantom "ship to a warehouse with no stock" row of the first formula
      advice: { rows: 2, toShip: 2 },
      notified: true,
    });
    expect((ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0])).toEqual([
      "recalculate-metrics",
      "generate-supply-advice",
      "prune-raw-records",
      "notify",
    ]);
    // STEADY: 56 units / 28 in-stock days = 2/day, flat (no trend, no season, σ 0: no safety stock);
    //   reorder point 2 x 14 = 28; position 10 on hand + 4 inbound = 14; need 28 + 2 x 14 cover - 14 = 42;
    //   reorder day ⌊(14 - 28) / 2⌋ = -7: order now, 7 days late. Nothing was lost: never out of stock.
    // GAP: 54 units / 18 in-stock days = 3/day (the 10 days out of stock are not zero demand); position 0,
    //   need 3 x 14 + 3 x 14 = 84; ⌊(0 - 42) / 3⌋ = -14; lost 10 days x 3 = 30 units.
    expect(
      rowsOf(
        await db.execute(sql`select s.article, a.location_kind, a.status, a.status_days, a.reorder_date::text as reorder_date,
            a.quantity, a.velocity::text as velocity, a.reorder_point::text as reorder_point, a.in_stock_days,
            a.out_of_stock_days, a.on_hand, a.inbound, a.lost_units::text as lost_units
          from restock_advice a join sku s on s.id = a.sku_id where a.d = ${YESTERDAY}::date order by s.article`),
      ),
    ).toEqual([
      {
        article: "GAP",
        location_kind: "national",
        status: "order_now",
        status_days: -14,
        reorder_date: YESTERDAY,
        quantity: 84,
        velocity: "3.0000",
        reorder_point: "42.00",
        in_stock_days: 18,
        out_of_stock_days: 10,
        on_hand: 0,
        inbound: 0,
        lost_units: "30.00",
      },
      {
        article: "STEADY",
        location_kind: "national",
        status: "order_now",
        status_days: -7,
        reorder_date: YESTERDAY,
        quantity: 42,
        velocity: "2.0000",
        reorder_point: "28.00",
        in_stock_days: 28,
        out_of_stock_days: 0,
        on_hand: 10,
        inbound: 4,
        lost_units: "0.00",
      },
    ]);
    expect(harness.fake.received.length).toBe(before + 1);
    // net sales 1000; payout 1000 - 100 commission = 900; profit 900 - 2 x 100 COGS = 700; margin 700 / 1000
    expect(harness.fake.received.at(-1)!.body.text).toContain("Net sales: 1 000 ₽");
    expect(harness.fake.received.at(-1)!.body.text).toContain("Gross profit: 700 ₽ (margin 70.0%)");
    const [row] = await db
      .select()
      .from(schema.metricsDaily)
      .where(eq(schema.metricsDaily.skuId, skuId))
      .orderBy(schema.metricsDaily.d)
      .limit(1);
    expect(row).toBeDefined();
  });

  it("recalculate-metrics: after a nightly with failed stores it sends the failures instead of the summary", async () => {
    stubSync(async () => syncSummaryOf(accountId, {}));
    const t = new InngestTestEngine({
      function: recalculateMetricsFunction,
      events: [
        {
          name: "sovani/metrics.recalc.requested",
          data: {
            from: YESTERDAY,
            to: YESTERDAY,
            reason: "nightly",
            failures: [{ what: "OZON Shop", error: "Ozon 500" }],
          },
        },
      ],
    });
    const before = harness.fake.received.length;
    const { result, error } = await t.execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ notified: true });
    expect(harness.fake.received.slice(before).map((r) => r.body.text)).toEqual([
      "<b>Sovani: nightly collection failed</b> (2026-11-28)\n• <b>OZON Shop</b>: Ozon 500",
    ]);
  });

  it("recalculate-metrics failure handler records the run failed", async () => {
    stubSync(async () => syncSummaryOf(accountId, {}));
    const jobRunId = await startYesterdayRun("recalc", "run-recalc-3");
    const { result } = await failureEngine(recalculateMetricsFunction, new Error("statement timeout")).execute({
      events: [
        {
          name: "inngest/function.failed",
          data: {
            function_id: "sovani-recalculate-metrics",
            run_id: "run-recalc-3",
            error: { message: "statement timeout" },
            event: {
              name: "sovani/metrics.recalc.requested",
              data: { from: YESTERDAY, to: YESTERDAY, reason: "sync" },
            },
          },
        },
      ],
    });
    expect(result).toEqual({ marked: 1, notified: false });
    const [run] = await db.select().from(schema.syncRuns).where(eq(schema.syncRuns.id, jobRunId));
    expect(run.status).toBe("failed");
  });
});
