// WB sources: product cards, sales (incremental by lastChangeDate), the detailed finance report
// (rrdId paging), stocks and feedbacks. Each commits page by page with its cursor.
import type { Db } from "@/db";
import type { WbClient } from "@/lib/marketplaces/wb/client";
import {
  mapWbCard,
  mapWbFeedback,
  mapWbStock,
  type NormalizedReview,
  wbFinanceLineFact,
  wbReportHeader,
  wbSaleLineFact,
} from "@/lib/marketplaces/wb/mappers";
import { commitPage, type Mapped, mapRecords, type SourceContext, type SourceSummary } from "./context";
import {
  type DailyStockInput,
  readCursor,
  resolveWarehouses,
  upsertDailyStock,
  upsertReviews,
  upsertSkus,
  writeFinalCursor,
} from "./write";
import { financeLinesWriter, orderLinesWriter, WarningTally } from "./write-line-facts";
import { wbReportStatement, writeSettlementReports } from "./write-settlement-reports";
import type { Marketplace } from "@/db/schema";
import { addDays } from "@/lib/domain/dates";
import type { OrderLineFact } from "@/lib/marketplaces/lines";
import { mapWbSellerStock } from "@/lib/marketplaces/wb/order-mappers";
import { mapWbLostOrders } from "@/lib/marketplaces/wb/lost-orders-mappers";
import { writeMarketplaceEstimates } from "./write-marketplace-estimates";

const MAX_REPLAYS = 3;
/** a stored statistics cursor at most this far before a sync's start is resumed (WB keeps rows 90 days) */
const STATISTICS_RESUME_DAYS = 60;

export async function ingestWbCards(ctx: SourceContext, client: WbClient, summary: SourceSummary) {
  let cursor: { limit: number; updatedAt?: string; nmID?: number } = { limit: 100 };
  for (;;) {
    ctx.signal?.throwIfAborted();
    const res = await client.cards(cursor);
    await commitKeyedPage(
      ctx,
      "wb_cards",
      summary,
      res.cards,
      mapWbCard,
      (v) => v.externalId,
      (tx, skus) => upsertSkus(tx, ctx.stats, ctx.accountId, "WB", skus),
    );
    if (res.cards.length < cursor.limit || res.cursor.nmID == null) break;
    cursor = { limit: 100, updatedAt: res.cursor.updatedAt ?? undefined, nmID: Number(res.cursor.nmID) };
  }
}

interface SalesCursor {
  from: string;
  next: string;
}

/**
 * Sales and returns. WB's cursor is inclusive (rows at the cursor come again) and rows mutate, so every
 * row is upserted by saleID and an older version never replaces a newer one. Resumes from the stored
 * cursor when it covers the requested start.
 */
export async function ingestWbSales(ctx: SourceContext, client: WbClient, summary: SourceSummary) {
  await ingestWbStatisticsFeed(ctx, summary, "wb_sales", ctx.from, (cursor) => client.sales(cursor), wbSaleLineFact);
}

/**
 * One incremental statistics feed (sales, orders): rows with lastChangeDate >= the cursor, page by page,
 * each page committed with the cursor of its newest row. Starts at `from` (Moscow midnight) unless the
 * stored cursor already covers it.
 */
export async function ingestWbStatisticsFeed(
  ctx: SourceContext,
  summary: SourceSummary,
  source: string,
  from: string,
  fetchPage: (cursor: string) => Promise<Record<string, unknown>[]>,
  map: (raw: unknown, timeZone: string) => OrderLineFact,
) {
  const start = `${from}T00:00:00`;
  const stored = await readCursor(ctx.db, ctx.accountId, source);
  let cursor = start;
  let fromForCursor = start;
  if (stored) {
    const c = JSON.parse(stored) as SalesCursor;
    // everything changed since c.from up to c.next is stored already: continue from c.next, also when
    // it lies before `start` (rows changed between the last run and `start`, a late cancellation of an
    // old order, would otherwise be missed), unless WB no longer serves that far back (90 days)
    if (c.from <= start && c.next >= `${addDays(from, -STATISTICS_RESUME_DAYS)}T00:00:00`) {
      cursor = c.next;
      fromForCursor = c.from;
    }
  }
  let replays = 0;
  for (;;) {
    ctx.signal?.throwIfAborted();
    const rows = await fetchPage(cursor);
    if (rows.length === 0) break;
    const first = typeof rows[0].lastChangeDate === "string" ? rows[0].lastChangeDate : "";
    if (first && first < cursor) {
      // a page from before the cursor: the server replayed an earlier answer; ask again
      if (++replays > MAX_REPLAYS)
        throw new Error(`WB ${source}: the server keeps answering with rows before ${cursor}`);
      continue;
    }
    replays = 0;
    const page = mapRecords(rows, (raw) => {
      const v = map(raw, ctx.timeZone);
      return { key: v.key, d: v.d, version: v.version, value: v };
    });
    let next = cursor;
    for (const r of rows) if (typeof r.lastChangeDate === "string" && r.lastChangeDate > next) next = r.lastChangeDate;
    await commitPage(ctx, source, summary, page, {
      cursor: JSON.stringify({ from: fromForCursor, next } satisfies SalesCursor),
      writeFacts: orderLinesWriter(ctx, "WB"),
    });
    // every row is at the cursor: nothing newer exists
    if (next === cursor) break;
    cursor = next;
  }
}

interface FinanceCursor {
  from: string;
  to: string;
  rrdId: string;
  done: boolean;
}

/** The detailed finance report of [from, to]: settled sales and every cash flow line. */
export async function ingestWbFinance(ctx: SourceContext, client: WbClient, summary: SourceSummary) {
  const stored = await readCursor(ctx.db, ctx.accountId, "wb_finance");
  let rrdId = 0n;
  if (stored) {
    const c = JSON.parse(stored) as FinanceCursor;
    if (c.from === ctx.from && c.to === ctx.to && !c.done) rrdId = BigInt(c.rrdId);
  }
  const warnings = new WarningTally();
  try {
    let replays = 0;
    for (;;) {
      ctx.signal?.throwIfAborted();
      const lines = await client.financeDetailed({ dateFrom: ctx.from, dateTo: ctx.to, rrdId: Number(rrdId) });
      if (!lines || lines.length === 0) break;
      const fresh = lines.filter((l) => {
        try {
          return BigInt(String(l.rrdId)) > rrdId;
        } catch {
          return true;
        }
      });
      const replayed = lines.length - fresh.length;
      if (fresh.length === 0) {
        if (++replays > MAX_REPLAYS)
          throw new Error(`WB finance: the server keeps answering with lines up to rrdId ${rrdId}`);
        continue;
      }
      replays = 0;
      summary.fetched += replayed;
      summary.unchanged += replayed;
      const page = mapRecords(fresh, (raw) => {
        const v = wbFinanceLineFact(raw, ctx.timeZone);
        return { key: v.key, d: v.d, value: v };
      });
      let next = rrdId;
      for (const l of page.ok) if (BigInt(l.key) > next) next = BigInt(l.key);
      await commitPage(ctx, "wb_finance", summary, page, {
        cursor: JSON.stringify({
          from: ctx.from,
          to: ctx.to,
          rrdId: String(next),
          done: false,
        } satisfies FinanceCursor),
        writeFacts: financeLinesWriter(ctx, "WB"),
      });
      warnings.add(page.ok.flatMap((i) => i.value.warnings));
      if (next === rrdId) break;
      rrdId = next;
    }
  } finally {
    // the pages committed before a failure keep their warnings
    warnings.reportTo(summary);
  }
  // the range is complete: the next sync of it starts over and picks up late corrections
  await writeFinalCursor(ctx, "wb_finance", {
    from: ctx.from,
    to: ctx.to,
    rrdId: String(rrdId),
    done: true,
  } satisfies FinanceCursor);
}

/**
 * The weekly (and daily) report headers whose period touches [from, to]: each report's own
 * bankPaymentSum, for reconciliation. WB keeps them from 2025-01-01; 204 means none.
 */
export async function ingestWbReports(ctx: SourceContext, client: WbClient, summary: SourceSummary) {
  await commitOffsetPages(
    ctx,
    "wb_reports",
    summary,
    1000,
    async (offset, limit) =>
      (await client.salesReportsList({ dateFrom: ctx.from, dateTo: ctx.to, limit, offset })) ?? [],
    (raw) => {
      const v = wbReportHeader(raw);
      return { key: v.reportId, d: v.dateTo, value: v };
    },
    (tx, values) =>
      writeSettlementReports(
        tx,
        ctx,
        values.map((v) => wbReportStatement(v)),
      ),
  );
}

/** An offset-paged report, each page mapped and committed on its own; a page shorter than `limit` is the last. */
async function commitOffsetPages<T>(
  ctx: SourceContext,
  source: string,
  summary: SourceSummary,
  limit: number,
  fetchPage: (offset: number, limit: number) => Promise<unknown[]>,
  read: (raw: unknown) => { key: string; d: string | null; value: T },
  write: (tx: Db, values: T[]) => Promise<unknown>,
) {
  for (let offset = 0; ; offset += limit) {
    ctx.signal?.throwIfAborted();
    const rows = await fetchPage(offset, limit);
    await commitPage(ctx, source, summary, mapRecords(rows, read), {
      writeFacts: async (tx, items) => {
        await write(
          tx,
          items.map((i) => i.value),
        );
      },
    });
    if (rows.length < limit) break;
  }
}

/** Stock now, per size summed to the card and warehouse, as the snapshot of today's business day. */
export async function ingestWbStocks(ctx: SourceContext, client: WbClient, summary: SourceSummary) {
  const snapshot = stockSnapshot(ctx, "WB");
  const limit = 250_000;
  for (let offset = 0; ;) {
    ctx.signal?.throwIfAborted();
    const items = await client.stocks({ offset, limit });
    if (!items || items.length === 0) break;
    snapshot.add(items, (raw) => {
      const v = mapWbStock(raw);
      return { sku: v.nmId, ...v };
    });
    offset += items.length;
    if (items.length < limit) break;
  }
  await readWbSellerStocks(ctx, client, summary, snapshot);
  await snapshot.commit("wb_stocks", summary);
}

/** the period WB's lost orders estimate is asked for: the 28 days before today, as our lost sales */
export const WB_LOST_ORDERS_DAYS = 28;

/**
 * WB's own lost orders estimate per card (stocks report per product, §6.2.6) on today's snapshot day,
 * into sku_marketplace_estimates beside ours. A report not served (404) leaves it out with a warning.
 */
export async function ingestWbLostOrders(ctx: SourceContext, client: WbClient, summary: SourceSummary) {
  const start = addDays(ctx.today, -WB_LOST_ORDERS_DAYS);
  const end = addDays(ctx.today, -1);
  try {
    await commitOffsetPages(
      ctx,
      "wb_lost_orders",
      summary,
      1000,
      (offset, limit) => client.stocksReportProducts({ start, end, offset, limit }),
      (raw) => {
        const v = mapWbLostOrders(raw);
        return { key: v.sku, d: ctx.today, value: v };
      },
      (tx, values) => writeMarketplaceEstimates(ctx, tx, "wb_stocks_report", WB_LOST_ORDERS_DAYS, values),
    );
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
    (summary.warnings ??= []).push("stocks report per product not served (HTTP 404): no WB lost orders estimate");
  }
}

type StockItem = Parameters<typeof writeStock>[3][number] & { key: string };

/**
 * FBS stock on the seller's warehouses into the same snapshot. Personal and Service tokens only: a
 * token WB refuses for it (403) or a report not served (404) leaves FBS stock out with a warning.
 */
async function readWbSellerStocks(
  ctx: SourceContext,
  client: WbClient,
  summary: SourceSummary,
  snapshot: ReturnType<typeof stockSnapshot>,
) {
  const limit = 250_000;
  try {
    for (let offset = 0; ;) {
      ctx.signal?.throwIfAborted();
      const items = await client.sellerStocks({ offset, limit });
      if (!items || items.length === 0) break;
      snapshot.add(items, mapWbSellerStock);
      offset += items.length;
      if (items.length < limit) break;
    }
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== 403 && status !== 404) throw error;
    (summary.warnings ??= []).push(`seller-warehouse (FBS) stock not served (HTTP ${status}): FBS stock left out`);
  }
}

/** Stock read page by page and committed once at the end, as the snapshot of today's business day. */
export function stockSnapshot(ctx: SourceContext, marketplace: Marketplace) {
  const all: Mapped<StockItem>[] = [];
  const bad: { reason: string; payload: unknown }[] = [];
  return {
    add(records: unknown[], read: (raw: unknown) => StockItem) {
      const page = mapRecords(records, (raw) => {
        const v = read(raw);
        return { key: v.key, d: ctx.today, value: v };
      });
      all.push(...page.ok);
      bad.push(...page.bad);
    },
    commit: (source: string, summary: SourceSummary) =>
      commitPage(
        ctx,
        source,
        summary,
        { ok: all, bad },
        {
          writeFacts: (tx, items) =>
            writeStock(
              ctx,
              tx,
              marketplace,
              items.map((i) => i.value),
            ),
        },
      ),
  };
}

export async function writeStock(
  ctx: SourceContext,
  tx: Db,
  marketplace: Marketplace,
  items: {
    sku: string;
    warehouse: { code: string; name: string; kind: "FBO" | "FBS"; region?: string | null };
    onHand: number;
    inTransit: number;
    toClient?: number;
    fromClient?: number;
  }[],
) {
  const warehouses = await resolveWarehouses(
    tx,
    ctx.stats,
    marketplace,
    items.map((i) => i.warehouse),
  );
  const skuIds = await ctx.skus.resolve(
    tx,
    ctx.stats,
    items.map((i) => ({ externalId: i.sku })),
  );
  const sums = new Map<string, DailyStockInput>();
  for (const i of items) {
    const skuId = skuIds.get(i.sku)!;
    const warehouseId = warehouses.get(i.warehouse.code) ?? null;
    const key = `${skuId}|${warehouseId}`;
    const s = sums.get(key) ?? {
      d: ctx.today,
      skuId,
      warehouseId,
      onHand: 0,
      inTransit: 0,
      toClient: 0,
      fromClient: 0,
    };
    s.onHand += i.onHand;
    s.inTransit += i.inTransit;
    s.toClient! += i.toClient ?? 0;
    s.fromClient! += i.fromClient ?? 0;
    sums.set(key, s);
  }
  await upsertDailyStock(tx, ctx.stats, [...sums.values()]);
}

/** Feedbacks: unanswered and answered lists for the period, plus the archive. */
export async function ingestWbFeedbacks(ctx: SourceContext, client: WbClient, summary: SourceSummary) {
  const dateFrom = Math.floor(Date.parse(`${ctx.from}T00:00:00+03:00`) / 1000) - 86_400;
  const dateTo = Math.floor(Date.parse(`${ctx.to}T23:59:59+03:00`) / 1000) + 86_400;
  const take = 5000;
  for (const list of [
    { archive: false, isAnswered: false },
    { archive: false, isAnswered: true },
    { archive: true },
  ] as const) {
    for (let skip = 0; skip <= 199_990; skip += take) {
      ctx.signal?.throwIfAborted();
      const feedbacks = await client.feedbacks({
        ...list,
        take,
        skip,
        dateFrom: list.archive ? undefined : dateFrom,
        dateTo: list.archive ? undefined : dateTo,
      });
      await commitKeyedPage(
        ctx,
        "wb_feedbacks",
        summary,
        feedbacks,
        mapWbFeedback,
        (v) => v.key,
        (tx, reviews) => writeReviews(ctx, tx, "WB", reviews),
      );
      if (feedbacks.length < take) break;
    }
  }
}

/** A page of records each read to one value kept under its own key, with no day (the catalogue, reviews). */
export async function commitKeyedPage<T>(
  ctx: SourceContext,
  source: string,
  summary: SourceSummary,
  records: unknown[],
  read: (raw: unknown) => T,
  keyOf: (value: T) => string,
  write: (tx: Db, values: T[]) => Promise<unknown>,
) {
  const page = mapRecords(records, (raw) => {
    const v = read(raw);
    return { key: keyOf(v), d: null, value: v };
  });
  await commitPage(ctx, source, summary, page, {
    writeFacts: async (tx, items) => {
      await write(
        tx,
        items.map((i) => i.value),
      );
    },
  });
}

export async function writeReviews(ctx: SourceContext, tx: Db, marketplace: Marketplace, items: NormalizedReview[]) {
  const skuIds = await ctx.skus.resolve(
    tx,
    ctx.stats,
    items.map((i) => ({ externalId: i.skuExternalId })),
  );
  await upsertReviews(
    tx,
    ctx.stats,
    items.map((r) => ({
      reviewId: r.key,
      marketplace,
      accountId: ctx.accountId,
      skuId: skuIds.get(r.skuExternalId) ?? null,
      parentReviewId: r.parentReviewId,
      createdAt: r.createdAt.toISOString(),
      rating: r.rating,
      hasMedia: r.hasMedia,
      text: r.text,
      productName: r.productName,
      buyerName: r.buyerName,
      orderStatus: r.orderStatus,
      replyStatus: r.replyStatus,
    })),
  );
}
