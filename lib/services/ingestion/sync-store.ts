// One store's sync run: every source in turn, each failing on its own; a rejected token stops the
// store at once (no retry storm, no further calls) and marks it as needing attention.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { type Marketplace, accounts, syncRuns } from "@/db/schema";
import { logger } from "@/lib/logger";
import type { ResilienceOptions } from "@/lib/marketplaces/http/base-client";
import { AuthError, syncFailureOf } from "@/lib/marketplaces/http/errors";
import { OzonClient } from "@/lib/marketplaces/ozon/client";
import { WbClient } from "@/lib/marketplaces/wb/client";
import type { SyncableAccount } from "@/lib/services/accounts/ensure-env-accounts";
import { confirmReviewReplies } from "@/lib/services/reviews/confirm-review-replies";
import type { ReplyClient } from "@/lib/services/reviews/open-reply-client";
import type { MarketplaceConfig } from "./config";
import { emptySummary, type SourceContext, type SourceSummary } from "./context";
import { deriveStoreDailyOrders } from "./derive-daily-orders";
import { ingestOzonClusters, ingestOzonSupplyRecommendations } from "./ozon-cluster-sources";
import { deriveStoreDailySales } from "./derive-daily-sales";
import {
  ingestOzonAccruals,
  ingestOzonPayouts,
  ingestOzonPostings,
  ingestOzonProducts,
  ingestOzonReviews,
  ingestOzonStocks,
} from "./ozon-sources";
import {
  ingestWbCards,
  ingestWbFeedbacks,
  ingestWbFinance,
  ingestWbLostOrders,
  ingestWbReports,
  ingestWbSales,
  ingestWbStocks,
} from "./wb-sources";
import { ingestWbOrders } from "./wb-order-sources";
import { SkuResolver, type WriteStats } from "./write";

export type RunStatus = "succeeded" | "partial" | "failed";

export interface StoreRunSummary {
  runId: number;
  accountId: number;
  accountName: string;
  marketplace: Marketplace;
  status: RunStatus;
  sources: Record<string, SourceSummary>;
  /** HTTP requests sent to the marketplace in this run (retries included) */
  apiCalls: number;
  writeMs: number;
  /** write time per statement kind */
  writeMsByStatement: Record<string, number>;
}

export interface SyncStoreOptions {
  db: Db;
  account: SyncableAccount;
  from: string;
  to: string;
  trigger: "cli" | "schedule" | "manual" | "inngest" | "demo" | "test";
  config: MarketplaceConfig;
  today: string;
  resilience?: ResilienceOptions;
  signal?: AbortSignal;
  /** run only these sources (tests) */
  sources?: string[];
}

interface SourceStep {
  name: string;
  run: (ctx: SourceContext, summary: SourceSummary) => Promise<void>;
  /** derived steps run only when these sources succeeded */
  dependsOn?: string[];
}

export async function syncStore(options: SyncStoreOptions): Promise<StoreRunSummary> {
  const { db, account } = options;
  const [run] = await db
    .insert(syncRuns)
    .values({
      accountId: account.id,
      trigger: options.trigger,
      status: "running",
      dateFrom: options.from,
      dateTo: options.to,
    })
    .returning({ id: syncRuns.id });
  const stats: WriteStats = { writeMs: 0, statements: 0, byStatement: {} };
  const summary: StoreRunSummary = {
    runId: run.id,
    accountId: account.id,
    accountName: account.name,
    marketplace: account.marketplace,
    status: "failed",
    sources: {},
    apiCalls: 0,
    writeMs: 0,
    writeMsByStatement: {},
  };
  if (!account.credentials) {
    await finishRun(db, summary, account.credentialsProblem ?? "no credentials");
    return summary;
  }

  const ctx: SourceContext = {
    db,
    accountId: account.id,
    runId: run.id,
    from: options.from,
    to: options.to,
    timeZone: options.config.timeZone,
    today: options.today,
    signal: options.signal,
    stats,
    skus: new SkuResolver(account.id, account.marketplace),
  };
  let steps: SourceStep[];
  let requestCount: () => number;
  let replyApi: ReplyClient;
  if (account.credentials.marketplace === "WB") {
    const client = new WbClient(account.credentials.token, options.config.wbUrls, options.resilience, options.signal);
    replyApi = { marketplace: "WB", client };
    requestCount = () => client.requestCount;
    steps = [
      { name: "wb_cards", run: (c, s) => ingestWbCards(c, client, s) },
      { name: "wb_sales", run: (c, s) => ingestWbSales(c, client, s) },
      { name: "wb_orders", run: (c, s) => ingestWbOrders(c, client, s) },
      { name: "wb_finance", run: (c, s) => ingestWbFinance(c, client, s) },
      { name: "wb_reports", run: (c, s) => ingestWbReports(c, client, s) },
      { name: "wb_stocks", run: (c, s) => ingestWbStocks(c, client, s) },
      { name: "wb_lost_orders", run: (c, s) => ingestWbLostOrders(c, client, s) },
      { name: "wb_feedbacks", run: (c, s) => ingestWbFeedbacks(c, client, s) },
      { name: "wb_daily_sales", run: deriveStoreDailySales, dependsOn: ["wb_sales", "wb_finance"] },
      { name: "wb_daily_orders", run: deriveStoreDailyOrders, dependsOn: ["wb_orders"] },
    ];
  } else {
    const client = new OzonClient(
      account.credentials.clientId,
      account.credentials.apiKey,
      options.config.ozonUrl,
      options.resilience,
      options.signal,
    );
    replyApi = { marketplace: "OZON", client };
    requestCount = () => client.requestCount;
    steps = [
      { name: "ozon_products", run: (c, s) => ingestOzonProducts(c, client, s) },
      { name: "ozon_clusters", run: (c, s) => ingestOzonClusters(c, client, s) },
      { name: "ozon_accruals", run: (c, s) => ingestOzonAccruals(c, client, s) },
      { name: "ozon_postings_fbo", run: (c, s) => ingestOzonPostings(c, client, s, "FBO") },
      { name: "ozon_postings_fbs", run: (c, s) => ingestOzonPostings(c, client, s, "FBS") },
      { name: "ozon_stocks", run: (c, s) => ingestOzonStocks(c, client, s) },
      { name: "ozon_supply_recommendations", run: (c, s) => ingestOzonSupplyRecommendations(c, client, s) },
      { name: "ozon_reviews", run: (c, s) => ingestOzonReviews(c, client, s) },
      { name: "ozon_payouts", run: (c, s) => ingestOzonPayouts(c, client, s) },
      {
        name: "ozon_daily_sales",
        run: deriveStoreDailySales,
        dependsOn: ["ozon_accruals", "ozon_postings_fbo", "ozon_postings_fbs"],
      },
      {
        name: "ozon_daily_orders",
        run: deriveStoreDailyOrders,
        dependsOn: ["ozon_postings_fbo", "ozon_postings_fbs"],
      },
    ];
  }
  if (options.sources) steps = steps.filter((s) => options.sources!.includes(s.name));

  let rejected: AuthError | undefined;
  let attention: string | undefined;
  let reviewsAvailable: boolean | undefined;
  for (const step of steps) {
    const s = emptySummary();
    summary.sources[step.name] = s;
    const started = performance.now();
    const failedInputs = (step.dependsOn ?? []).filter(
      (d) => summary.sources[d] && summary.sources[d].status !== "succeeded",
    );
    if (rejected) {
      s.status = "skipped";
      s.skipped = "credentials_rejected";
      s.error = `not run: the marketplace rejected the credentials (${rejected.status})`;
    } else if (failedInputs.length > 0) {
      s.status = "skipped";
      s.skipped = "inputs_failed";
      s.error = `not derived: ${failedInputs.join(", ")} did not succeed`;
    } else if (options.signal?.aborted) {
      s.status = "skipped";
      s.skipped = "cancelled";
      s.error = "sync cancelled";
    } else {
      try {
        await step.run(ctx, s);
        if (step.name === "ozon_reviews") reviewsAvailable = true;
      } catch (error) {
        if (error instanceof AuthError && error.reason === "subscription_required" && step.name === "ozon_reviews") {
          // a seller without the reviews subscription: the feature is off, not a failure
          s.status = "skipped";
          s.skipped = "unavailable";
          s.error = "reviews are not available for this store (Ozon reviews subscription missing)";
          reviewsAvailable = false;
        } else {
          s.status = "failed";
          s.error = (error as Error).message;
          s.failure = syncFailureOf(error);
          if (error instanceof AuthError) {
            // a code the UI words per language (as Test connection writes it), not the exception's English
            attention = error.reason === "bad_token" ? "token_rejected" : "missing_scope";
            if (error.reason === "bad_token") rejected = error;
          }
          logger.error("sync.source_failed", { accountId: account.id, source: step.name, error });
        }
      }
    }
    s.ms = Math.round(performance.now() - started);
    await recordSourceStatus(db, account.id, step.name, s, options.to);
  }
  // replies the marketplace accepted since the last sync: published, rejected or still waiting
  if (!rejected && reviewsAvailable !== false && !options.signal?.aborted && !options.sources) {
    try {
      await confirmReviewReplies(db, { accountId: account.id, api: replyApi });
    } catch (error) {
      logger.warn("sync.review_replies_failed", { accountId: account.id, error });
    }
  }
  summary.apiCalls = requestCount();
  summary.writeMs = Math.round(stats.writeMs);
  summary.writeMsByStatement = Object.fromEntries(
    Object.entries(stats.byStatement ?? {}).map(([k, v]) => [k, Math.round(v)]),
  );

  const updates: Partial<typeof accounts.$inferInsert> = {};
  if (attention) Object.assign(updates, { status: "needs_attention", statusDetail: attention });
  else Object.assign(updates, { status: "ok", statusDetail: null });
  // a source answered with data: the marketplace accepted the key
  if (!attention && Object.values(summary.sources).some((s) => s.status === "succeeded")) {
    updates.verifiedAt = sql`now()` as unknown as Date;
  }
  if (reviewsAvailable !== undefined) updates.reviewsAvailable = reviewsAvailable;
  await db
    .update(accounts)
    .set({ ...updates, updatedAt: sql`now()` })
    .where(eq(accounts.id, account.id));

  const statuses = Object.values(summary.sources).map((s) => s.status);
  const failed = statuses.filter((s) => s === "failed").length;
  const succeeded = statuses.filter((s) => s === "succeeded").length;
  const blocked = Object.values(summary.sources).some(
    (s) => s.skipped === "credentials_rejected" || s.skipped === "inputs_failed",
  );
  summary.status = failed === 0 && !blocked ? "succeeded" : succeeded > 0 ? "partial" : "failed";
  await finishRun(
    db,
    summary,
    failed > 0
      ? Object.entries(summary.sources)
          .filter(([, s]) => s.status === "failed")
          .map(([n, s]) => `${n}: ${s.error}`)
          .join("; ")
          .slice(0, 2000)
      : undefined,
  );
  logger.info("sync.run_finished", {
    runId: summary.runId,
    accountId: account.id,
    status: summary.status,
    apiCalls: summary.apiCalls,
  });
  return summary;
}

async function finishRun(db: Db, summary: StoreRunSummary, error?: string) {
  await db
    .update(syncRuns)
    .set({ status: summary.status, sources: summary.sources, error: error ?? null, finishedAt: sql`now()` })
    .where(eq(syncRuns.id, summary.runId));
}

/** What the sync page words for a source that did not succeed: its typed failure, or why it was skipped. */
function failureOf(s: SourceSummary): string | null {
  if (s.failure) return JSON.stringify(s.failure);
  if (s.status === "skipped" && s.skipped) return JSON.stringify({ kind: "skipped", reason: s.skipped });
  return null;
}

async function recordSourceStatus(db: Db, accountId: number, source: string, s: SourceSummary, to: string) {
  const status = s.status === "failed" ? "failed" : "succeeded";
  await db.execute(sql`
    insert into sync_source_status (account_id, source, last_success_day, last_status, last_error, last_failure)
    values (${accountId}::int, ${source}, ${s.status === "succeeded" ? to : null}::date, ${status}, ${s.error ?? null},
            ${failureOf(s)}::jsonb)
    on conflict (account_id, source) do update
      set last_success_day = case when excluded.last_status = 'succeeded' and excluded.last_success_day is not null
                                  then greatest(coalesce(sync_source_status.last_success_day, excluded.last_success_day), excluded.last_success_day)
                                  else sync_source_status.last_success_day end,
          last_status = excluded.last_status, last_error = excluded.last_error,
          last_failure = excluded.last_failure, updated_at = now()`);
}
