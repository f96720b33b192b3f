// A local HTTP server that speaks the WB and Ozon seller endpoints Sovani uses, in their documented
// shapes (auth headers, paging, cursors, 204/empty ends, error bodies), over a seeded dataset.
// Faults are switchable per run. Used by tests, the demo and benchmarks.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import type { Marketplace } from "@/db/schema/accounts";
import {
  addDaysIso,
  buildDataset,
  mskWallOfMs,
  rubStr,
  wbFinancePublishMs,
  wbOrderFeedRow,
  wbOrderRow,
  wbOrderStatusAt,
  type Dataset,
  type DatasetOptions,
  type Truth,
} from "./dataset";

export interface EmulatorFaults {
  /** the next `count` matching requests get 429 with a wait of retryAfterSec */
  rateLimited?: { count: number; retryAfterSec: number; header?: "Retry-After" | "X-Ratelimit-Retry"; path?: string };
  /** the next `count` matching requests get a 5xx */
  serverErrors?: { count: number; status?: number; path?: string };
  /** the next `count` matching requests answer after delayMs */
  slow?: { count: number; delayMs: number; path?: string };
  /** every request of that marketplace is refused as unauthorized */
  unauthorized?: Marketplace;
  /** the Ozon seller has no reviews subscription: 403 on /v2/review/list */
  ozonReviewsForbidden?: boolean;
  /** each paged endpoint answers a new page request with the previous page once */
  duplicatePages?: boolean;
  /** WB sales: older versions of changed rows are served again after the newer ones */
  outOfOrder?: boolean;
  /** WB answers the order feed with 404 (not enabled for the seller, or retired) */
  wbOrderFeedOff?: boolean;
  /** Ozon answers the beta local-sale methods with 404, as for a method it does not serve */
  ozonLocalSaleOff?: boolean;
}

export interface EmulatorPageSizes {
  wbSales?: number;
  wbOrders?: number;
  wbFinance?: number;
  wbStocks?: number;
  wbCards?: number;
  ozonAccruals?: number;
  ozonPostings?: number;
  ozonProducts?: number;
  ozonReviews?: number;
  ozonFbsStocks?: number;
}

export interface StartEmulatorOptions extends DatasetOptions {
  port?: number;
  host?: string;
  faults?: EmulatorFaults;
  /** enforce the documented rate limits, sped up by `speedup` (default 60: 1/min becomes 1/s) */
  rateLimits?: boolean | { speedup?: number };
  pageSizes?: EmulatorPageSizes;
  /** how long an accrual by-day last_id stays valid (Ozon: 15 minutes); an older one gets 400 */
  ozonLastIdTtlMs?: number;
  /**
   * the marketplaces' clock (ISO instant): only what is published by then is served. Default: the day after
   * the data's end, 03:00 Moscow (`dataset.options.defaultNow`): WB finance is published up to the day before
   * the last, the last day's late sales money is not filled in yet, Ozon has accrued every delivery.
   */
  now?: string;
}

export interface RequestLogEntry {
  t: number;
  method: string;
  path: string;
  status: number;
  vendor: Marketplace;
}

/** A review reply the emulator accepted (WB answer or edit, Ozon comment), in arrival order. */
export interface RecordedReply {
  marketplace: Marketplace;
  kind: "answer" | "edit" | "comment";
  reviewId: string;
  text: string;
  /** false when the marketplace answered success but changed nothing (WB: unknown id, second edit) */
  applied: boolean;
}

export interface Emulator {
  url: string;
  wbToken: string;
  /** a WB token with the same categories, read-only: every write gets 403 */
  wbReadOnlyToken: string;
  /** accepted review replies; also served at GET /__emulator/replies for out-of-process tests */
  replies: RecordedReply[];
  ozonClientId: string;
  ozonApiKey: string;
  /** the truth at the emulator's clock */
  readonly truth: Truth;
  /** the emulator's clock (ISO instant) */
  readonly now: string;
  /** move the clock (forward or back): what is served and `truth` follow it */
  setNow(iso: string): void;
  advanceDays(n: number): void;
  dataset: Dataset;
  requests: RequestLogEntry[];
  setFaults(faults: EmulatorFaults): void;
  stop(): Promise<void>;
}

/** documented budgets: interval between calls (ms) and burst */
const WB_LIMITS: Record<string, [number, number]> = {
  sales: [60_000, 1],
  orders: [60_000, 10],
  orderFeed: [60_000, 1],
  legacy: [60_000, 1],
  finance: [60_000, 1],
  stocks: [20_000, 1],
  stocksProducts: [20_000, 3],
  feedbacks: [333, 6],
  content: [600, 5],
  ping: [10_000, 3],
};
const OZON_LIMIT: [number, number] = [20, 50];

class Bucket {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly intervalMs: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  /** 0 when a call is allowed now, else ms until it is */
  take(): number {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) / this.intervalMs);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.tokens) * this.intervalMs);
  }
}

function mskWallOf(value: string): string {
  // "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS[.fff]" (Moscow) or with Z / offset
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00`;
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) return "";
    return new Date(ms + 3 * 3600_000).toISOString().slice(0, 19);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value)) return value.slice(0, 19);
  return "";
}

/**
 * v4 FBS names the posting's warehouse `analytics_data.warehouse` (official example), v3 `warehouse_name`;
 * a v4 posting has no `created_at` (official example and schema)
 */
function asV4Fbs(posting: Record<string, unknown>): Record<string, unknown> {
  const { created_at: _created, ...v4 } = posting;
  const analytics = posting.analytics_data as Record<string, unknown> | null | undefined;
  if (!analytics || !("warehouse_name" in analytics)) return v4;
  const { warehouse_name: warehouse, ...rest } = analytics;
  return { ...v4, analytics_data: { ...rest, warehouse } };
}

/** Ozon's opaque page cursors: the emulator's are the next page's offset, base64url-encoded. */
function offsetOfCursor(cursor: unknown): number {
  return cursor ? Number(Buffer.from(String(cursor), "base64url").toString()) : 0;
}

/** `limit` items of `list` from `offset`, whether more follow, and the cursor of the next page ("" at the end). */
function offsetPage<T>(list: T[], offset: number, limit: number) {
  const hasNext = offset + limit < list.length;
  const cursor = hasNext ? Buffer.from(String(offset + limit)).toString("base64url") : "";
  return { page: list.slice(offset, offset + limit), hasNext, cursor };
}

/** JSON with Ozon's int64 ids written as bare numbers, as the real API does */
function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"accrual_id":"(\d+)"/g, '"accrual_id":$1');
}

export async function startEmulator(options: StartEmulatorOptions): Promise<Emulator> {
  const dataset = buildDataset(options);
  const wbToken = `wb-emulator-token-${options.seed}`;
  const wbReadOnlyToken = `wb-emulator-readonly-token-${options.seed}`;
  const ozonClientId = String(100_000 + options.seed);
  const ozonApiKey = `ozon-emulator-key-${options.seed}`;
  const pages: Required<EmulatorPageSizes> = {
    wbSales: 80_000,
    wbOrders: 80_000,
    wbFinance: 100_000,
    wbStocks: 250_000,
    wbCards: 100,
    ozonAccruals: 1000,
    ozonPostings: 100,
    ozonProducts: 1000,
    ozonReviews: 100,
    ozonFbsStocks: 1000,
    ...options.pageSizes,
  };
  let faults: EmulatorFaults = structuredClone(options.faults ?? {});
  const requests: RequestLogEntry[] = [];
  const speedup = options.rateLimits
    ? typeof options.rateLimits === "object"
      ? (options.rateLimits.speedup ?? 60)
      : 60
    : 0;
  const buckets = new Map<string, Bucket>();
  const lastPage = new Map<string, { key: string; body: string; status: number }>();
  const lastIdIssuedAt = new Map<string, number>();
  const lastIdTtlMs = options.ozonLastIdTtlMs ?? 15 * 60_000;
  const repeated = new Set<string>();

  // ---- the clock ----
  let nowMs = Date.parse(options.now ?? dataset.options.defaultNow);
  if (Number.isNaN(nowMs)) throw new Error(`now: not an ISO instant: ${options.now}`);
  let truthCache: { at: number; truth: Truth } | null = null;
  // the sales feed as versions ordered by lastChangeDate: a version is served while it is the newest one
  // the clock has reached (a zero-money first version until the filled-in one appears)
  const salesVersions: {
    json: Record<string, unknown>;
    lcd: string;
    supersededAt: string;
    previous?: Record<string, unknown>;
  }[] = [];
  for (const s of dataset.wb.sales) {
    if (s.stale) {
      salesVersions.push({ json: s.stale, lcd: String(s.stale.lastChangeDate), supersededAt: s.lastChangeDate });
    }
    salesVersions.push({ json: s.json, lcd: s.lastChangeDate, supersededAt: "9999", previous: s.stale });
  }
  for (const j of dataset.malformed.wbSales)
    salesVersions.push({ json: j, lcd: String(j.lastChangeDate), supersededAt: "9999" });
  salesVersions.sort((x, y) => (x.lcd < y.lcd ? -1 : x.lcd > y.lcd ? 1 : 0));
  const lowerBound = <T>(list: T[], below: (item: T) => boolean) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (below(list[mid])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // the statistics orders feed as versions by lastChangeDate: the open row, then (once cancelled) the
  // cancelled row; a version is served while it is the newest one the clock has reached
  const wbSkuById = new Map(dataset.wb.skus.map((s) => [s.nmId, s]));
  const orderVersions: {
    order: (typeof dataset.wb.orders)[number];
    atMs: number;
    lcd: string;
    supersededAt: string;
  }[] = [];
  for (const order of dataset.wb.orders) {
    const first = mskWallOfMs(order.firstChangeMs);
    const cancel = order.cancelMs === null ? null : mskWallOfMs(order.cancelMs);
    orderVersions.push({ order, atMs: order.firstChangeMs, lcd: first, supersededAt: cancel ?? "9999" });
    if (cancel) orderVersions.push({ order, atMs: order.cancelMs!, lcd: cancel, supersededAt: "9999" });
  }
  const malformedOrders = dataset.malformed.wbOrders.map((json) => ({ json, lcd: String(json.lastChangeDate) }));
  orderVersions.sort((x, y) => (x.lcd < y.lcd ? -1 : x.lcd > y.lcd ? 1 : 0));

  /** the last rrDate whose daily finance WB serves at the clock */
  const lastPublishedRrDate = () => {
    let d = mskWallOfMs(nowMs).slice(0, 10);
    while (wbFinancePublishMs(d) > nowMs) d = addDaysIso(d, -1);
    return d;
  };

  const matches = (f: { path?: string } | undefined, path: string) =>
    Boolean(f && (!f.path || path.startsWith(f.path)));

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void handle(req, res, Buffer.concat(chunks).toString("utf8")).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, JSON.stringify({ code: 13, message: String(error) }));
      });
    });
  });

  function send(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
    if (res.writableEnded) return;
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
    res.end(status === 204 ? undefined : body);
  }

  const wbProblem = (status: number, title: string, detail: string) =>
    JSON.stringify({
      title,
      detail,
      code: randomUUID(),
      requestId: randomUUID(),
      origin: "s2s-api-auth-catalog",
      status,
      statusText: http.STATUS_CODES[status],
      timestamp: new Date().toISOString(),
    });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const url = new URL(req.url ?? "/", "http://emulator");
    const path = url.pathname;
    const method = req.method ?? "GET";
    const vendor: Marketplace =
      path.startsWith("/api/") || path.startsWith("/content/") || path === "/ping" ? "WB" : "OZON";
    const entry: RequestLogEntry = { t: Date.now(), method, path, status: 0, vendor };
    requests.push(entry);
    const reply = (status: number, body: string, headers?: Record<string, string>) => {
      entry.status = status;
      send(res, status, body, headers);
    };
    // the emulator's own inspection route (no marketplace has it): what replies arrived
    if (method === "GET" && path === "/__emulator/replies") return reply(200, JSON.stringify(replies));

    // auth first: a bad token never reaches the data
    if (vendor === "WB") {
      const auth = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
      if ((auth !== wbToken && auth !== wbReadOnlyToken) || faults.unauthorized === "WB") {
        return reply(401, wbProblem(401, "unauthorized", "token problem; token is malformed or expired"));
      }
      // a read-only token reads everything and writes nothing (§1.1: categories are read-only or read-write)
      if (auth === wbReadOnlyToken && method !== "GET") {
        return reply(403, wbProblem(403, "Forbidden", "scope is not allowed for this resource"));
      }
    } else {
      const clientId = String(req.headers["client-id"] ?? "");
      if (!/^\d+$/.test(clientId) || Number(clientId) <= 0) {
        return reply(
          400,
          JSON.stringify({ code: 3, message: "Client-Id header value should be positive integer", details: [] }),
        );
      }
      if (req.headers["api-key"] !== ozonApiKey || clientId !== ozonClientId || faults.unauthorized === "OZON") {
        return reply(
          404,
          JSON.stringify({ code: 5, message: "Invalid Api-Key, please check the key and try again", details: [] }),
        );
      }
    }

    if (matches(faults.slow, path) && faults.slow!.count > 0) {
      faults.slow!.count--;
      await new Promise((r) => setTimeout(r, faults.slow!.delayMs));
    }
    if (matches(faults.rateLimited, path) && faults.rateLimited!.count > 0) {
      faults.rateLimited!.count--;
      const secs = String(faults.rateLimited!.retryAfterSec);
      if (vendor === "WB") {
        const header = faults.rateLimited!.header ?? "X-Ratelimit-Retry";
        return reply(429, wbProblem(429, "too many requests", `limited by ${randomUUID()}`), {
          [header]: secs,
          "X-Ratelimit-Reset": secs,
          "X-Ratelimit-Limit": "1",
        });
      }
      return reply(
        429,
        JSON.stringify({ code: 8, message: "You have reached request rate limit per second", details: [] }),
        { "Retry-After": secs },
      );
    }
    if (matches(faults.serverErrors, path) && faults.serverErrors!.count > 0) {
      faults.serverErrors!.count--;
      const status = faults.serverErrors!.status ?? 503;
      return reply(
        status,
        vendor === "OZON"
          ? JSON.stringify({ code: 13, message: "Internal error", details: [] })
          : "upstream unavailable",
      );
    }
    if (speedup > 0) {
      const group = vendor === "OZON" ? "ozon" : wbGroup(path);
      const [interval, burst] = vendor === "OZON" ? OZON_LIMIT : (WB_LIMITS[group] ?? [1000, 5]);
      let bucket = buckets.get(group);
      if (!bucket) buckets.set(group, (bucket = new Bucket(vendor === "OZON" ? interval : interval / speedup, burst)));
      const wait = bucket.take();
      if (wait > 0) {
        const secs = (wait / 1000).toFixed(3);
        if (vendor === "WB") {
          return reply(429, wbProblem(429, "too many requests", `limited by ${randomUUID()}`), {
            "X-Ratelimit-Retry": secs,
            "X-Ratelimit-Reset": secs,
            "X-Ratelimit-Limit": String(burst),
          });
        }
        return reply(
          429,
          JSON.stringify({ code: 8, message: "You have reached request rate limit per second", details: [] }),
        );
      }
    }

    let body: Record<string, unknown> = {};
    if (method === "POST" || method === "PATCH") {
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return reply(400, JSON.stringify({ code: 3, message: "invalid JSON body", details: [] }));
      }
    }
    const result = route(method, path, url.searchParams, body);
    if (!result)
      return reply(
        404,
        vendor === "WB"
          ? wbProblem(404, "not found", `${path} not found`)
          : JSON.stringify({ code: 5, message: "Not found", details: [] }),
      );
    let { status, json } = result;
    // a new page request answered once with the previous page
    if (faults.duplicatePages && result.pageKey) {
      const stream = `${path}|${result.stream ?? ""}`;
      const previous = lastPage.get(stream);
      const dupKey = `${stream}|${result.pageKey}`;
      if (previous && previous.key !== result.pageKey && !repeated.has(dupKey)) {
        repeated.add(dupKey);
        status = previous.status;
        json = previous.body;
      } else {
        lastPage.set(stream, { key: result.pageKey, body: json, status });
      }
    }
    reply(status, json);
  }

  function wbGroup(path: string): string {
    if (path === "/api/v1/supplier/sales") return "sales";
    if (path === "/api/v1/supplier/orders") return "orders";
    if (path === "/api/analytics/v1/order-feed") return "orderFeed";
    if (path.startsWith("/api/v1/supplier") || path.startsWith("/api/v5/supplier")) return "legacy";
    if (path.startsWith("/api/finance")) return "finance";
    if (path.startsWith("/api/analytics")) return "stocks";
    if (path.startsWith("/api/v2/stocks-report")) return "stocksProducts";
    if (path.startsWith("/api/v1/feedback")) return "feedbacks";
    if (path.startsWith("/content")) return "content";
    return "ping";
  }

  /** pageKey names the page within its stream (one list with one set of filters) */
  type Result = { status: number; json: string; pageKey?: string; stream?: string } | null;
  const ok = (value: unknown, pageKey?: string, stream?: string): Result => ({
    status: 200,
    json: toJson(value),
    pageKey,
    stream,
  });
  const noContent = (pageKey?: string, stream?: string): Result => ({ status: 204, json: "", pageKey, stream });
  const ozonError = (status: number, code: number, message: string): Result => ({
    status,
    json: JSON.stringify({ code, message, details: [] }),
  });

  /** 400 of the seller-analytics reports (§6.2): application/problem+json with origin api-statistics */
  const analyticsBadRequest = (detail: string): Result => ({
    status: 400,
    json: JSON.stringify({ detail, origin: "api-statistics", requestId: randomUUID(), title: "Bad Request" }),
  });

  /**
   * The order feed (§6.2.5): orders whose current status began within selectedPeriod, newest status
   * first, offset paging pinned to the first answer's snapshotTime; the period may not start earlier
   * than 31 days before the clock (the 400 text is ours: the reference does not quote it).
   */
  function orderFeed(b: Record<string, unknown>): Result {
    const period = (b.selectedPeriod ?? {}) as { start?: unknown; end?: unknown };
    const pagination = (b.pagination ?? {}) as { offset?: unknown; limit?: unknown; snapshotTime?: unknown };
    const start = Date.parse(String(period.start ?? ""));
    const end = period.end === undefined ? nowMs : Date.parse(String(period.end));
    if (Number.isNaN(start) || Number.isNaN(end)) return analyticsBadRequest("selectedPeriod: start is required");
    const earliest = nowMs - 31 * 86_400_000;
    if (start < earliest || end < earliest)
      return analyticsBadRequest("selectedPeriod: the period must not start earlier than 31 days ago");
    const limit = Number(pagination.limit ?? 50);
    const offset = Number(pagination.offset ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000 || !Number.isInteger(offset) || offset < 0)
      return analyticsBadRequest("pagination: limit must be from 1 to 10000, offset not negative");
    const snapshot = pagination.snapshotTime ? Date.parse(String(pagination.snapshotTime)) : nowMs;
    const at = Number.isNaN(snapshot) ? nowMs : Math.min(snapshot, nowMs);
    const rows: { sinceMs: number; json: Record<string, unknown> }[] = [];
    for (const order of dataset.wb.orders) {
      const state = wbOrderStatusAt(order, at);
      if (!state || state.sinceMs < start || state.sinceMs > end) continue;
      rows.push({ sinceMs: state.sinceMs, json: wbOrderFeedRow(order, wbSkuById.get(order.nmId)!, at)! });
    }
    for (const json of dataset.malformed.wbOrderFeed) {
      const sinceMs = Date.parse(String(json.updatedAt));
      if (sinceMs >= start && sinceMs <= end && sinceMs <= at) rows.push({ sinceMs, json });
    }
    rows.sort((x, y) => y.sinceMs - x.sinceMs);
    return ok(
      {
        data: {
          snapshotTime: new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z"),
          currency: "RUB",
          orders: rows.slice(offset, offset + limit).map((r) => r.json),
        },
      },
      String(offset),
      `${String(period.start)}|${String(period.end)}`,
    );
  }

  function route(method: string, path: string, q: URLSearchParams, b: Record<string, unknown>): Result {
    const { wb, ozon, malformed } = dataset;
    switch (`${method} ${path}`) {
      case "GET /ping":
        return ok({ TS: new Date().toISOString(), Status: "OK" });
      // ---------------- WB ----------------
      case "GET /api/v1/supplier/sales": {
        const from = mskWallOf(q.get("dateFrom") ?? "");
        if (!from) return { status: 400, json: JSON.stringify({ errors: ["dateFrom: Value not validated"] }) };
        const rows: Record<string, unknown>[] = [];
        const stale: Record<string, unknown>[] = [];
        const nowWall = mskWallOfMs(nowMs);
        for (let i = lowerBound(salesVersions, (v) => v.lcd < from); i < salesVersions.length; i++) {
          const v = salesVersions[i];
          if (v.lcd > nowWall) break;
          if (v.supersededAt <= nowWall) continue;
          rows.push(v.json);
          // older versions of rows on this page, served after them
          if (faults.outOfOrder && v.previous) stale.push(v.previous);
          if (rows.length >= pages.wbSales) break;
        }
        return ok([...rows, ...stale], from);
      }
      case "GET /api/v1/supplier/orders": {
        // same contract as sales (§1.4): lastChangeDate >= dateFrom, inclusive, ordered, capped
        const from = mskWallOf(q.get("dateFrom") ?? "");
        if (!from) return { status: 400, json: JSON.stringify({ errors: ["dateFrom: Value not validated"] }) };
        const rows: Record<string, unknown>[] = [];
        const nowWall = mskWallOfMs(nowMs);
        for (let i = lowerBound(orderVersions, (v) => v.lcd < from); i < orderVersions.length; i++) {
          const v = orderVersions[i];
          if (v.lcd > nowWall) break;
          if (v.supersededAt <= nowWall) continue;
          rows.push(wbOrderRow(v.order, wbSkuById.get(v.order.nmId)!, v.atMs));
          if (rows.length >= pages.wbOrders) break;
        }
        // the broken row travels at its own lastChangeDate, within the page it falls in
        const lastLcd = rows.length >= pages.wbOrders ? String(rows[rows.length - 1].lastChangeDate) : "9999";
        for (const m of malformedOrders) if (m.lcd >= from && m.lcd <= lastLcd && m.lcd <= nowWall) rows.push(m.json);
        rows.sort((x, y) => (String(x.lastChangeDate) < String(y.lastChangeDate) ? -1 : 1));
        return ok(rows, from);
      }
      case "POST /api/analytics/v1/order-feed": {
        if (faults.wbOrderFeedOff) return { status: 404, json: wbProblem(404, "Not Found", "method is not available") };
        return orderFeed(b);
      }
      case "GET /api/v1/supplier/stocks":
      case "GET /api/v5/supplier/reportDetailByPeriod":
        return {
          status: 404,
          json: wbProblem(404, "Not Found", "method is removed; use the replacement described in the API news"),
        };
      case "POST /api/analytics/v1/stocks-report/seller-warehouses": {
        const limit = Math.min(Number(b.limit ?? 250_000), pages.wbStocks);
        const offset = Number(b.offset ?? 0);
        const items = wb.sellerStocks.slice(offset, offset + limit);
        if (items.length === 0) return noContent(String(offset));
        return ok({ data: { items } }, String(offset));
      }
      case "POST /api/analytics/v1/stocks-report/wb-warehouses": {
        const limit = Math.min(Number(b.limit ?? 250_000), pages.wbStocks);
        const offset = Number(b.offset ?? 0);
        const items = wb.stocks.slice(offset, offset + limit);
        if (items.length === 0) return noContent(String(offset));
        return ok({ data: { items } }, String(offset));
      }
      case "POST /api/v2/stocks-report/products/products": {
        // §6.2.6: currentPeriod, stockType, skipDeletedNm, orderBy, availabilityFilters and offset are required
        const period = b.currentPeriod as { start?: unknown; end?: unknown } | undefined;
        const missing = [
          "currentPeriod",
          "stockType",
          "skipDeletedNm",
          "orderBy",
          "availabilityFilters",
          "offset",
        ].find((k) => b[k] === undefined);
        if (missing || typeof period?.start !== "string" || typeof period?.end !== "string")
          return { status: 400, json: wbProblem(400, "Bad Request", `${missing ?? "currentPeriod"}: required`) };
        const limit = Math.min(Number(b.limit ?? 100), 1000);
        if (!(limit >= 1)) return { status: 400, json: wbProblem(400, "Bad Request", "limit: from 1 to 1000") };
        const offset = Number(b.offset);
        const wanted = Array.isArray(b.nmIDs) && b.nmIDs.length > 0 ? new Set(b.nmIDs.map(Number)) : null;
        const items = wb.productsReport.filter((r) => !wanted || wanted.has(Number(r.nmID)));
        return ok({ data: { currency: "RUB", items: items.slice(offset, offset + limit) } }, String(offset));
      }
      case "POST /api/finance/v1/sales-reports/detailed": {
        const from = String(b.dateFrom ?? "").slice(0, 10);
        const to = String(b.dateTo ?? "").slice(0, 10);
        if (!from || !to)
          return {
            status: 400,
            json: JSON.stringify({
              status: 400,
              title: "GetReportDetailByPeriodNBAndNNB decode error",
              detail: "'DateTo' failed on the 'required' tag",
              requestId: randomUUID(),
              origin: "open-api-finreports",
            }),
          };
        const limit = Math.min(Number(b.limit ?? 100_000), pages.wbFinance);
        const after = Number(b.rrdId ?? 0);
        // daily finance of day D is served from D+1 05:00 Moscow; lines are ordered by rrdId and rrDate alike
        const until = [to, lastPublishedRrDate()].sort()[0];
        const lines: Record<string, unknown>[] = malformed.wbFinance.filter(
          (l) => (l.rrDate as string) >= from && (l.rrDate as string) <= until && Number(l.rrdId) > after,
        );
        const start = Math.max(
          lowerBound(wb.finance, (l) => (l.rrDate as string) < from),
          lowerBound(wb.finance, (l) => Number(l.rrdId) <= after),
        );
        for (let i = start; i < wb.finance.length && lines.length < limit; i++) {
          if ((wb.finance[i].rrDate as string) > until) break;
          lines.push(wb.finance[i]);
        }
        if (lines.length === 0) return noContent(String(after), `${from}|${to}`);
        return ok(lines, String(after), `${from}|${to}`);
      }
      case "POST /api/finance/v1/sales-reports/list": {
        const from = String(b.dateFrom ?? "").slice(0, 10);
        const to = String(b.dateTo ?? "").slice(0, 10);
        if (!from || !to)
          return {
            status: 400,
            json: wbProblem(400, "Bad Request", "'DateFrom' and 'DateTo' are required"),
          };
        const limit = Math.min(Math.max(1, Number(b.limit ?? 1000)), 1000);
        const offset = Math.max(0, Number(b.offset ?? 0));
        if ((b.period ?? "weekly") !== "weekly")
          // daily report headers are not modelled: the emulator's lines carry their weekly report
          return { status: 400, json: wbProblem(400, "Bad Request", "the emulator serves weekly reports only") };
        // a weekly report exists once formed: after its week, when its last daily finance is published
        const formed = wb.reports.filter((r) => r.closesMs <= nowMs && r.dateFrom <= to && r.dateTo >= from);
        const page = formed.slice(offset, offset + limit).map((r) => ({
          reportId: r.reportId,
          sellerFinanceName: "ИП Эмулятор Э. Э.",
          dateFrom: r.dateFrom,
          dateTo: r.dateTo,
          createDate: r.createDate,
          currency: "RUB",
          reportType: 1,
          retailAmountSum: rubStr(r.sums.retailAmount),
          forPaySum: rubStr(r.sums.forPay),
          avgSalePercent: r.sums.saleLines ? Math.round(r.sums.salePercentSum / r.sums.saleLines) : 0,
          deliveryServiceSum: rubStr(r.sums.deliveryService),
          paidStorageSum: rubStr(r.sums.paidStorage),
          paidAcceptanceSum: rubStr(r.sums.paidAcceptance),
          deductionSum: rubStr(r.sums.deduction),
          penaltySum: rubStr(r.sums.penalty),
          additionalPaymentSum: rubStr(r.sums.additionalPayment),
          cashbackAmountSum: rubStr(r.sums.cashbackAmount),
          cashbackDiscountSum: rubStr(r.sums.cashbackDiscount),
          cashbackCommissionChangeSum: rubStr(r.sums.cashbackCommissionChange),
          paymentSchedule: "-1",
          bankPaymentSum: rubStr(r.sums.bank),
        }));
        if (page.length === 0) return noContent(String(offset), `${from}|${to}`);
        return ok(page, String(offset), `${from}|${to}`);
      }
      case "GET /api/v1/feedbacks":
      case "GET /api/v1/feedbacks/archive": {
        const archive = path.endsWith("/archive");
        const take = Number(q.get("take"));
        const skip = Number(q.get("skip"));
        if (
          !Number.isInteger(take) ||
          take < 1 ||
          take > 5000 ||
          !Number.isInteger(skip) ||
          skip < 0 ||
          skip > 199_990
        ) {
          return {
            status: 400,
            json: JSON.stringify({
              data: null,
              error: true,
              errorText: "Плохой формат take/skip",
              additionalErrors: null,
              requestId: randomUUID(),
            }),
          };
        }
        const isAnswered = q.get("isAnswered") === "true";
        const dateFrom = q.get("dateFrom") ? Number(q.get("dateFrom")) : undefined;
        const dateTo = q.get("dateTo") ? Number(q.get("dateTo")) : undefined;
        const list = wb.feedbacks.filter(
          (f) =>
            (archive ? f.list === "archive" : f.list === (isAnswered ? "answered" : "unanswered")) &&
            (archive ||
              ((dateFrom === undefined || f.createdUnix >= dateFrom) &&
                (dateTo === undefined || f.createdUnix <= dateTo))),
        );
        const slice = list.slice(skip, skip + take).map((f) => f.json);
        // the archive answers without the counters (official example, 09-communications.yaml)
        const counts = archive
          ? {}
          : {
              countUnanswered: wb.feedbacks.filter((f) => f.list === "unanswered").length,
              countArchive: wb.feedbacks.filter((f) => f.list === "archive").length,
            };
        return ok(
          {
            data: { ...counts, feedbacks: slice },
            error: false,
            errorText: "",
            additionalErrors: null,
          },
          String(skip),
          `${archive}|${isAnswered}|${dateFrom}|${dateTo}`,
        );
      }
      case "GET /api/v1/feedback":
      case "POST /api/v1/feedbacks/answer":
      case "PATCH /api/v1/feedbacks/answer":
        return wbFeedbackReplyRoute(method, q, b);
      case "POST /content/v2/get/cards/list": {
        const settings = (b.settings ?? {}) as { cursor?: { limit?: number; nmID?: number } };
        const limit = Math.min(Number(settings.cursor?.limit ?? 100), 100, pages.wbCards);
        const after = Number(settings.cursor?.nmID ?? 0);
        const cards = wb.skus
          .filter((s) => s.nmId > after)
          .slice(0, limit)
          .map((s) => ({
            nmID: s.nmId,
            imtID: s.imtId,
            subjectName: s.subject,
            vendorCode: s.vendorCode,
            brand: s.brand,
            title: s.title,
            sizes: [{ chrtID: s.chrtId, techSize: s.techSize, skus: [s.barcode] }],
            createdAt: "2025-03-01T10:00:00.1Z",
            updatedAt: "2026-11-20T08:15:42.36Z",
          }));
        const last = cards[cards.length - 1];
        return ok(
          { cards, cursor: { updatedAt: last?.updatedAt ?? null, nmID: last?.nmID ?? after, total: cards.length } },
          String(after),
        );
      }
      // ---------------- Ozon ----------------
      case "POST /v3/finance/transaction/list":
      case "POST /v3/finance/transaction/totals":
      case "POST /v2/posting/fbo/list":
      case "POST /v3/posting/fbs/list":
      case "POST /v1/product/info/stocks-by-warehouse/fbs":
      case "POST /v1/warehouse/list":
        return ozonError(400, 9, "obsolete method cannot be used");
      case "POST /v1/finance/accrual/types":
        return ok({ accrual_types: ozon.accrualTypes });
      case "POST /v1/finance/accrual/by-day": {
        const date = String(b.date ?? "");
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return ozonError(400, 3, "date: invalid value");
        const lastId = String(b.last_id ?? "");
        const issuedAt = lastIdIssuedAt.get(`${date}|${lastId}`);
        if (lastId && issuedAt !== undefined && Date.now() - issuedAt > lastIdTtlMs)
          return ozonError(400, 3, "last_id is expired");
        // an accrual appears when it happens (a delivery, a return, a fee): later ones of the day are not served yet
        const list = [
          ...(ozon.accrualsByDay.get(date) ?? []).filter((a) => a.publishMs <= nowMs).map((a) => a.json),
          ...malformed.ozonAccruals.filter((a) => a.date === date),
        ].sort((x, y) => (BigInt(x.accrual_id as string) < BigInt(y.accrual_id as string) ? -1 : 1));
        const start = lastId ? list.findIndex((a) => BigInt(a.accrual_id as string) > BigInt(lastId)) : 0;
        const page = start < 0 ? [] : list.slice(start, start + pages.ozonAccruals);
        const more = start >= 0 && start + pages.ozonAccruals < list.length;
        const next = more ? String(page[page.length - 1].accrual_id) : "";
        if (next) lastIdIssuedAt.set(`${date}|${next}`, Date.now());
        return ok({ accruals: page, last_id: next }, lastId, date);
      }
      case "POST /v3/posting/fbo/list":
      case "POST /v4/posting/fbs/list": {
        const schema = path.includes("fbo") ? "FBO" : "FBS";
        const filter = (b.filter ?? {}) as { since?: string; to?: string };
        if (!filter.since || !filter.to) return ozonError(400, 3, "filter.since and filter.to are required");
        const limit = Math.min(Number(b.limit ?? 100), 100, pages.ozonPostings);
        const offset = offsetOfCursor(b.cursor);
        const since = Date.parse(filter.since);
        const until = Date.parse(filter.to);
        const list = ozon.postings.filter(
          (p) => p.schema === schema && p.inProcessMs >= since && p.inProcessMs < until && p.inProcessMs <= nowMs,
        );
        const { page, hasNext, cursor } = offsetPage(list, offset, limit);
        const postings = page.map((p) => {
          // not delivered yet at the clock: in transit (status names from §2.6.1; the substatus is our guess)
          const json =
            p.cancelled || (p.deliveredMs !== null && p.deliveredMs <= nowMs)
              ? p.json
              : { ...p.json, status: "delivering", substatus: "posting_in_carriage" };
          return schema === "FBS" ? asV4Fbs(json) : json;
        });
        return ok({ postings, has_next: hasNext, cursor }, String(offset), `${filter.since}|${filter.to}`);
      }
      case "POST /v2/cluster/list":
        return ok({ result: ozon.clusters });
      case "POST /v1/analytics/local-sale/items-clusters/info": {
        // beta (§6.4.5): a seller without it gets 404 as for any method Ozon does not serve
        if (faults.ozonLocalSaleOff) return ozonError(404, 5, "Not found");
        const filter = (b.filter ?? {}) as { period?: { from?: unknown; to?: unknown }; skus?: unknown };
        if (typeof filter.period?.from !== "string" || typeof filter.period?.to !== "string")
          return ozonError(400, 3, "filter.period: from and to are required");
        if (!Array.isArray(filter.skus) || filter.skus.length === 0)
          return ozonError(400, 3, "filter.skus: at least one SKU is required");
        if (b.limit === undefined) return ozonError(400, 3, "limit is required");
        const wanted = new Set(filter.skus.map(String));
        const matching = ozon.localSale.filter((r) => wanted.has(String(r.sku)));
        const offset = Number(b.offset ?? 0);
        const limit = Math.max(1, Number(b.limit));
        return ok({ items: matching.slice(offset, offset + limit), total: matching.length }, String(offset));
      }
      case "POST /v1/analytics/stocks": {
        const skus = (b.skus ?? []) as string[];
        if (!Array.isArray(skus) || skus.length === 0 || skus.length > 100)
          return ozonError(400, 3, "skus: from 1 to 100 items");
        const wanted = new Set(skus.map(String));
        return ok({ items: ozon.fboStocks.filter((s) => wanted.has(String(s.sku))) });
      }
      case "POST /v2/product/info/stocks-by-warehouse/fbs": {
        // the spec requires one of sku or offer_id non-empty
        const skus = new Set(((b.sku ?? []) as unknown[]).map(String));
        const offers = new Set(((b.offer_id ?? []) as unknown[]).map(String));
        if (skus.size === 0 && offers.size === 0) return ozonError(400, 3, "sku or offer_id is required");
        if (skus.size + offers.size > 1000) return ozonError(400, 3, "sku, offer_id: at most 1000 items");
        const matching = ozon.fbsStocks.filter(
          (s) => skus.has(String(s.sku)) || offers.has(String((s as { offer_id?: unknown }).offer_id)),
        );
        const limit = Math.min(Number(b.limit ?? 1000), pages.ozonFbsStocks);
        const offset = offsetOfCursor(b.cursor);
        const { page, hasNext, cursor } = offsetPage(matching, offset, limit);
        return ok({ products: page, has_next: hasNext, cursor }, String(offset));
      }
      case "POST /v3/product/list": {
        const limit = Math.min(Number(b.limit ?? 1000), pages.ozonProducts);
        const lastId = String(b.last_id ?? "");
        const start = lastId ? ozon.skus.findIndex((s) => String(s.productId) === lastId) + 1 : 0;
        const items = ozon.skus.slice(start, start + limit).map((s) => ({
          product_id: s.productId,
          offer_id: s.offerId,
          sku: s.sku,
          has_fbo_stocks: true,
          has_fbs_stocks: true,
          archived: false,
          is_discounted: false,
          quants: [],
        }));
        return ok(
          {
            result: {
              items,
              total: ozon.skus.length,
              last_id: items.length ? String(items[items.length - 1].product_id) : "",
            },
          },
          lastId,
        );
      }
      case "POST /v3/product/info/list": {
        const ids = new Set(((b.product_id ?? []) as unknown[]).map(String));
        if (ids.size > 1000) return ozonError(400, 3, "too many ids");
        const items = ozon.skus
          .filter((s) => ids.has(String(s.productId)))
          .map((s) => ({
            id: s.productId,
            offer_id: s.offerId,
            sku: s.sku,
            name: s.name,
            barcodes: [s.barcode],
            description_category_id: 17_028_922,
            type_id: 91_248,
            price: (s.priceK / 100).toFixed(2),
            currency_code: "RUB",
            is_archived: false,
          }));
        return ok({ items });
      }
      case "POST /v2/review/list": {
        if (faults.ozonReviewsForbidden) return ozonError(403, 7, "not available with existing subscription");
        const limit = Number(b.limit ?? 100);
        if (limit < 20 || limit > 100) return ozonError(400, 3, "limit: from 20 to 100");
        const lastId = String(b.last_id ?? "");
        const size = Math.min(limit, pages.ozonReviews);
        const start = lastId ? ozon.reviews.findIndex((r) => r.id === lastId) + 1 : 0;
        // sku as a string, as the official example sends it
        const page = ozon.reviews
          .slice(start, start + size)
          .map((r): Record<string, unknown> => ({ ...r, sku: String(r.sku) }));
        return ok(
          {
            reviews: page,
            has_next: start + size < ozon.reviews.length,
            last_id: page.length ? page[page.length - 1].id : "",
          },
          lastId,
        );
      }
      case "POST /v1/review/comment/create":
      case "POST /v1/review/comment/list":
        return ozonReviewCommentRoute(path, b);
      case "POST /v1/finance/cash-flow-statement/list": {
        // shape of the official example (MissiaL/ozon-api references/ozon-seller-openapi.json, commit
        // 1953152c): page_count beside result, an int64 period id, details as one object whose payments
        // are an array; a page of several periods carries details as an array, as practitioners report
        const date = (b.date ?? {}) as { from?: string; to?: string };
        const from = String(date.from ?? "").slice(0, 10);
        const to = String(date.to ?? "").slice(0, 10);
        const pageSize = Number(b.page_size ?? 100);
        const page = Number(b.page ?? 1);
        if (!from || !to || !(pageSize >= 1) || !(page >= 1))
          return ozonError(400, 3, "date.from, date.to, page and page_size are required");
        // a statement exists once its period is over (our reading; the reference gives no publication time)
        const all = ozon.cashFlows.filter(
          (c) => c.end >= from && c.begin <= to && Date.parse(`${addDaysIso(c.end, 1)}T00:00:00+03:00`) <= nowMs,
        );
        const slice = all.slice((page - 1) * pageSize, page * pageSize);
        const period = (c: (typeof all)[number]) => ({
          begin: `${c.begin}T00:00:00Z`,
          end: `${c.end}T23:59:59Z`,
          id: Number(`${c.begin}${c.end}`.replace(/-/g, "")),
        });
        const details = slice.map((c) => ({
          period: period(c),
          payments: [{ payment: c.payment / 100, currency_code: "RUB" }],
        }));
        return ok({
          result: {
            cash_flows: slice.map((c) => ({
              period: period(c),
              orders_amount: c.orders / 100,
              returns_amount: c.returns / 100,
              commission_amount: c.commission / 100,
              services_amount: c.services / 100,
              item_delivery_and_return_amount: c.delivery / 100,
              currency_code: "RUB",
            })),
            details: details.length === 1 ? details[0] : details,
          },
          page_count: Math.ceil(all.length / pageSize),
        });
      }
      default:
        return null;
    }
  }

  // ---- review replies (§1.9, §2.10 of the reference) ----
  const replies: RecordedReply[] = [];
  const answeredAtMs = new Map<string, number>();
  const ozonComments = new Map<string, Record<string, unknown>[]>();
  const wbEnvelopeError = (status: number, errorText: string): Result => ({
    status,
    json: JSON.stringify({ data: null, error: true, errorText, additionalErrors: null, requestId: randomUUID() }),
  });

  function wbFeedbackReplyRoute(method: string, q: URLSearchParams, b: Record<string, unknown>): Result {
    if (method === "GET") {
      const found = dataset.wb.feedbacks.find((f) => f.json.id === q.get("id"));
      if (!found) return wbEnvelopeError(400, "Отзыв не найден");
      return ok({ data: found.json, error: false, errorText: "", additionalErrors: null });
    }
    const id = typeof b.id === "string" ? b.id : "";
    const text = typeof b.text === "string" ? b.text : "";
    if (!id || text.length < 2 || text.length > 5000) {
      return {
        status: 400,
        json: JSON.stringify({
          title: "invalid request",
          detail: "id and a text of 2 to 5000 characters are required",
          requestId: randomUUID(),
          origin: "fbapi",
        }),
      };
    }
    const isEdit = method === "PATCH";
    const found = dataset.wb.feedbacks.find((f) => f.json.id === id);
    const answer = found?.json.answer as { text: string; state: string; editable: boolean } | null | undefined;
    // WB does not validate the id and answers 204 either way: only a re-read shows what happened
    let applied = false;
    if (found && !isEdit && !answer) {
      found.json = { ...found.json, answer: { text, state: "wbRu", editable: true }, state: "wbRu" };
      found.list = "archive"; // an answered review moves to the archive
      answeredAtMs.set(id, nowMs);
      applied = true;
    } else if (found && isEdit && answer?.editable && nowMs - (answeredAtMs.get(id) ?? -Infinity) <= 60 * 86_400_000) {
      // an answer can be edited once, within 60 days of sending it
      found.json = { ...found.json, answer: { ...answer, text, editable: false } };
      applied = true;
    }
    replies.push({ marketplace: "WB", kind: isEdit ? "edit" : "answer", reviewId: id, text, applied });
    return noContent();
  }

  function ozonReviewCommentRoute(path: string, b: Record<string, unknown>): Result {
    if (faults.ozonReviewsForbidden) return ozonError(403, 7, "not available with existing subscription");
    const reviewId = String(b.review_id ?? "");
    const review = dataset.ozon.reviews.find((r) => r.id === reviewId);
    if (path.endsWith("/list")) {
      const limit = Number(b.limit ?? 0);
      if (!reviewId || limit < 20 || limit > 100) return ozonError(400, 3, "review_id and limit 20..100 are required");
      const offset = Number(b.offset ?? 0);
      const list = (ozonComments.get(reviewId) ?? []).slice(offset, offset + limit);
      return ok({ comments: list, offset: offset + list.length });
    }
    const text = typeof b.text === "string" ? b.text : "";
    if (!reviewId || !text.trim()) return ozonError(400, 3, "review_id and text are required");
    if (!review) return ozonError(404, 5, "review not found");
    const comment = {
      id: randomUUID(),
      text,
      parent_comment_id: String(b.parent_comment_id ?? ""),
      is_owner: true,
      is_official: true,
      is_published: true,
      is_rejected: false,
      likes_amount: 0,
      dislikes_amount: 0,
      deviation_reason: "",
      published_at: new Date(nowMs).toISOString(),
    };
    ozonComments.set(reviewId, [...(ozonComments.get(reviewId) ?? []), comment]);
    review.comments_amount = Number(review.comments_amount ?? 0) + 1;
    if (b.mark_review_as_processed) review.status = "PROCESSED";
    replies.push({ marketplace: "OZON", kind: "comment", reviewId, text, applied: true });
    return ok({ comment_id: comment.id });
  }

  // Node closes an idle keep-alive socket after 5 s; a client that picks that socket for its next request in
  // the same instant gets "fetch failed (other side closed)". Test servers keep sockets open for the run.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${address.port}`,
    wbToken,
    wbReadOnlyToken,
    replies,
    ozonClientId,
    ozonApiKey,
    get truth() {
      if (!truthCache || truthCache.at !== nowMs) truthCache = { at: nowMs, truth: dataset.truthAt(nowMs) };
      return truthCache.truth;
    },
    get now() {
      return new Date(nowMs).toISOString();
    },
    setNow(iso) {
      const ms = Date.parse(iso);
      if (Number.isNaN(ms)) throw new Error(`setNow: not an ISO instant: ${iso}`);
      nowMs = ms;
    },
    advanceDays(n) {
      nowMs += n * 86_400_000;
    },
    dataset,
    requests,
    setFaults(next) {
      faults = structuredClone(next);
      lastPage.clear();
      repeated.clear();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
