// Ozon Seller API client: one host, POST with JSON bodies, Client-Id + Api-Key headers, 50 rps per
// Client-Id. Records are returned unvalidated inside a checked envelope; mappers validate each one.
import { z } from "zod";
import { BaseClient, type ResilienceOptions, retryAfterMs } from "../http/base-client";
import { AuthError, MarketplaceHttpError, RateLimitedError, RetiredEndpointError, UpstreamError } from "../http/errors";

const record = z.record(z.string(), z.unknown());
const recordList = z.array(record);
const GLOBAL = { intervalMs: 20, burst: 50 };
const STOCKS = { intervalMs: 1000, burst: 1 };

function classifyOzon(status: number, body: string, headers: Headers, path: string): MarketplaceHttpError {
  let code: number | undefined;
  let message = body.slice(0, 300);
  try {
    const parsed = JSON.parse(body) as { code?: number; message?: string };
    code = parsed.code;
    message = parsed.message ?? message;
  } catch {
    /* keep text */
  }
  if (status === 401 || (status === 404 && code === 5))
    return new AuthError("OZON", status, "bad_token", message, body);
  if (status === 403) {
    return new AuthError(
      "OZON",
      403,
      /subscription/i.test(message) ? "subscription_required" : "missing_scope",
      message,
      body,
    );
  }
  if (status === 429) return new RateLimitedError("OZON", retryAfterMs(headers, "Retry-After") ?? 1000, body);
  if (status === 400 && code === 9) return new RetiredEndpointError("OZON", status, path, body);
  if (status >= 500) return new UpstreamError("OZON", status, `Ozon ${path}: HTTP ${status}: ${message}`, body);
  return new MarketplaceHttpError("OZON", status, `Ozon ${path}: HTTP ${status}: ${message}`, body);
}

export class OzonClient {
  private readonly client: BaseClient;

  constructor(
    clientId: string,
    apiKey: string,
    baseUrl: string,
    resilience: ResilienceOptions = {},
    signal?: AbortSignal,
  ) {
    this.client = new BaseClient({
      vendor: "OZON",
      baseUrl,
      headers: { "Client-Id": clientId, "Api-Key": apiKey },
      classify: classifyOzon,
      signal,
      ...resilience,
    });
  }

  get requestCount(): number {
    return this.client.stats.requests;
  }

  private post<S extends z.ZodType>(path: string, body: unknown, schema: S, limit = GLOBAL) {
    return this.client.request({
      method: "POST",
      path,
      body,
      schema,
      limit,
      limitGroup: limit === GLOBAL ? "global" : path,
    });
  }

  async accrualTypes() {
    const res = await this.post(
      "/v1/finance/accrual/types",
      {},
      z.object({
        accrual_types: z.array(z.object({ id: z.union([z.number(), z.string()]), name: z.string().optional() })),
      }),
    );
    return res?.accrual_types ?? [];
  }

  async accrualsByDay(date: string, lastId: string) {
    const res = await this.post(
      "/v1/finance/accrual/by-day",
      { date, last_id: lastId },
      z.object({ accruals: recordList, last_id: z.union([z.string(), z.number()]).nullish() }),
    );
    return { accruals: res?.accruals ?? [], lastId: res?.last_id == null ? "" : String(res.last_id) };
  }

  /** FBO (v3) or FBS (v4) postings processed in [since, to), cursor paging; bodies as each version's schema has them. */
  async postings(schema: "FBO" | "FBS", since: string, to: string, cursor: string) {
    const path = schema === "FBO" ? "/v3/posting/fbo/list" : "/v4/posting/fbs/list";
    const body =
      schema === "FBO"
        ? {
            filter: { since, to },
            limit: 100,
            cursor,
            sort_dir: "ASC",
            translit: false,
            with: { analytics_data: true, financial_data: true, legal_info: false },
          }
        : {
            filter: { since, to },
            limit: 100,
            cursor,
            sort_dir: "ASC",
            translit: false,
            with: { analytics_data: true, financial_data: true, barcodes: false, legal_info: false },
          };
    const res = await this.post(
      path,
      body,
      z.object({ postings: recordList.nullish(), has_next: z.boolean().nullish(), cursor: z.string().nullish() }),
    );
    return { postings: res?.postings ?? [], hasNext: res?.has_next ?? false, cursor: res?.cursor ?? "" };
  }

  async productList(lastId: string) {
    const res = await this.post(
      "/v3/product/list",
      { filter: { visibility: "ALL" }, last_id: lastId, limit: 1000 },
      z.object({
        result: z.object({
          items: recordList,
          last_id: z.union([z.string(), z.number()]).nullish(),
          total: z.number().optional(),
        }),
      }),
    );
    return { items: res?.result.items ?? [], lastId: res?.result.last_id == null ? "" : String(res.result.last_id) };
  }

  async productInfo(productIds: string[]) {
    const res = await this.post("/v3/product/info/list", { product_id: productIds }, z.object({ items: recordList }));
    return res?.items ?? [];
  }

  async fboStocks(skus: string[]) {
    const res = await this.post("/v1/analytics/stocks", { skus }, z.object({ items: recordList }), STOCKS);
    return res?.items ?? [];
  }

  /** Seller-warehouse stock of the given SKUs (the schema requires `sku` or `offer_id` non-empty; ≤1000). */
  async fbsStocks(skus: string[], cursor: string) {
    const res = await this.post(
      "/v2/product/info/stocks-by-warehouse/fbs",
      { limit: 1000, cursor, sku: skus },
      z.object({ products: recordList.nullish(), cursor: z.string().nullish(), has_next: z.boolean().nullish() }),
    );
    return { products: res?.products ?? [], cursor: res?.cursor ?? "", hasNext: res?.has_next ?? false };
  }

  async reviews(lastId: string, publishedFrom: string, publishedTo: string) {
    const res = await this.post(
      "/v2/review/list",
      {
        limit: 100,
        last_id: lastId,
        sort_dir: "ASC",
        filters: {
          status: "ALL",
          order_status: "ALL",
          published_from: publishedFrom,
          published_to: publishedTo,
        },
      },
      z.object({ reviews: recordList, has_next: z.boolean(), last_id: z.string().nullish() }),
    );
    return { reviews: res?.reviews ?? [], hasNext: res?.has_next ?? false, lastId: res?.last_id ?? "" };
  }

  /**
   * One page of half-month payout statements. page_size 1: a `details` object describes a single period,
   * so one period per page leaves no doubt which one it belongs to (the official example asks the same).
   * `page_count` stands beside `result` in the official example and inside it in the schema: both read.
   */
  async cashFlowStatement(from: string, to: string, page: number) {
    const count = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]).nullish();
    const res = await this.post(
      "/v1/finance/cash-flow-statement/list",
      { date: { from: `${from}T00:00:00.000Z`, to: `${to}T23:59:59.999Z` }, page, page_size: 1, with_details: true },
      z.object({
        result: z.object({ cash_flows: recordList.nullish(), details: z.unknown().optional(), page_count: count }),
        page_count: count,
      }),
    );
    return {
      cashFlows: res?.result.cash_flows ?? [],
      details: res?.result.details,
      pageCount: res?.page_count ?? res?.result.page_count ?? null,
    };
  }

  // ---- review replies (the reviews subscription, a key allowed to write) ----

  /** Posts a seller comment on a review and marks the review processed. Never retried after a timeout or a 5xx. */
  async createReviewComment(params: { reviewId: string; text: string }): Promise<{ commentId: string }> {
    const res = await this.client.request({
      method: "POST",
      path: "/v1/review/comment/create",
      body: { review_id: params.reviewId, text: params.text, mark_review_as_processed: true },
      schema: z.object({ comment_id: z.union([z.string(), z.number()]).transform(String) }),
      limit: GLOBAL,
      limitGroup: "global",
      isIdempotent: false,
    });
    if (!res) throw new MarketplaceHttpError("OZON", 200, "Ozon /v1/review/comment/create: empty answer");
    return { commentId: res.comment_id };
  }

  /** The comments on a review that passed moderation (`/v1/review/comment/list`), first 100. */
  async reviewComments(reviewId: string): Promise<Record<string, unknown>[]> {
    const res = await this.post(
      "/v1/review/comment/list",
      { review_id: reviewId, limit: 100, offset: 0, sort_dir: "ASC" },
      z.object({ comments: recordList.nullish() }),
    );
    return res?.comments ?? [];
  }

  // ---- clusters (restock planning) ----

  /**
   * One page of the beta local-sale method items-clusters (§6.4.5): per SKU and delivery cluster, Ozon's
   * recommended supply for `supplyPeriod` and the localisation index over [from, to].
   */
  async localSaleItemsClusters(params: {
    from: string;
    to: string;
    skus: string[];
    deliverySchema: "ALL" | "FBO" | "FBS";
    supplyPeriod: "ONE_WEEK" | "TWO_WEEKS" | "FOUR_WEEKS" | "EIGHT_WEEKS";
    offset: number;
    limit: number;
  }) {
    const res = await this.post(
      "/v1/analytics/local-sale/items-clusters/info",
      {
        filter: {
          period: { from: params.from, to: params.to },
          skus: params.skus,
          delivery_schema: params.deliverySchema,
          supply_period: params.supplyPeriod,
        },
        limit: params.limit,
        offset: params.offset,
      },
      z.object({
        items: recordList.nullish(),
        total: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
      }),
    );
    return { items: res?.items ?? [], total: res?.total ?? null };
  }

  /** Macro-local clusters with their Ozon warehouses (§6.4.2); no parameters. */
  async clusters() {
    const res = await this.post("/v2/cluster/list", {}, z.object({ result: recordList.nullish() }));
    return res?.result ?? [];
  }
}
