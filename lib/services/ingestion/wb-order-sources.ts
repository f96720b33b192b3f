// WB orders, the demand signal: one source (wb_orders) over two WB methods with one mapper shape
// (order lines keyed by srid). The order feed is WB's successor of the statistics orders feed and also
// carries orders awaiting payment confirmation and their fate (buyout, return), but serves only the
// last 31 days; the statistics feed serves 90 days. A sync whose range starts within the order feed's
// window reads the order feed; an older start (a backfill), or an order feed WB has not enabled or has
// retired, reads the statistics feed. Either way one method per sync: the API budget stays minimal.
import { addDays, zonedWallTimeToInstant } from "@/lib/domain/dates";
import { MarketplaceHttpError, RetiredEndpointError } from "@/lib/marketplaces/http/errors";
import type { WbClient } from "@/lib/marketplaces/wb/client";
import { wbOrderFeedLineFact, wbOrderLineFact } from "@/lib/marketplaces/wb/order-mappers";
import { logger } from "@/lib/logger";
import { commitPage, mapRecords, type SourceContext, type SourceSummary } from "./context";
import { ingestWbStatisticsFeed } from "./wb-sources";
import { orderLinesWriter } from "./write-line-facts";
import { readCursor } from "./write";

/** the order feed rejects a period starting earlier than this many days ago */
export const WB_ORDER_FEED_DAYS = 31;
const FEED_PAGE = 10_000;

/** Whether a sync starting on `from` can read the order feed (a day of margin inside WB's 31 days). */
export function orderFeedCovers(from: string, today: string): boolean {
  return from >= addDays(today, -(WB_ORDER_FEED_DAYS - 2));
}

export async function ingestWbOrders(ctx: SourceContext, client: WbClient, summary: SourceSummary) {
  if (orderFeedCovers(ctx.from, ctx.today)) {
    try {
      await ingestWbOrderFeed(ctx, client, summary);
      return;
    } catch (error) {
      // not served (404/410), or the period refused (400: WB's clock puts `from` beyond its 31 days)
      const refused = error instanceof MarketplaceHttpError && error.status === 400;
      if (!(error instanceof RetiredEndpointError) && !refused) throw error;
      logger.warn("sync.wb.order_feed_unavailable", { accountId: ctx.accountId, status: error.status });
      (summary.warnings ??= []).push(`order feed not served (HTTP ${error.status}): read the statistics orders`);
    }
  }
  await ingestWbStatisticsFeed(ctx, summary, "wb_orders", ctx.from, (cursor) => client.orders(cursor), wbOrderLineFact);
}

/**
 * Orders whose current status dates from `from` until the end of today, newest status first, in
 * pages of 10 000 pinned to the first answer's snapshotTime; a page shorter than the limit is the last.
 */
async function ingestWbOrderFeed(ctx: SourceContext, client: WbClient, summary: SourceSummary) {
  const last = ctx.today > ctx.to ? ctx.today : ctx.to;
  let start = zonedWallTimeToInstant(`${ctx.from}T00:00:00`, ctx.timeZone).toISOString();
  const end = zonedWallTimeToInstant(`${addDays(last, 1)}T00:00:00`, ctx.timeZone).toISOString();
  // statuses that changed after the last run's snapshot but before `from` (a cancellation of an older
  // order after skipped nights) are read too, as far as the feed's window allows
  const stored = await readCursor(ctx.db, ctx.accountId, "wb_order_feed");
  const snapshot = stored ? (JSON.parse(stored) as { snapshotTime?: string }).snapshotTime : undefined;
  const previous = snapshot && !Number.isNaN(Date.parse(snapshot)) ? new Date(snapshot).toISOString() : undefined;
  const windowStart = zonedWallTimeToInstant(`${addDays(ctx.today, -(WB_ORDER_FEED_DAYS - 2))}T00:00:00`, ctx.timeZone);
  if (previous && previous < start) start = previous < windowStart.toISOString() ? windowStart.toISOString() : previous;
  let snapshotTime: string | undefined;
  for (let offset = 0; ; offset += FEED_PAGE) {
    ctx.signal?.throwIfAborted();
    const res = await client.orderFeed({ start, end, offset, limit: FEED_PAGE, snapshotTime });
    snapshotTime ??= res.snapshotTime;
    const page = mapRecords(res.orders, (raw) => {
      const v = wbOrderFeedLineFact(raw, ctx.timeZone);
      return { key: v.key, d: v.d, version: v.version, value: v };
    });
    const done = res.orders.length < FEED_PAGE;
    await commitPage(ctx, "wb_order_feed", summary, page, {
      // the snapshot becomes the next run's start once the last page is in
      cursor: done && snapshotTime ? JSON.stringify({ snapshotTime }) : undefined,
      writeFacts: orderLinesWriter(ctx, "WB"),
    });
    if (done) break;
  }
}
