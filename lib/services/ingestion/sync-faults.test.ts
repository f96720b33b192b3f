// Faults of the outside world, played by the emulator over real HTTP: replayed pages, out-of-order
// updates, malformed records, 429, 5xx bursts, slow responses, 401 and a 403 on Ozon reviews.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { businessToday } from "@/lib/domain/dates";
import { BIG_ACCRUAL_ID } from "@/lib/emulator/dataset";
import { type Emulator, type EmulatorFaults, type StartEmulatorOptions, startEmulator } from "@/lib/emulator/server";
import type { ResilienceOptions } from "@/lib/marketplaces/http/base-client";
import { syncStores } from "@/lib/services/sync-stores";
import { marketplaceConfigForEmulator } from "./config";
import { factsMatchingTruth, factsView, truthView } from "./testing/facts";
import type { Marketplace } from "@/db/schema";

const fast: ResilienceOptions = { rateLimits: false, initialDelayMs: 20, maxDelayMs: 200, timeoutMs: 5000 };
const today = businessToday("Europe/Moscow");
const small: StartEmulatorOptions = { seed: 11, skus: 6, days: 6, warehouses: 2, endDate: "2026-11-20" };

describe.each(testDatabaseKinds())("sync under faults on %s", (kind) => {
  const database = useTestDatabase(kind);
  const emulators: Emulator[] = [];
  beforeEach(async () => {
    await database.db.execute(
      sql`truncate daily_sales, daily_returns, order_lines, finance_lines, settlement_reports, daily_stock, reviews, raw_records, quarantine, sync_cursors, sync_source_status, sync_runs, sku, warehouse, accounts restart identity cascade`,
    );
  });
  afterAll(async () => {
    for (const e of emulators) await e.stop();
  });

  async function emulator(options: Partial<StartEmulatorOptions> = {}) {
    const e = await startEmulator({ ...small, ...options });
    emulators.push(e);
    return e;
  }
  const sync = (
    e: Emulator,
    extra: { sources?: string[]; resilience?: ResilienceOptions; marketplace?: Marketplace } = {},
  ) =>
    syncStores({
      db: database.db,
      from: e.truth.from,
      to: e.truth.to,
      trigger: "test",
      config: marketplaceConfigForEmulator(e),
      resilience: { ...fast, ...extra.resilience },
      sources: extra.sources,
      marketplace: extra.marketplace,
    });
  async function expectTruth(e: Emulator) {
    for (const marketplace of ["WB", "OZON"] as const) {
      const truth = truthView(marketplace === "WB" ? e.truth.wb : e.truth.ozon, today);
      const facts = await factsView(database.db, marketplace);
      const { actual, expected } = factsMatchingTruth(facts, truth);
      expect(actual, `${marketplace} facts`).toEqual(expected);
    }
  }
  const requestsTo = (e: Emulator, prefix: string, since = 0) =>
    e.requests.slice(since).filter((r) => r.path.startsWith(prefix));

  it("replayed pages, overlapping cursors and out-of-order updates end in the expected state", async () => {
    const faults: EmulatorFaults = { duplicatePages: true, outOfOrder: true };
    const e = await emulator({
      faults,
      pageSizes: { wbSales: 7, wbFinance: 9, ozonAccruals: 4, ozonPostings: 3, ozonReviews: 20 },
    });
    const summary = await sync(e);
    for (const r of summary.runs)
      for (const [name, s] of Object.entries(r.sources)) {
        expect(s.status, `${name}: ${s.error ?? ""}`).toBe("succeeded");
        expect(s.fetched).toBe(s.inserted + s.updated + s.unchanged + s.quarantined);
      }
    await expectTruth(e);
    // the replays really happened: some records were seen twice
    expect(summary.runs.find((r) => r.marketplace === "WB")!.sources.wb_sales.unchanged).toBeGreaterThan(0);
    // and a second pass over the same faults changes nothing
    e.setFaults(faults);
    const again = await sync(e);
    for (const r of again.runs)
      for (const s of Object.values(r.sources)) expect([s.inserted, s.updated]).toEqual([0, 0]);
    await expectTruth(e);
  });

  it("quarantines malformed records, counts them, and the rest still matches", async () => {
    const e = await emulator({ malformed: true });
    const summary = await sync(e);
    const wb = summary.runs.find((r) => r.marketplace === "WB")!;
    const ozon = summary.runs.find((r) => r.marketplace === "OZON")!;
    expect(wb.sources.wb_sales.quarantined).toBe(2);
    expect(wb.sources.wb_finance.quarantined).toBe(1);
    expect(ozon.sources.ozon_accruals.quarantined).toBe(1);
    // one broken order, from whichever WB method the orders source read
    expect(wb.sources.wb_orders.quarantined).toBe(1);
    for (const r of summary.runs)
      for (const s of Object.values(r.sources))
        expect(s.fetched).toBe(s.inserted + s.updated + s.unchanged + s.quarantined);
    expect(summary.ok).toBe(true);
    const rows = rowsOf<{ source: string; reason: string }>(
      await database.db.execute(sql`select source, reason from quarantine order by source, reason`),
    );
    expect(rows.map((r) => r.source.replace(/^wb_order_feed$/, "wb_orders"))).toEqual([
      "ozon_accruals",
      "wb_finance",
      "wb_orders",
      "wb_sales",
      "wb_sales",
    ]);
    expect(rows.find((r) => r.source === "wb_finance")!.reason).toMatch(/forPay/);
    await expectTruth(e);
    // the run's counts are recorded as they were reported
    const recorded = rowsOf<{ sources: Record<string, { quarantined: number }> }>(
      await database.db.execute(sql`select sources from sync_runs where id = ${wb.runId}`),
    );
    expect(recorded[0].sources.wb_sales.quarantined).toBe(2);
  });

  it("waits as long as X-Ratelimit-Retry / Retry-After says after a 429, sending nothing meanwhile", async () => {
    const e = await emulator({
      faults: { rateLimited: { count: 1, retryAfterSec: 1, path: "/api/v1/supplier/sales" } },
    });
    const summary = await sync(e, { sources: ["wb_sales"], marketplace: "WB" });
    expect(summary.ok).toBe(true);
    const calls = e.requests.filter((r) => r.vendor === "WB");
    expect(calls[0].status).toBe(429);
    expect(calls[1].t - calls[0].t).toBeGreaterThanOrEqual(1000);

    const o = await emulator({
      seed: 12,
      faults: { rateLimited: { count: 1, retryAfterSec: 1, path: "/v1/finance/accrual/by-day" } },
    });
    const ozonSummary = await sync(o, { sources: ["ozon_accruals"], marketplace: "OZON" });
    expect(ozonSummary.ok).toBe(true);
    const first429 = o.requests.findIndex((r) => r.status === 429);
    expect(o.requests[first429 + 1].t - o.requests[first429].t).toBeGreaterThanOrEqual(1000);
  });

  it("backs off with jitter through a short 5xx burst", async () => {
    const e = await emulator({ faults: { serverErrors: { count: 3, path: "/api/v1/supplier/sales" } } });
    const summary = await sync(e, {
      sources: ["wb_sales"],
      marketplace: "WB",
      resilience: { initialDelayMs: 40, maxDelayMs: 2000 },
    });
    expect(summary.ok).toBe(true);
    const calls = requestsTo(e, "/api/v1/supplier/sales");
    expect(calls.slice(0, 4).map((c) => c.status)).toEqual([503, 503, 503, 200]);
    const gaps = [1, 2, 3].map((i) => calls[i].t - calls[i - 1].t);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(10);
    // jittered: the waits are not one fixed number
    expect(new Set(gaps).size).toBeGreaterThan(1);
  });

  it("opens the circuit breaker on a long 5xx burst and the other sources still run", async () => {
    const e = await emulator({ faults: { serverErrors: { count: 1000, path: "/api/v1/supplier/sales" } } });
    const summary = await sync(e, {
      marketplace: "WB",
      resilience: { maxAttempts: 10, breakerFailures: 3, halfOpenAfterMs: 60_000, initialDelayMs: 5, maxDelayMs: 20 },
    });
    const wb = summary.runs[0];
    expect(wb.sources.wb_sales.status).toBe("failed");
    expect(wb.sources.wb_sales.error).toMatch(/circuit open/);
    expect(wb.sources.wb_sales.failure).toEqual({ kind: "circuit_open" });
    expect(requestsTo(e, "/api/v1/supplier/sales")).toHaveLength(3);
    expect(wb.sources.wb_finance.status).toBe("succeeded");
    expect(wb.sources.wb_daily_sales.status).toBe("skipped");
    // a derived source whose input failed leaves the run incomplete: partial, read from the typed reason
    expect(wb.sources.wb_daily_sales.skipped).toBe("inputs_failed");
    expect(wb.status).toBe("partial");
    expect(summary.ok).toBe(false);
  });

  it("retries a response slower than the timeout", async () => {
    const e = await emulator({ faults: { slow: { count: 1, delayMs: 1500, path: "/api/finance" } } });
    const summary = await sync(e, { sources: ["wb_finance"], marketplace: "WB", resilience: { timeoutMs: 300 } });
    expect(summary.ok).toBe(true);
    expect(requestsTo(e, "/api/finance").length).toBeGreaterThanOrEqual(2);
  });

  it("a 401 makes exactly one request and marks the store as needing attention", async () => {
    const e = await emulator({ faults: { unauthorized: "WB" } });
    const summary = await sync(e, { marketplace: "WB" });
    expect(summary.ok).toBe(false);
    expect(e.requests.filter((r) => r.vendor === "WB")).toHaveLength(1);
    const wb = summary.runs[0];
    expect(wb.status).toBe("failed");
    const failed = Object.values(wb.sources).filter((s) => s.status === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0].failure).toEqual({ kind: "credentials", status: 401 });
    // the sources after the rejection did not run, and say why in a field code reads
    expect(
      Object.values(wb.sources)
        .filter((s) => s.status === "skipped")
        .map((s) => s.skipped),
    ).toContain("credentials_rejected");
    const [account] = rowsOf<{ status: string; status_detail: string }>(
      await database.db.execute(sql`select status, status_detail from accounts where env_key = 'env:WB'`),
    );
    expect(account.status).toBe("needs_attention");
    expect(account.status_detail).toMatch(/401/);
    expect(account.status_detail).not.toContain(e.wbToken);

    const o = await emulator({ seed: 13, faults: { unauthorized: "OZON" } });
    const ozon = await sync(o, { marketplace: "OZON" });
    expect(ozon.ok).toBe(false);
    expect(o.requests.filter((r) => r.vendor === "OZON")).toHaveLength(1);
  });

  it("a 403 on Ozon reviews marks reviews unavailable and the run still succeeds", async () => {
    const e = await emulator({ faults: { ozonReviewsForbidden: true } });
    const summary = await sync(e, { marketplace: "OZON" });
    expect(summary.ok).toBe(true);
    const ozon = summary.runs[0];
    expect(ozon.status).toBe("succeeded");
    expect(ozon.sources.ozon_reviews.status).toBe("skipped");
    expect(ozon.sources.ozon_reviews.skipped).toBe("unavailable");
    expect(ozon.sources.ozon_accruals.status).toBe("succeeded");
    const [account] = rowsOf<{ reviews_available: boolean; status: string }>(
      await database.db.execute(sql`select reviews_available, status from accounts where env_key = 'env:OZON'`),
    );
    expect(account.reviews_available).toBe(false);
    expect(account.status).toBe("ok");
  });

  it("provisional rows give way to settled ones when the finance data arrives later", async () => {
    const e = await emulator({ seed: 17 });
    // first only the operational feeds: every day is provisional
    const early = await sync(e, {
      sources: ["wb_sales", "wb_daily_sales", "ozon_postings_fbo", "ozon_postings_fbs", "ozon_daily_sales"],
    });
    expect(early.ok).toBe(true);
    const provisional = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from daily_sales where not is_settled`),
    );
    expect(provisional[0].n).toBeGreaterThan(0);
    // then everything: settled values replace them, nothing is counted twice
    const full = await sync(e);
    expect(full.ok).toBe(true);
    expect(full.runs.find((r) => r.marketplace === "OZON")!.sources.ozon_daily_sales.warnings?.join(" ")).toMatch(
      /superseded rows removed/,
    );
    await expectTruth(e);
  });

  it("keeps the Moscow day, string money and a 2^53+1 id exact through the HTTP path", async () => {
    const e = await emulator({ seed: 5, skus: 10, days: 8 });
    const summary = await sync(e);
    expect(summary.ok).toBe(true);
    // a WB sale a few minutes before Moscow midnight: 20:5x UTC, still that day in Moscow
    const late = e.dataset.wb.sales
      .map((s) => s.json)
      .find((j) => String(j.saleID).startsWith("S") && String(j.date).slice(11) >= "23:50:00");
    expect(late, "the dataset has a sale just before midnight").toBeDefined();
    const [raw] = rowsOf<{ d: string }>(
      await database.db.execute(
        sql`select d::text as d from raw_records where source = 'wb_sales' and natural_key = ${String(late!.saleID)}`,
      ),
    );
    expect(raw.d).toBe(String(late!.date).slice(0, 10));
    // string money from the finance report, exactly
    const line = e.dataset.wb.finance.find((l) => l.docTypeName === "Продажа" && /\.\d[1-9]$/.test(String(l.forPay)))!;
    // forPay = the seller's price less commission and acquiring, which the line splits
    const [flow] = rowsOf<{ amount: string }>(
      await database.db.execute(
        sql`select (sales + commission + acquiring)::text as amount from finance_lines where line_key = ${String(line.rrdId)}`,
      ),
    );
    expect(flow.amount).toBe(String(line.forPay));
    // the accrual with id 2^53 + 1
    const [big] = rowsOf<{ line_key: string; advertising: string }>(
      await database.db.execute(
        sql`select line_key, advertising::text as advertising from finance_lines where line_key = ${BIG_ACCRUAL_ID}`,
      ),
    );
    expect(big).toEqual({ line_key: "9007199254740993", advertising: "-1870.00" });
    const [rawBig] = rowsOf<{ natural_key: string }>(
      await database.db.execute(
        sql`select natural_key from raw_records where source = 'ozon_accruals' and natural_key = ${BIG_ACCRUAL_ID}`,
      ),
    );
    expect(rawBig.natural_key).toBe(BIG_ACCRUAL_ID);
    // the unknown accrual type is kept as deductions_other with its id, and reported
    const [other] = rowsOf<{ source_type: string; amount: string }>(
      await database.db.execute(
        sql`select source_type, deductions_other::text as amount from finance_lines where source_type like '%999%'`,
      ),
    );
    expect(other.amount).toBe("-123.00");
    expect(summary.runs.find((r) => r.marketplace === "OZON")!.sources.ozon_accruals.warnings?.join(" ")).toMatch(
      /999/,
    );
  });
});
