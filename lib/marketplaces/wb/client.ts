// Wildberries seller API client: one BaseClient per host (statistics, analytics, finance, feedbacks,
// content) sharing the token. Each method returns the checked envelope; records inside are validated
// one by one by the mappers so a single bad record is quarantined instead of failing the page.
import { z } from "zod";
import { BaseClient, type ResilienceOptions, retryAfterMs } from "../http/base-client";
import { AuthError, MarketplaceHttpError, RateLimitedError, RetiredEndpointError, UpstreamError } from "../http/errors";

export interface WbUrls {
  statistics: string;
  analytics: string;
  finance: string;
  feedbacks: string;
  content: string;
}

const record = z.record(z.string(), z.unknown());
const recordList = z.array(record);

// documented budgets (Personal/Service token), §1.2 of the reference
const LIMITS = {
  sales: { intervalMs: 60_000, burst: 1 },
  orders: { intervalMs: 60_000, burst: 10 },
  orderFeed: { intervalMs: 60_000, burst: 1 },
  finance: { intervalMs: 60_000, burst: 1 },
  stocks: { intervalMs: 20_000, burst: 1 },
  stocksProducts: { intervalMs: 20_000, burst: 3 },
  feedbacks: { intervalMs: 334, burst: 6 },
  content: { intervalMs: 600, burst: 5 },
  ping: { intervalMs: 10_000, burst: 3 },
};

function classifyWb(status: number, body: string, headers: Headers, path: string): MarketplaceHttpError {
  let detail = body.slice(0, 300);
  try {
    const parsed = JSON.parse(body) as { detail?: string; errorText?: string; title?: string };
    detail = parsed.detail ?? parsed.errorText ?? parsed.title ?? detail;
  } catch {
    /* not JSON: keep the text */
  }
  if (status === 401) return new AuthError("WB", 401, "bad_token", detail, body);
  if (status === 403) return new AuthError("WB", 403, "missing_scope", detail, body);
  if (status === 429)
    return new RateLimitedError("WB", retryAfterMs(headers, "X-Ratelimit-Retry", "Retry-After") ?? 1000, body);
  if (
    (status === 404 || status === 410) &&
    /supplier\/stocks|reportDetailByPeriod|supplier\/orders|order-feed/.test(path)
  )
    return new RetiredEndpointError("WB", status, path, body);
  if (status >= 500) return new UpstreamError("WB", status, `WB ${path}: HTTP ${status}`, body);
  return new MarketplaceHttpError("WB", status, `WB ${path}: HTTP ${status}: ${detail}`, body);
}

export class WbClient {
  private readonly clients: Record<keyof WbUrls, BaseClient>;

  constructor(token: string, urls: WbUrls, resilience: ResilienceOptions = {}, signal?: AbortSignal) {
    const make = (baseUrl: string) =>
      new BaseClient({
        vendor: "WB",
        baseUrl,
        headers: { Authorization: `Bearer ${token}` },
        classify: classifyWb,
        signal,
        ...resilience,
      });
    this.clients = {
      statistics: make(urls.statistics),
      analytics: make(urls.analytics),
      finance: make(urls.finance),
      feedbacks: make(urls.feedbacks),
      content: make(urls.content),
    };
  }

  /** total HTTP requests sent by this client (all hosts, retries included) */
  get requestCount(): number {
    return Object.values(this.clients).reduce((n, c) => n + c.stats.requests, 0);
  }

  ping(host: keyof WbUrls = "statistics") {
    return this.clients[host].request({
      method: "GET",
      path: "/ping",
      schema: z.unknown(),
      limit: LIMITS.ping,
      limitGroup: "ping",
    });
  }

  /** Sales and returns with lastChangeDate >= dateFrom (Moscow wall time), incremental mode. */
  sales(dateFrom: string): Promise<Record<string, unknown>[]> {
    return this.statisticsFeed("/api/v1/supplier/sales", "sales", dateFrom);
  }

  /** One page of an incremental statistics feed (flag=0): rows with lastChangeDate >= dateFrom. */
  private async statisticsFeed(path: string, bucket: "sales" | "orders", dateFrom: string) {
    const rows = await this.clients.statistics.request({
      method: "GET",
      path,
      query: { dateFrom, flag: 0 },
      schema: recordList,
      limit: LIMITS[bucket],
      limitGroup: bucket,
    });
    return rows ?? [];
  }

  /** Finance report lines with rrdId > rrdId in [dateFrom, dateTo]; null at the end (204). */
  financeDetailed(params: { dateFrom: string; dateTo: string; rrdId: number; limit?: number }) {
    return this.clients.finance.request({
      method: "POST",
      path: "/api/finance/v1/sales-reports/detailed",
      body: {
        dateFrom: params.dateFrom,
        dateTo: params.dateTo,
        rrdId: params.rrdId,
        limit: params.limit ?? 100_000,
        period: "daily",
      },
      schema: recordList,
      limit: LIMITS.finance,
      limitGroup: "finance",
    });
  }

  /** Realization reports whose period lies in [dateFrom, dateTo] (Moscow dates), offset paging; null at the end (204). */
  salesReportsList(params: {
    dateFrom: string;
    dateTo: string;
    period?: "daily" | "weekly";
    limit?: number;
    offset?: number;
  }) {
    return this.clients.finance.request({
      method: "POST",
      path: "/api/finance/v1/sales-reports/list",
      body: {
        dateFrom: params.dateFrom,
        dateTo: params.dateTo,
        period: params.period ?? "weekly",
        limit: params.limit ?? 1000,
        offset: params.offset ?? 0,
      },
      schema: recordList,
      limit: LIMITS.finance,
      limitGroup: "finance",
    });
  }

  async stocks(params: { offset: number; limit?: number }): Promise<Record<string, unknown>[] | null> {
    return this.stocksReport("/api/analytics/v1/stocks-report/wb-warehouses", "stocks", params);
  }

  /**
   * One page of the stocks report per product (§6.2.6) over [start, end] (dates, no earlier than 3 months
   * ago), WB and seller warehouses together: WB's lost orders estimate per card. An empty list at the end.
   */
  async stocksReportProducts(params: { start: string; end: string; offset: number; limit?: number }) {
    const res = await this.clients.analytics.request({
      method: "POST",
      path: "/api/v2/stocks-report/products/products",
      body: {
        currentPeriod: { start: params.start, end: params.end },
        stockType: "",
        skipDeletedNm: true,
        availabilityFilters: [],
        orderBy: { field: "ordersCount", mode: "desc" },
        limit: params.limit ?? 1000,
        offset: params.offset,
      },
      schema: z.object({ data: z.object({ items: recordList.nullish() }).nullish() }),
      limit: LIMITS.stocksProducts,
      limitGroup: "stocksProducts",
    });
    return res?.data?.items ?? [];
  }

  async feedbacks(params: {
    archive: boolean;
    isAnswered?: boolean;
    take: number;
    skip: number;
    dateFrom?: number;
    dateTo?: number;
  }) {
    const res = await this.clients.feedbacks.request({
      method: "GET",
      path: params.archive ? "/api/v1/feedbacks/archive" : "/api/v1/feedbacks",
      query: params.archive
        ? { take: params.take, skip: params.skip, order: "dateAsc" }
        : {
            isAnswered: params.isAnswered,
            take: params.take,
            skip: params.skip,
            order: "dateAsc",
            dateFrom: params.dateFrom,
            dateTo: params.dateTo,
          },
      schema: z.object({ data: z.object({ feedbacks: recordList.nullable() }).nullable() }),
      limit: LIMITS.feedbacks,
      limitGroup: "feedbacks",
    });
    return res?.data?.feedbacks ?? [];
  }

  async cards(cursor: { limit: number; updatedAt?: string; nmID?: number }) {
    const res = await this.clients.content.request({
      method: "POST",
      path: "/content/v2/get/cards/list",
      body: { settings: { sort: { ascending: true }, filter: { withPhoto: -1 }, cursor } },
      schema: z.object({
        cards: recordList,
        cursor: z.object({
          updatedAt: z.string().nullish(),
          nmID: z.union([z.number(), z.string()]).nullish(),
          total: z.number(),
        }),
      }),
      limit: LIMITS.content,
      limitGroup: "content",
    });
    return res ?? { cards: [], cursor: { total: 0 } };
  }

  // ---- review replies (feedbacks host, read-write Feedbacks category) ----

  /**
   * Answers a review (POST) or edits the answer (PATCH: once, within 60 days of the answer). WB answers
   * 204 whatever the id, so the caller re-reads the review to see the answer arrived. Never retried
   * after a timeout or a 5xx: a second POST could publish the answer twice.
   */
  async answerFeedback(params: { id: string; text: string; isEdit: boolean }): Promise<void> {
    await this.clients.feedbacks.request({
      method: params.isEdit ? "PATCH" : "POST",
      path: "/api/v1/feedbacks/answer",
      body: { id: params.id, text: params.text },
      schema: z.unknown(),
      limit: LIMITS.feedbacks,
      limitGroup: "feedbacks",
      isIdempotent: false,
    });
  }

  /** One review by id (`GET /api/v1/feedback`), null when WB has none under that id. */
  async feedback(id: string): Promise<Record<string, unknown> | null> {
    try {
      const res = await this.clients.feedbacks.request({
        method: "GET",
        path: "/api/v1/feedback",
        query: { id },
        schema: z.object({ data: record.nullish() }),
        limit: LIMITS.feedbacks,
        limitGroup: "feedbacks",
      });
      return res?.data ?? null;
    } catch (error) {
      // an unknown id: 400/404 in the {data:null, error:true, errorText} envelope
      if (error instanceof MarketplaceHttpError && !(error instanceof AuthError) && [400, 404].includes(error.status))
        return null;
      throw error;
    }
  }

  // ---- orders (demand): the statistics orders feed and its successor, the order feed ----

  /** Orders with lastChangeDate >= dateFrom (Moscow wall time), incremental mode, one row per unit. */
  orders(dateFrom: string): Promise<Record<string, unknown>[]> {
    return this.statisticsFeed("/api/v1/supplier/orders", "orders", dateFrom);
  }

  /**
   * One page of the order feed: orders whose current status dates from [start, end] (start no earlier
   * than 31 days ago); the pages after the first pin WB's snapshotTime.
   */
  async orderFeed(params: { start: string; end: string; offset: number; limit: number; snapshotTime?: string }) {
    const res = await this.clients.analytics.request({
      method: "POST",
      path: "/api/analytics/v1/order-feed",
      body: {
        selectedPeriod: { start: params.start, end: params.end },
        nmIds: [],
        subjectIds: [],
        brandNames: [],
        tagIds: [],
        pagination: {
          offset: params.offset,
          limit: params.limit,
          ...(params.snapshotTime ? { snapshotTime: params.snapshotTime } : {}),
        },
      },
      schema: z.object({
        data: z.object({ snapshotTime: z.string().nullish(), orders: recordList.nullish() }).nullish(),
      }),
      limit: LIMITS.orderFeed,
      limitGroup: "orderFeed",
    });
    return { snapshotTime: res?.data?.snapshotTime ?? undefined, orders: res?.data?.orders ?? [] };
  }

  /** FBS stock on the seller's own warehouses (§6.2.7), same paging as the WB-warehouse report; null at the end (204). */
  async sellerStocks(params: { offset: number; limit?: number }): Promise<Record<string, unknown>[] | null> {
    return this.stocksReport("/api/analytics/v1/stocks-report/seller-warehouses", "sellerStocks", params);
  }

  /** One page of a stocks report (both share the query, the answer and the limit; each its own group). */
  private async stocksReport(
    path: "/api/analytics/v1/stocks-report/wb-warehouses" | "/api/analytics/v1/stocks-report/seller-warehouses",
    limitGroup: "stocks" | "sellerStocks",
    params: { offset: number; limit?: number },
  ): Promise<Record<string, unknown>[] | null> {
    const res = await this.clients.analytics.request({
      method: "POST",
      path,
      body: { limit: params.limit ?? 250_000, offset: params.offset },
      schema: z.object({ data: z.object({ items: recordList }) }),
      limit: LIMITS.stocks,
      limitGroup,
    });
    return res ? res.data.items : null;
  }
}
