// Dashboard page benchmark:  npx tsx scripts/bench/pages.ts [--skus 2000,10000 --stores 2,10 --days 400]
// (or npm run bench -- pages ...): each size in turn on its own database and server, then side by side.
// BENCH_PAGES="SKUs,Shell" runs only the pages whose names contain one of the words; BENCH_KEEP_DATABASE=1
// keeps the loaded database for EXPLAIN (BENCH_EXPLAIN=1 prints every page's plans and the SKU-day rows each read) and BENCH_REUSE_DATABASE=<its url>
// measures it again without loading (one size); BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
// profiles the server (every worker writes its own profile).
// Loads (by default) 2,000 SKUs in 2 stores x 400 days x 5 warehouses (sales and their finance lines; stock snapshots for the last 60 days) into a scratch PostgreSQL database (BENCH_DATABASE_URL,
// default postgres://postgres@127.0.0.1:5432/postgres; created and dropped here), derives the metrics
// and advice with the real services, starts the production build (NEXT_DIST_DIR, default .next-dash,
// rebuilt when missing or older than the sources) on it with the server `npm start` runs
// (scripts/server.mjs: WEB_CONCURRENCY workers, by default one per CPU up to 4 on PostgreSQL), signs in,
// and measures with autocannon (10 connections) the p95 server response time of
// Overview (30 and 365 days), the P&L statement (30 and 365 days), SKUs (page of 50 by profit, and
// filtered by text), SKU detail, cash flow and
// Restock, next to the p95 of each page's own SQL alone (the same lib/data queries, same run).
// The pages are loaded in two rounds. The first (BENCH_WARMUP seconds per page, default 10) meets a
// freshly started server: V8 is still compiling and optimising Next.js's and the app's code, which
// costs a page about a third more CPU per request for the first minute of load. Its p95 is printed as
// "fresh server". The second round (BENCH_DURATION seconds per page, default 10) is the server in
// service, and the targets apply to it. Keep the machine otherwise idle.
// Next to each page it prints the server's CPU time per request (from /proc: the server process and its
// workers; a worker renders one page at a time, so with 10 clients waiting p95 is roughly 10-13 times
// that divided by the workers the CPUs can run at once) and a reference
// row, the signed-in shell with no data (/settings/account), which is the framework's own floor in the
// same run. The machine's CPU pressure (/proc/pressure/cpu, "some avg10") is printed per page: on a
// shared host other tenants' load raises every number, and the ratios within one run still hold.
// It also prints each page's first-load JavaScript, gzipped. Targets: p95 <= 200 ms, JS <= 250 kB.
import "./allow-server-only";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { type SQL, sql } from "drizzle-orm";
import { type Db, openDatabase, rowsOf } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/db/scratch-database";
import { queryCashflowSummary, queryPayouts } from "@/lib/data/cashflow";
import { queryAttentionCounts, queryOverviewTiles, queryPnlSeries } from "@/lib/data/overview";
import { queryPnlStatement } from "@/lib/data/pnl";
import type { DashboardScope } from "@/lib/data/scope";
import { queryReorderSoon, queryRestockLocations, queryRestockPage, querySupplyPlans } from "@/lib/data/restock";
import {
  querySkuFilterOptions,
  querySkuHeader,
  querySkuPage,
  querySkuSeries,
  querySkuWarehouses,
} from "@/lib/data/skus";
import { addDays } from "@/lib/domain/dates";
import { isBuildStale } from "../build-freshness.mjs";
import { freePort } from "../free-port.mjs";
import { childPids, cpuTimeMs } from "../process-tree.mjs";
import { generateSupplyAdvice } from "@/lib/services/metrics/generate-supply-advice";
import { recalculateMetrics } from "@/lib/services/metrics/recalculate-metrics";
import { createUser } from "@/lib/services/users/create-user";
import { type BenchSize, parseBenchSizes, printSideBySide, sizeLabel } from "./size";

// autocannon ships no types: the slice of its API used here
interface AutocannonInstance extends PromiseLike<{ requests: { total: number }; errors: number; non2xx: number }> {
  on(event: "response", fn: (client: unknown, status: number, bytes: number, responseTime: number) => void): void;
}
const autocannon = createRequire(import.meta.url)("autocannon") as (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
}) => AutocannonInstance;

const WAREHOUSES = 5;
const TO = "2026-11-28";
export const PAGE_SIZES: BenchSize[] = [{ skus: 2000, stores: 2, days: 400 }];
/** stock snapshots exist only for the days a sync ran; the bench keeps the last 60 */
const STOCK_DAYS = 60;
const CONNECTIONS = 10;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
/** the first round's seconds per page: the server's JIT warm-up, reported apart from the measured round */
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 10);
const SQL_RUNS = 30;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function adminUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

/** Facts for SKUs x 5 warehouses x days, generated in SQL (deterministic); stores alternate WB and Ozon. */
export async function loadDataset(db: Db, size: BenchSize): Promise<void> {
  const t0 = Date.now();
  const FROM = addDays(TO, -(size.days - 1));
  await db.execute(sql`
    insert into accounts (marketplace, name, source)
    select case when i % 2 = 1 then 'WB' else 'OZON' end, 'Bench ' || case when i % 2 = 1 then 'WB' else 'Ozon' end || ' ' || (i + 1) / 2, 'ui'
    from generate_series(1, ${size.stores}::int) i`);
  await db.execute(sql`
    insert into warehouse (marketplace, code, name, kind)
    select m, 'bench-' || m || '-' || i, m || ' warehouse ' || i, 'FBO'
    from unnest(array['WB','OZON']) m cross join generate_series(1, ${WAREHOUSES}::int) i`);
  await db.execute(sql`
    insert into sku (account_id, marketplace, nm_id, ozon_id, article, name, brand, category)
    select a.id, a.marketplace,
      case when a.marketplace = 'WB' then 100000 + i end, case when a.marketplace = 'OZON' then 900000 + i end,
      'ART-' || lpad(i::text, 5, '0'), 'Product ' || i || ' ' || (array['mug','lamp','toy','scarf','book'])[1 + i % 5],
      'Brand ' || (i % 20), 'Category ' || (i % 15)
    from generate_series(1, ${size.skus}::int) i
    join (select id, marketplace, row_number() over (order by id) - 1 as n from accounts) a on a.n = i % ${size.stores}::int`);
  // ~35% of (day, sku, warehouse) sell 1-4 units; older days are settled with a known commission,
  // the last 10 days provisional (commission estimated from the rules, logistics from the settled days)
  await db.execute(sql`
    insert into daily_sales (account_id, d, sku_id, warehouse_id, qty, refunds_qty, provisional_qty, provisional_sales,
      unpriced_sales, sales, returns, commission, logistics, channel, is_settled)
    select s.account_id, g.d, s.id, w.id, q.qty, r.returned, case when q.settled then 0 else q.qty end,
      case when q.settled then 0 else q.qty * q.price - r.returned * q.price end,
      case when q.settled then 0 else q.qty * q.price - r.returned * q.price end,
      q.qty * q.price, -r.returned * q.price,
      case when q.settled then -round(q.qty * q.price * 0.21, 2) else 0 end,
      case when q.settled then -q.qty * 55 else 0 end,
      'FBO', q.settled
    from generate_series(${FROM}::date, ${TO}::date, '1 day') g(d)
    cross join sku s
    join warehouse w on w.marketplace = s.marketplace
    cross join lateral (select abs(hashtext(s.id || ':' || w.id || ':' || g.d)) as h) hh
    cross join lateral (select 1 + h % 4 as qty, 300 + s.id % 50 * 40 as price, g.d < ${TO}::date - 10 as settled) q
    cross join lateral (select case when h % 41 = 0 then 1 else 0 end as returned) r
    where h % 100 < 35`);
  // the settled sales' own finance lines, one per sale row as the marketplaces report them: the volume
  // the store-level reads below must not scan (the metrics come from daily_sales, as derived)
  await db.execute(sql`
    insert into finance_lines (account_id, marketplace, line_key, d, sku_id, warehouse_id, settles, qty, source_type,
      sales, returns, commission, logistics, src_hash)
    select ds.account_id, s.marketplace, 'bench-sale-' || ds.sku_id || '-' || ds.warehouse_id || '-' || ds.d, ds.d,
      ds.sku_id, ds.warehouse_id, 'sale', ds.qty, 'Продажа', ds.sales, ds.returns, ds.commission, ds.logistics, 'bench'
    from daily_sales ds join sku s on s.id = ds.sku_id
    where ds.is_settled`);
  // store-level lines: a storage charge per store and day, an advertising deduction per week
  await db.execute(sql`
    insert into finance_lines (account_id, marketplace, line_key, d, source_type, storage, advertising, src_hash)
    select a.id, a.marketplace, 'bench-' || a.id || '-' || g.d, g.d, 'bench',
      -(1500 + extract(day from g.d) * 10), case when extract(isodow from g.d) = 1 then -12000 else 0 end, 'bench'
    from accounts a cross join generate_series(${FROM}::date, ${TO}::date, '1 day') g(d)`);
  await db.execute(sql`
    insert into daily_stock (d, sku_id, warehouse_id, on_hand, in_transit, src_hash)
    select g.d, s.id, w.id, abs(hashtext(s.id || '/' || w.id || '/' || g.d)) % 120, case when (s.id + w.id) % 9 = 0 then 20 else 0 end, 'bench'
    from generate_series(${addDays(TO, -(STOCK_DAYS - 1))}::date, ${TO}::date, '1 day') g(d)
    cross join sku s join warehouse w on w.marketplace = s.marketplace`);
  await db.execute(sql`
    insert into cost_price_history (sku_id, dt_from, cost_price)
    select id, ${FROM}::date, round((300 + id % 50 * 40) * 0.45, 2) from sku where id % 10 <> 0`);
  await db.execute(sql`
    insert into commission_rules (marketplace, dt_from, rule_json)
    values ('WB', ${FROM}::date, '{"defaultPercent": 22, "categories": {}, "priceBands": []}'),
           ('OZON', ${FROM}::date, '{"defaultPercent": 19, "categories": {}, "priceBands": []}')`);
  await db.execute(sql`
    insert into reviews (review_id, marketplace, account_id, sku_id, created_at_utc, rating, has_media, text, reply_status, src_hash)
    select 'r' || s.id || '-' || k, s.marketplace, s.account_id, s.id, ${TO}::timestamptz - (k * 37 || ' hours')::interval,
      1 + (s.id + k) % 5, k % 4 = 0, 'Review ' || k, case when k % 3 = 0 then 'unanswered' else 'answered' end, 'bench'
    from sku s cross join generate_series(1, 5) k`);
  await db.execute(sql`analyze`);
  const counts = rowsOf<{ sales: number; stock: number }>(
    await db.execute(
      sql`select (select count(*) from daily_sales)::int as sales, (select count(*) from daily_stock)::int as stock`,
    ),
  )[0];
  console.log(
    `  facts: ${counts.sales.toLocaleString("en")} sales rows, ${counts.stock.toLocaleString("en")} stock rows (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
  const t1 = Date.now();
  // the real recalculation, in chunks of a quarter so each transaction stays moderate
  for (let from = FROM; from <= TO; from = addDays(from, 100)) {
    const to = addDays(from, 99) < TO ? addDays(from, 99) : TO;
    await recalculateMetrics({ db, from, to, aggrDaysWb: 14, aggrDaysOzon: 28, today: addDays(TO, 1) });
  }
  const advice = await generateSupplyAdvice({ db, d: TO });
  // as autovacuum would leave a settled database (visibility map set, statistics fresh), with the
  // load's dirty pages written out so the checkpointer does not compete with the measurement
  await db.execute(sql`vacuum analyze`);
  await db.execute(sql`checkpoint`).catch((error: Error) => console.log(`  (no checkpoint: ${error.message})`));
  console.log(`  metrics + advice: ${((Date.now() - t1) / 1000).toFixed(0)} s (${advice.rows} advice rows)`);
}

/** The tables with a row per SKU and day or finer: a page that reads all of a period's does not scale with SKUs. */
const SKU_DAY_TABLES = [
  "metrics_daily",
  "metrics_sku_cumulative",
  "daily_sales",
  "daily_stock",
  "daily_orders",
  "finance_lines",
  "order_lines",
  "restock_advice",
];

/** A Db whose every statement prints its EXPLAIN (ANALYZE, BUFFERS) and adds its SKU-day rows read to `read`. */
function explainingDb(db: Db, read: Map<string, number>): Db {
  const explaining = Object.create(db) as Db;
  explaining.execute = (async (query: SQL) => {
    const plan = rowsOf<{ "QUERY PLAN": string }>(await db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`));
    console.log(plan.map((r) => `    ${r["QUERY PLAN"]}`).join("\n"));
    for (const { "QUERY PLAN": line } of plan) {
      const table = SKU_DAY_TABLES.find((t) => new RegExp(`\\bon ${t}\\b`).test(line));
      const actual = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)/.exec(line);
      if (table && actual) read.set(table, (read.get(table) ?? 0) + Number(actual[1]) * Number(actual[2]));
    }
    return db.execute(query);
  }) as Db["execute"];
  return explaining;
}

/** Every statement of one page's reads, explained, then the SKU-day rows they read against the tables' sizes. */
async function explainPage(db: Db, name: string, run: (db: Db) => Promise<unknown>): Promise<void> {
  console.log(`  --- EXPLAIN ${name}`);
  const read = new Map<string, number>();
  await run(explainingDb(db, read));
  const sizes = rowsOf<{ relname: string; n: string }>(
    await db.execute(sql`select relname, n_live_tup::text as n from pg_stat_user_tables
      where relname = any(${`{${SKU_DAY_TABLES.join(",")}}`}::text[])`),
  );
  const size = (t: string) => Number(sizes.find((r) => r.relname === t)?.n ?? 0);
  const summary = SKU_DAY_TABLES.filter((t) => read.has(t)).map(
    (t) => `${t} ${read.get(t)!.toLocaleString("en")} of ${size(t).toLocaleString("en")}`,
  );
  console.log(`  SKU-day rows read by ${name}: ${summary.length ? summary.join(", ") : "none"}`);
}

/** EXPLAIN ANALYZE of every statement querySkuPage runs, for a kept period (all stores, one store, text) and a computed one. */
async function explainSkuPage(db: Db, kept: DashboardScope, computed: DashboardScope, storeId: number): Promise<void> {
  const read = new Map<string, number>();
  const explaining = explainingDb(db, read);
  const params = { page: 1, pageSize: 50, sort: "profit", dir: "desc" } as const;
  for (const [label, scope, filters, keepPeriod] of [
    ["kept period, all stores", kept, {}, true],
    ["kept period, one store", { ...kept, accountId: storeId }, {}, true],
    ["kept period, text filter", kept, { q: "lamp" }, true],
    ["requested period (180 days), kept on its first request", computed, {}, true],
    ["requested period (180 days), computed for one request while a recalculation runs", computed, {}, false],
  ] as const) {
    console.log(`  --- EXPLAIN SKU page, ${label}`);
    await querySkuPage(explaining, scope, filters, params, { keepPeriod });
  }
}

async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookies = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/overview` }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (status ${res.status})`);
  return [...cookies, session].join("; ");
}

/**
 * CPU time (user + system, ms) a process and its children (the server's workers) have used so far, or
 * null where /proc is not available.
 */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    let ms = cpuTimeMs(pid);
    for (const child of childPids(pid)) {
      try {
        ms += cpuTimeMs(child);
      } catch {
        // gone since the listing
      }
    }
    return ms;
  } catch {
    return null;
  }
}

/** The share of time some task waited for a CPU over the last 10 s (Linux PSI), or null. */
function cpuPressure(): number | null {
  try {
    const match = /some avg10=([\d.]+)/.exec(fs.readFileSync("/proc/pressure/cpu", "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

interface HttpResult {
  p95: number;
  p50: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** the server's CPU time per request, ms */
  cpuPerRequest: number | null;
  /** CPU pressure at the end of the measurement, % */
  pressure: number | null;
}

async function measureHttp(
  url: string,
  cookie: string,
  serverPid: number | undefined,
  seconds: number,
): Promise<HttpResult> {
  const times: number[] = [];
  const cpuBefore = processCpuMs(serverPid);
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { cookie } });
  instance.on("response", (_client, status, _bytes, responseTime) => {
    if (status === 200) times.push(responseTime);
  });
  const result = await instance;
  const cpuAfter = processCpuMs(serverPid);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p95: p95(times),
    p50: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    cpuPerRequest:
      cpuBefore !== null && cpuAfter !== null && result.requests.total > 0
        ? (cpuAfter - cpuBefore) / result.requests.total
        : null,
    pressure: cpuPressure(),
  };
}

async function measureSql(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await fn();
  for (let i = 0; i < SQL_RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return p95(times);
}

async function firstLoadJs(baseUrl: string, pagePath: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${baseUrl}${pagePath}`, { headers: { cookie } })).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]))];
  let total = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    total += zlib.gzipSync(body, { level: 9 }).length;
  }
  return total;
}

interface PageResult {
  /** HTTP p95; null for a measurement in SQL alone */
  p95: number | null;
  cpuPerRequest: number | null;
  sqlP95: number | null;
  pressure: number | null;
}

/** npm run bench -- pages [--skus ... --stores ... --days ...]: every size in turn, then side by side. */
export async function benchPages(argv: string[] = []): Promise<void> {
  const sizes = parseBenchSizes(argv, PAGE_SIZES);
  const results: Map<string, PageResult>[] = [];
  for (const size of sizes) results.push(await benchPagesSize(size));
  if (sizes.length < 2) return;
  const fmt = (v: number | null | undefined, unit = " ms") =>
    v === null || v === undefined ? "n/a" : `${v.toFixed(0)}${unit}`;
  const rows: [string, ...string[]][] = [];
  for (const name of results[0].keys()) {
    const at = results.map((r) => r.get(name));
    rows.push([`${name}: HTTP p95`, ...at.map((r) => fmt(r?.p95))]);
    rows.push([`  server CPU/req`, ...at.map((r) => fmt(r?.cpuPerRequest))]);
    rows.push([`  SQL alone p95`, ...at.map((r) => fmt(r?.sqlP95))]);
    rows.push([`  CPU pressure`, ...at.map((r) => fmt(r?.pressure, " %"))]);
  }
  console.log("\nPages, both sizes:");
  printSideBySide(sizes, rows);
}

async function benchPagesSize(size: BenchSize): Promise<Map<string, PageResult>> {
  const FROM = addDays(TO, -(size.days - 1));
  const results = new Map<string, PageResult>();
  // BENCH_REUSE_DATABASE=<url of a database a run kept with BENCH_KEEP_DATABASE=1> measures it again
  // without loading (loading the 10-store size takes about an hour; the measurement wants a quiet host)
  const reuseUrl = process.env.BENCH_REUSE_DATABASE || null;
  const scratch = reuseUrl ? null : await createScratchDatabase(adminUrl(), "sovani_bench_pages");
  const databaseUrl = reuseUrl ?? scratch!.url;
  const database = await openDatabase({ url: databaseUrl, maxConnections: 10 });
  let server: ReturnType<typeof spawn> | undefined;
  console.log(
    `\nDashboard pages: ${sizeLabel(size)} x ${WAREHOUSES} warehouses (from ${FROM}), ${CONNECTIONS} connections, ${DURATION_S} s per page`,
  );
  try {
    await migrateDatabase(database);
    const db = database.db;
    const [loaded] = rowsOf<{ skus: number; stores: number }>(
      await db.execute(
        sql`select (select count(*) from sku)::int as skus, (select count(*) from accounts)::int as stores`,
      ),
    );
    if (reuseUrl && loaded.skus > 0) {
      console.log(`  reusing ${loaded.skus} SKUs in ${loaded.stores} stores already loaded at ${reuseUrl}`);
      if (loaded.skus !== size.skus || loaded.stores !== size.stores)
        throw new Error(
          `the reused database holds ${loaded.skus} SKUs in ${loaded.stores} stores, not ${sizeLabel(size)}`,
        );
    } else await loadDataset(db, size);
    const email = `bench-${randomBytes(4).toString("hex")}@sovani.local`;
    const password = `bench-${randomBytes(8).toString("hex")}`;
    await createUser(db, { email, role: "owner", password, actor: null });
    const skuId = rowsOf<{ id: number }>(
      await db.execute(
        sql`select sku_id as id from metrics_daily where d = ${TO}::date order by qty desc, sku_id limit 1`,
      ),
    )[0].id;

    const distName = process.env.NEXT_DIST_DIR || ".next-dash";
    if (isBuildStale(root, path.join(root, distName))) {
      console.log(`  building into ${distName} (none yet, or the sources are newer)...`);
      const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, NEXT_DIST_DIR: distName, NODE_ENV: "production" },
      });
      if (build.status !== 0) throw new Error("next build failed");
    }
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (say) profiles the server while it serves
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
    // the server `npm start` runs, with its WEB_CONCURRENCY default unless the environment sets one
    server = spawn(process.execPath, [...nodeArgs, path.join(root, "scripts/server.mjs")], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: distName,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        LISTEN_HOST: "127.0.0.1",
        AUTH_SECRET: randomBytes(32).toString("base64"),
        APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        AUTH_TRUST_HOST: "true",
        LOG_LEVEL: "warn",
        // the nightly job would catch up 60 s after start (no nightly run on record) and recalculate in the
        // middle of a page's measurement
        EMBEDDED_SCHEDULER: "off",
        WB_API_TOKEN: "",
        OZON_CLIENT_ID: "",
        OZON_API_KEY: "",
      },
    });
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${baseUrl}/api/health`)).ok) break;
      } catch {
        // not up yet
      }
      if (i > 120) throw new Error("the server did not start");
      await new Promise((r) => setTimeout(r, 500));
    }
    const cookie = await signIn(baseUrl, email, password);

    const scope = (days: number) => ({ accountId: null, from: addDays(TO, -(days - 1)), to: TO });
    const q = `from=${scope(30).from}&to=${TO}`;
    const storeId = rowsOf<{ id: number }>(await db.execute(sql`select min(id)::int as id from accounts`))[0].id;
    // the Overview over `days`: its tiles, the P&L series, the attention counts and the SKUs to reorder soon
    const overviewCase = (days: number, path: string) => ({
      name: `Overview, ${days} days`,
      path,
      sql: (db: Db) =>
        Promise.all([
          queryOverviewTiles(db, scope(days)),
          queryPnlSeries(db, scope(days)),
          queryAttentionCounts(db, scope(days)),
          queryReorderSoon(db, TO, null, 7),
        ]),
    });
    const cases: { name: string; path: string; sql: ((db: Db) => Promise<unknown>) | null }[] = [
      // the framework's floor in this run: a signed-in page with the shell (sidebar, header) and no data
      { name: "Shell only (reference)", path: "/settings/account", sql: null },
      overviewCase(30, `/overview?${q}`),
      overviewCase(365, `/overview?from=${scope(365).from}&to=${TO}`),
      {
        name: "P&L statement, 30 days",
        path: `/pnl?${q}`,
        sql: (db) => queryPnlStatement(db, scope(30), {}),
      },
      {
        name: "P&L statement, 365 days",
        path: `/pnl?from=${scope(365).from}&to=${TO}`,
        sql: (db) => queryPnlStatement(db, scope(365), {}),
      },
      {
        name: "SKUs, 50 by profit",
        path: `/skus?${q}&sort=profit&dir=desc&size=50`,
        sql: (db) =>
          Promise.all([
            querySkuPage(db, scope(30), {}, { page: 1, pageSize: 50, sort: "profit", dir: "desc" }),
            querySkuFilterOptions(db, scope(30)),
          ]),
      },
      {
        name: "SKUs, text filter",
        path: `/skus?${q}&q=lamp&sort=profit&dir=desc&size=50`,
        sql: (db) =>
          Promise.all([
            querySkuPage(db, scope(30), { q: "lamp" }, { page: 1, pageSize: 50, sort: "profit", dir: "desc" }),
            querySkuFilterOptions(db, scope(30)),
          ]),
      },
      {
        name: "SKUs, one store, by profit",
        path: `/skus?${q}&store=${storeId}&sort=profit&dir=desc&size=50`,
        sql: (db) =>
          Promise.all([
            querySkuPage(
              db,
              { ...scope(30), accountId: storeId },
              {},
              { page: 1, pageSize: 50, sort: "profit", dir: "desc" },
            ),
            querySkuFilterOptions(db, { ...scope(30), accountId: storeId }),
          ]),
      },
      {
        // 180 days is no preset period (yesterday, 7 and 30 days, this and last month, this quarter): its
        // first request computes every SKU's row and keeps them (measured apart below), the others read them
        name: "SKUs, 180 days (kept on its first request)",
        path: `/skus?from=${scope(180).from}&to=${TO}&sort=profit&dir=desc&size=50`,
        sql: (db) =>
          Promise.all([
            querySkuPage(db, scope(180), {}, { page: 1, pageSize: 50, sort: "profit", dir: "desc" }),
            querySkuFilterOptions(db, scope(180)),
          ]),
      },
      {
        name: "SKU detail",
        path: `/skus/${skuId}?${q}`,
        sql: (db) =>
          Promise.all([
            querySkuHeader(db, skuId),
            querySkuSeries(db, skuId, scope(30)),
            querySkuWarehouses(db, skuId, TO),
          ]),
      },
      {
        name: "Cash flow, 30 days",
        path: `/cashflow?${q}`,
        sql: (db) => Promise.all([queryCashflowSummary(db, scope(30), "day"), queryPayouts(db, scope(30))]),
      },
      {
        name: "Restock",
        path: `/restock?${q}`,
        sql: (db) =>
          Promise.all([
            queryRestockPage(db, scope(30), {}, { page: 1, pageSize: 50, sort: "urgency", dir: "asc" }),
            queryRestockLocations(db, TO),
            querySupplyPlans(db),
          ]),
      },
    ];
    // BENCH_EXPLAIN=1 prints the plan of every SQL statement of every page, with the SKU-day rows each page read
    if (process.env.BENCH_EXPLAIN === "1") {
      for (const c of cases) if (c.sql) await explainPage(db, c.name, c.sql);
      await explainSkuPage(db, scope(30), scope(180), storeId);
    }
    // BENCH_PAGES="SKUs,Shell" measures only the pages whose names contain one of these words
    const only = (process.env.BENCH_PAGES ?? "")
      .split(",")
      .map((w) => w.trim().toLowerCase())
      .filter(Boolean);
    if (only.length > 0)
      cases.splice(0, cases.length, ...cases.filter((c) => only.some((w) => c.name.toLowerCase().includes(w))));
    const rows: string[][] = [];
    const ms = (value: number | null, digits = 1) => (value === null ? "n/a" : `${value.toFixed(digits)} ms`);
    // round 1: every page meets the freshly started server (recorded, not judged)
    const fresh = new Map<string, HttpResult>();
    for (const c of cases) {
      const check = await fetch(`${baseUrl}${c.path}`, { headers: { cookie } });
      if (check.status !== 200) throw new Error(`${c.path} answered ${check.status}`);
      await check.text();
      if (WARMUP_S > 0) fresh.set(c.name, await measureHttp(`${baseUrl}${c.path}`, cookie, server.pid, WARMUP_S));
    }
    if (WARMUP_S > 0)
      console.log(
        `  round 1 (fresh server, ${WARMUP_S} s per page) done; round 2 (measured, ${DURATION_S} s per page):`,
      );
    for (const c of cases) {
      const sqlP95 = c.sql ? await measureSql(() => c.sql!(db)) : null;
      const http = await measureHttp(`${baseUrl}${c.path}`, cookie, server.pid, DURATION_S);
      const js = await firstLoadJs(baseUrl, c.path, cookie);
      const first = fresh.get(c.name);
      results.set(c.name, { p95: http.p95, cpuPerRequest: http.cpuPerRequest, sqlP95, pressure: http.pressure });
      rows.push([
        c.name,
        `${http.p95.toFixed(0)} ms`,
        `${http.p50.toFixed(0)} ms`,
        ms(http.cpuPerRequest),
        c.sql ? ms(sqlP95) : "-",
        `${(js / 1024).toFixed(0)} kB`,
        String(http.requests),
        http.pressure === null ? "n/a" : `${http.pressure.toFixed(0)} %`,
        first ? `${first.p95.toFixed(0)} ms / ${ms(first.cpuPerRequest)}` : "-",
        http.errors || http.non2xx || first?.errors || first?.non2xx
          ? `${http.errors + (first?.errors ?? 0)} errors, ${http.non2xx + (first?.non2xx ?? 0)} non-2xx`
          : "",
        !c.sql ? "reference" : http.p95 <= 200 && js <= 250 * 1024 ? "ok" : "OVER TARGET",
      ]);
      console.log(
        `  ${c.name}: p95 ${http.p95.toFixed(0)} ms, server CPU ${ms(http.cpuPerRequest)}/request` +
          `${c.sql ? ` (SQL alone p95 ${ms(sqlP95)})` : ""}, first-load JS ${(js / 1024).toFixed(0)} kB gzip` +
          `${first ? `; fresh server p95 ${first.p95.toFixed(0)} ms, ${ms(first.cpuPerRequest)}/request` : ""}`,
      );
    }
    // a period nobody asked for yet: its first request computes every SKU's row and keeps them; while
    // a recalculation runs, each request computes it alone. Both in SQL, one request at a time.
    if (cases.some((c) => c.name.startsWith("SKUs"))) {
      const params = { page: 1, pageSize: 50, sort: "profit", dir: "desc" } as const;
      const firstRequests: number[] = [];
      for (let i = 1; i <= SQL_RUNS; i++) {
        const requested = { ...scope(180), from: addDays(scope(180).from, -i) };
        const t = performance.now();
        await querySkuPage(db, requested, {}, params);
        firstRequests.push(performance.now() - t);
      }
      const alone = await measureSql(() => querySkuPage(db, scope(180), {}, params, { keepPeriod: false }));
      for (const [name, value] of [
        ["SKUs, a period's first request (computes and keeps it)", p95(firstRequests)],
        ["SKUs, a period computed per request (while a recalculation runs)", alone],
      ] as const) {
        results.set(name, { p95: null, cpuPerRequest: null, sqlP95: value, pressure: null });
        rows.push([name, "-", "-", "-", ms(value), "-", String(SQL_RUNS), "-", "-", "", "SQL only"]);
      }
    }
    const header = [
      "page",
      "HTTP p95",
      "HTTP p50",
      "server CPU/req",
      "SQL alone p95",
      "JS gzip",
      "requests",
      "CPU pressure",
      "fresh server: p95 / CPU",
      "errors",
      "target",
    ];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
    console.log(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}\n${rows.map(line).join("\n")}`);
    console.log(
      `(targets: HTTP p95 <= 200 ms with ${CONNECTIONS} concurrent signed-in clients; first-load JS <= 250 kB gzip)`,
    );
    console.log(
      "(server CPU/req: the server's CPU time per request, all workers; one worker renders one page at a time, so p95 is roughly " +
        `${CONNECTIONS}-${CONNECTIONS + 3} times it over the workers the CPUs run at once. CPU pressure: share of time tasks waited for a CPU, from other load on the host too.` +
        ` Fresh server: the same page in round 1, while V8 was still optimising the server's code)`,
    );
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
    }
    await database.close();
    // BENCH_KEEP_DATABASE=1 leaves the loaded database for EXPLAIN and profiling
    if (reuseUrl) console.log(`  database left as it was found: ${databaseUrl}`);
    else if (process.env.BENCH_KEEP_DATABASE === "1") console.log(`  database kept: ${databaseUrl}`);
    else await scratch!.drop();
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchPages(process.argv.slice(2)).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
