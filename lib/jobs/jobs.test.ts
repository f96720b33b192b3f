// The jobs without an Inngest server: the nightly run, "Sync now" (inline and via an event), and
// the embedded scheduler with its lease.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { Inngest } from "inngest";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf, schema } from "@/db";
import { addDays } from "@/lib/domain/dates";
import { insertWarehouse } from "@/lib/testing/fixtures";
import { useTestDatabase } from "@/lib/testing/database";
import { AuthError } from "@/lib/marketplaces/http/errors";
import type { SyncSummary } from "@/lib/services/sync-stores";
import { withJobLock } from "./job-lock";
import { INITIAL_HISTORY_DAYS, planCollection } from "./plan-collection";
import { requestSync } from "./request-sync";
import { COLLECT_LOCK, runNightly } from "./run-nightly";
import { nightlyCollectJob } from "./nightly-collect";
import { isNightlyOverdue, NIGHTLY_PATTERN, NIGHTLY_TIMEZONE, startEmbeddedScheduler } from "./scheduler";
import { insertSoldSku, insertSyncedStores, jobTestHarness, latestJobRun, syncSummaryOf } from "./testing/job-deps";

const TODAY = "2026-11-29";
const YESTERDAY = "2026-11-28";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ok = (accountId: number): SyncSummary =>
  syncSummaryOf(accountId, { wb_sales: { status: "succeeded", inserted: 1 } });

describe("jobs without Inngest", () => {
  const { db } = useTestDatabase();
  const harness = jobTestHarness({ db: () => db, today: TODAY });
  const { calls, stubSync } = harness;
  let wb: number;
  let ozon: number;

  beforeAll(async () => {
    // both stores synced before (their history is loaded); the first-sync test adds a new one
    ({ wb, ozon } = await insertSyncedStores(db, "2026-10-31"));
    const sold = await insertSoldSku(db, { accountId: wb, article: "N-1", d: YESTERDAY, qty: 3 });
    // its orders and stock, the restock plan's demand: 3 ordered a day for the 28 days up to YESTERDAY at
    // WB's masked warehouse (one WB FBO row, planned nationally) with 30 on hand at every day's end
    const masked = await insertWarehouse(db, "WB", "-999999");
    for (let i = 0; i < 28; i++) {
      const d = addDays(YESTERDAY, i - 27);
      await db.execute(sql`insert into daily_orders (account_id, d, sku_id, warehouse_id, channel, ordered_qty)
        values (${wb}, ${d}, ${sold}, ${masked}, 'FBO', 3)`);
      await db.execute(sql`insert into daily_stock (d, sku_id, warehouse_id, on_hand, in_transit, src_hash)
        values (${d}, ${sold}, ${masked}, 30, 0, 'x')`);
    }
  });

  it("runNightly: syncs every store for yesterday, recalculates 35 days, sends the daily summary", async () => {
    stubSync(async (o) => ok(o.accountIds![0]));
    const result = await runNightly({ trigger: "schedule" });
    expect(calls.map((c) => [c.accountIds, c.from, c.to, c.trigger])).toEqual([
      [[wb], "2026-11-22", YESTERDAY, "schedule"],
      [[ozon], "2026-11-22", YESTERDAY, "schedule"],
    ]);
    expect(result).toMatchObject({
      day: YESTERDAY,
      stores: 2,
      synced: 2,
      failures: [],
      metricsRows: 35,
      adviceRows: 1,
      notified: true,
    });
    // the advice of YESTERDAY with the default settings (lead time 14 d, cover 14 d, 95 %): 84 units / 28
    // in-stock days = 3/day, flat, σ 0 so no safety stock; reorder point 3 x 14 = 42 above the 30 on hand:
    // ⌊(30 - 42) / 3⌋ = -4, order now, 4 days late; need 42 + 3 x 14 cover - 30 = 54
    expect(
      rowsOf(
        await db.execute(sql`select location_kind, location_key, status, status_days, reorder_date::text as reorder_date,
          quantity, velocity::text as velocity, in_stock_days, on_hand from restock_advice where d = ${YESTERDAY}::date`),
      ),
    ).toEqual([
      {
        location_kind: "national",
        location_key: "WB-FBO",
        status: "order_now",
        status_days: -4,
        reorder_date: YESTERDAY,
        quantity: 54,
        velocity: "3.0000",
        in_stock_days: 28,
        on_hand: 30,
      },
    ]);
    // net sales are the seller's price less returns, before the 300 commission
    expect(harness.fake.received.at(-1)!.body.text).toContain("Net sales: 3 000 ₽");
    const [run] = await db.select().from(schema.syncRuns).where(eq(schema.syncRuns.id, result.jobRunId));
    expect(run).toMatchObject({ kind: "nightly", trigger: "schedule", status: "succeeded" });
    const recalc = await latestJobRun(db, "recalc");
    expect(recalc).toMatchObject({ status: "succeeded", dateFrom: "2026-10-25", dateTo: YESTERDAY });
  });

  it("runNightly: a rejected store is reported by Telegram, the other store and the recalculation still run", async () => {
    stubSync(async (o) => {
      if (o.accountIds![0] === ozon) throw new AuthError("OZON", 403, "missing_scope", "no finance scope");
      return ok(o.accountIds![0]);
    });
    const result = await runNightly();
    expect(result.synced).toBe(1);
    expect(result.failures).toEqual([
      {
        what: "OZON Shop",
        error: "OZON rejected the credentials (403 missing_scope): no finance scope",
        failure: { kind: "scope_missing", status: 403 },
      },
    ]);
    expect(result.metricsRows).toBe(35);
    expect(harness.fake.received.at(-1)!.body.text).toBe(
      "<b>Sovani: nightly collection failed</b> (2026-11-28)\n• <b>OZON Shop</b>: OZON rejected the credentials (403 missing_scope): no finance scope",
    );
    const [run] = await db.select().from(schema.syncRuns).where(eq(schema.syncRuns.id, result.jobRunId));
    expect(run.status).toBe("partial");
  });

  it("requestSync inline: runs in the background under the collect lease; a second click meanwhile is refused", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    stubSync(async (o) => {
      await gate;
      return ok(o.accountIds![0]);
    });
    const first = await requestSync({ mode: "inline", accountId: wb });
    expect(first).toMatchObject({ mode: "inline", started: true });
    const second = await requestSync({ mode: "inline" });
    expect(second).toEqual({
      mode: "inline",
      started: false,
      reason: "a sync or the nightly run is already in progress",
    });
    release();
    const done = await (first as Extract<typeof first, { started: true }>).done;
    // 35 days recalculated: the 3 synced, within the settlement window and the 14 days before it
    expect(done).toEqual({ stores: 1, synced: 1, failures: [], metricsRows: 35 });
    expect(calls.map((c) => [c.accountIds, c.from, c.to, c.trigger])).toEqual([[[wb], "2026-11-27", TODAY, "manual"]]);
    // the lease is free again
    const third = await requestSync({ mode: "inline", accountId: wb });
    expect(third).toMatchObject({ started: true });
    await (third as Extract<typeof third, { started: true }>).done;
  });

  it("requestSync with Inngest: sends sovani/sync.requested and runs nothing here", async () => {
    stubSync(async (o) => ok(o.accountIds![0]));
    const received: { url: string; body: unknown }[] = [];
    const server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        received.push({ url: req.url ?? "", body: JSON.parse(raw) });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ids: ["01EVENT"], status: 200 }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const client = new Inngest({
        id: "sovani-test",
        eventKey: "test-key",
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        isDev: false,
      });
      const result = await requestSync({ mode: "inngest", accountId: wb, client });
      expect(result).toEqual({ mode: "inngest", eventIds: ["01EVENT"] });
      expect(received).toHaveLength(1);
      expect(received[0].url).toBe("/e/test-key");
      expect(received[0].body).toEqual([
        expect.objectContaining({ name: "sovani/sync.requested", data: { accountId: wb, trigger: "manual" } }),
      ]);
      expect(calls).toEqual([]);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it("a new store's first sync loads 90 days, whoever starts it, and the recalculation covers them", async () => {
    const [{ id: fresh }] = await db
      .insert(schema.accounts)
      .values({ marketplace: "WB", name: "New", source: "ui" })
      .returning({ id: schema.accounts.id });
    try {
      expect(INITIAL_HISTORY_DAYS).toBe(90);
      // the nightly run: the synced stores catch up their last 7 days, the new one loads its history
      stubSync(async (o) => ok(o.accountIds![0]));
      const nightly = await runNightly({ trigger: "schedule" });
      expect(calls.map((c) => [c.accountIds, c.from, c.to])).toEqual([
        [[wb], "2026-11-22", YESTERDAY],
        [[ozon], "2026-11-22", YESTERDAY],
        [[fresh], "2026-08-31", YESTERDAY],
      ]);
      const recalc = () => latestJobRun(db, "recalc");
      expect(await recalc()).toMatchObject({ dateFrom: "2026-08-31", dateTo: YESTERDAY });
      const [nightlyRun] = await db.select().from(schema.syncRuns).where(eq(schema.syncRuns.id, nightly.jobRunId));
      expect(nightlyRun).toMatchObject({ dateFrom: "2026-08-31", dateTo: YESTERDAY });

      // the fake sync writes no sync_runs: the store is still new for "Sync now", which loads 90 days too
      calls.length = 0;
      const first = await requestSync({ mode: "inline" });
      expect(await (first as Extract<typeof first, { started: true }>).done).toMatchObject({
        stores: 3,
        synced: 3,
        metricsRows: 90,
      });
      expect(calls.map((c) => [c.accountIds, c.from, c.to])).toEqual([
        [[wb], "2026-11-27", TODAY],
        [[ozon], "2026-11-27", TODAY],
        [[fresh], "2026-09-01", TODAY],
      ]);
      expect(await recalc()).toMatchObject({ dateFrom: "2026-09-01", dateTo: TODAY });

      // npm run sync: the same job for one marketplace's stores, exactly the days asked, even a first sync
      calls.length = 0;
      const cli = await requestSync({
        mode: "inline",
        marketplace: "WB",
        from: "2026-11-20",
        to: TODAY,
        history: false,
        trigger: "cli",
      });
      expect(await (cli as Extract<typeof cli, { started: true }>).done).toMatchObject({ stores: 2, synced: 2 });
      expect(calls.map((c) => [c.accountIds, c.from, c.to, c.trigger])).toEqual([
        [[wb], "2026-11-20", TODAY, "cli"],
        [[fresh], "2026-11-20", TODAY, "cli"],
      ]);

      // a failed first sync leaves the store new; a partial one (some sources loaded) does not
      await db.insert(schema.syncRuns).values({
        accountId: fresh,
        kind: "sync",
        trigger: "manual",
        status: "failed",
        dateFrom: "2026-09-01",
        dateTo: TODAY,
      });
      expect((await planCollection({ db, to: TODAY, accountId: fresh }))[0]).toMatchObject({
        from: "2026-09-01",
        firstSync: true,
      });
      await db.insert(schema.syncRuns).values({
        accountId: fresh,
        kind: "sync",
        trigger: "manual",
        status: "partial",
        dateFrom: "2026-09-01",
        dateTo: TODAY,
      });
      expect((await planCollection({ db, to: TODAY, accountId: fresh }))[0]).toMatchObject({
        from: "2026-11-23",
        firstSync: false,
      });
      // an explicit range (Load history) is kept as asked
      expect((await planCollection({ db, from: "2026-06-01", to: TODAY, accountId: fresh }))[0]).toMatchObject({
        from: "2026-06-01",
        to: TODAY,
      });
    } finally {
      await db.delete(schema.accounts).where(eq(schema.accounts.id, fresh));
    }
  });

  it("scheduler: runs nightly-collect at 02:00 UTC, the schedule Inngest's cron reads from the same definition", () => {
    expect(NIGHTLY_PATTERN).toBe("0 0 2 * * *");
    expect(NIGHTLY_TIMEZONE).toBe("UTC");
    expect(nightlyCollectJob.schedule).toMatchObject({ cron: "0 2 * * *", timeZone: "UTC" });
  });

  it("scheduler: not started when Inngest is configured", () => {
    expect(startEmbeddedScheduler({ inngestConfigured: true })).toBeNull();
  });

  it("scheduler: ticks run under the lease, never overlapping another process holding it", async () => {
    stubSync(async (o) => ok(o.accountIds![0]));
    const intervals: { who: string; start: number; end: number }[] = [];
    const work = (who: string, ms: number) => async () => {
      const start = Date.now();
      await sleep(ms);
      intervals.push({ who, start, end: Date.now() });
    };
    const scheduler = startEmbeddedScheduler({
      pattern: "* * * * * *",
      job: work("scheduler", 1200),
      lockTtlMs: 3000,
      catchUpDelayMs: null,
      inngestConfigured: false,
    })!;
    expect(scheduler).not.toBeNull();
    // calling again reuses the running scheduler
    expect(startEmbeddedScheduler({ inngestConfigured: false })).toBe(scheduler);
    expect(scheduler.nextRun()!.getTime() - Date.now()).toBeLessThanOrEqual(1000);
    // "another process": tries the same lease every 150 ms for at least 4 s, and on a loaded machine (where
    // the ticks drift) until it has both met the scheduler's lease and the scheduler has run, or 15 s passed
    const atLeast = Date.now() + 4000;
    const atMost = Date.now() + 15_000;
    let otherRuns = 0;
    let otherSkips = 0;
    const schedulerRan = () => intervals.some((i) => i.who === "scheduler");
    while (Date.now() < atLeast || (Date.now() < atMost && (otherSkips === 0 || !schedulerRan()))) {
      const outcome = await withJobLock(
        { db, name: COLLECT_LOCK, holder: "other-process", ttlMs: 3000 },
        work("other", 200),
      );
      if (outcome.ran) otherRuns += 1;
      else otherSkips += 1;
      await sleep(150);
    }
    scheduler.stop();
    await sleep(1300);
    const mine = intervals.filter((i) => i.who === "scheduler");
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(otherSkips).toBeGreaterThan(0);
    expect(otherRuns + mine.length).toBeGreaterThan(1);
    const sorted = [...intervals].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i].start, "runs overlap").toBeGreaterThanOrEqual(sorted[i - 1].end);
    // a tick while the lease is held elsewhere does not run
    const again = startEmbeddedScheduler({
      pattern: "0 0 2 * * *",
      job: work("scheduler", 10),
      catchUpDelayMs: null,
      inngestConfigured: false,
    })!;
    const held = await withJobLock({ db, name: COLLECT_LOCK, holder: "other-process" }, () => again.runNow());
    expect(held).toEqual({ ran: true, result: false });
    expect(await again.runNow()).toBe(true);
    again.stop();
  }, 30_000);

  it("scheduler: a nightly run missed while the server was down is caught up after start", async () => {
    // the catch-up reads the database through jobDeps: point it at the test database, not ./.data
    stubSync(async (o) => ok(o.accountIds![0]));
    await db.delete(schema.syncRuns).where(eq(schema.syncRuns.kind, "nightly"));
    expect(await isNightlyOverdue(db)).toBe(true);
    let ran = 0;
    const scheduler = startEmbeddedScheduler({
      job: async () => void (ran += 1),
      catchUpDelayMs: 10,
      inngestConfigured: false,
    })!;
    // the catch-up queries the database and takes the lease: give a loaded machine up to 15 s
    for (let i = 0; i < 750 && ran === 0; i++) await sleep(20);
    scheduler.stop();
    expect(ran).toBe(1);
    await db.insert(schema.syncRuns).values({ kind: "nightly", trigger: "schedule", status: "succeeded" });
    expect(await isNightlyOverdue(db)).toBe(false);
  });
});
