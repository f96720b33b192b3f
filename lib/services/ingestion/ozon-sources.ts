// Ozon sources: products, accruals by day (last_id paging, the settled money), FBO/FBS postings
// (provisional sales), stocks, reviews (subscription-gated) and payouts.
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { addDays, eachDay, zonedWallTimeToInstant } from "@/lib/domain/dates";
import type { OzonClient } from "@/lib/marketplaces/ozon/client";
import {
  mapOzonFboStock,
  mapOzonFbsStock,
  mapOzonPayout,
  mapOzonProduct,
  mapOzonReview,
  type OzonPayout,
  ozonAccrualFacts,
  ozonPostingLines,
  readOzonPayoutDetails,
} from "@/lib/marketplaces/ozon/mappers";
import { logger } from "@/lib/logger";
import { commitPage, type Mapped, mapRecords, type SourceContext, type SourceSummary } from "./context";
import { commitKeyedPage, stockSnapshot, writeReviews } from "./wb-sources";
import { readCursor, upsertSkus, writeFinalCursor } from "./write";
import { orderLinesWriter, WarningTally, writeFinanceLines } from "./write-line-facts";
import { ozonPeriodStatement, writeSettlementReports } from "./write-settlement-reports";
import { type MarketplaceEstimate, ozonStockEstimates, writeMarketplaceEstimates } from "./write-marketplace-estimates";

const MAX_REPLAYS = 3;

export async function ingestOzonProducts(ctx: SourceContext, client: OzonClient, summary: SourceSummary) {
  let lastId = "";
  for (;;) {
    ctx.signal?.throwIfAborted();
    const list = await client.productList(lastId);
    if (list.items.length === 0) break;
    const ids = list.items.map((i) => String(i.product_id));
    const info = await client.productInfo(ids);
    await commitKeyedPage(
      ctx,
      "ozon_products",
      summary,
      info,
      mapOzonProduct,
      (v) => v.externalId,
      (tx, skus) => upsertSkus(tx, ctx.stats, ctx.accountId, "OZON", skus),
    );
    if (!list.lastId || list.lastId === lastId) break;
    lastId = list.lastId;
  }
}

interface AccrualCursor {
  from: string;
  to: string;
  day: string;
  lastId: string;
  done: boolean;
  /** when lastId was received: Ozon honours it for 15 minutes, then answers 400 */
  at?: string;
}

/** a stored last_id older than this restarts its day (a little under Ozon's 15 minutes) */
const LAST_ID_LIFETIME_MS = 14 * 60_000;

/** Accruals of every day in [from, to]; unknown type ids are stored as 'other' and reported. */
export async function ingestOzonAccruals(ctx: SourceContext, client: OzonClient, summary: SourceSummary) {
  const dictionary = new Map((await client.accrualTypes()).map((t) => [Number(t.id), t.name ?? ""]));
  const stored = await readCursor(ctx.db, ctx.accountId, "ozon_accruals");
  let resume: AccrualCursor | undefined;
  if (stored) {
    const c = JSON.parse(stored) as AccrualCursor;
    if (c.from === ctx.from && c.to === ctx.to && !c.done) {
      // an expired last_id would get 400: that day is read again from its start (rewrites are no-ops)
      const expired = c.lastId !== "" && !(c.at && Date.now() - Date.parse(c.at) < LAST_ID_LIFETIME_MS);
      resume = expired ? { ...c, lastId: "" } : c;
    }
  }
  const unknown = new Map<number, number>();
  const warnings = new WarningTally();
  try {
    for (const day of eachDay(ctx.from, ctx.to)) {
      if (resume && day < resume.day) continue;
      let lastId = resume && day === resume.day ? resume.lastId : "";
      const seen = new Set<string>();
      let replays = 0;
      for (;;) {
        ctx.signal?.throwIfAborted();
        const res = await client.accrualsByDay(day, lastId);
        // a page already seen (the server answered with an earlier page): skip it, count it unchanged
        const fresh = res.accruals.filter((a) => !seen.has(String(a.accrual_id)));
        for (const a of res.accruals) seen.add(String(a.accrual_id));
        const replayed = res.accruals.length - fresh.length;
        summary.fetched += replayed;
        summary.unchanged += replayed;
        if (fresh.length === 0 && res.accruals.length > 0 && res.lastId) {
          if (++replays > MAX_REPLAYS)
            throw new Error(`Ozon accruals ${day}: the server keeps answering with pages already seen`);
          lastId = res.lastId;
          continue;
        }
        replays = 0;
        const page = mapRecords(fresh, (raw) => {
          const v = ozonAccrualFacts(raw);
          const r = raw as { accrual_id?: unknown; date?: unknown };
          return { key: String(r.accrual_id), d: String(r.date), value: v };
        });
        for (const m of page.ok) for (const id of m.value.unknownTypeIds) unknown.set(id, (unknown.get(id) ?? 0) + 1);
        const done = !res.lastId;
        await commitPage(ctx, "ozon_accruals", summary, page, {
          cursor: JSON.stringify({
            from: ctx.from,
            to: ctx.to,
            day: done ? addDays(day, 1) : day,
            lastId: done ? "" : res.lastId,
            done: false,
            at: new Date().toISOString(),
          } satisfies AccrualCursor),
          writeFacts: async (tx, items) => {
            await writeFinanceLines(
              ctx,
              tx,
              "OZON",
              items.flatMap((i) => i.value.facts),
            );
          },
        });
        warnings.add(page.ok.flatMap((i) => i.value.facts.flatMap((f) => f.warnings)));
        if (done || res.lastId === lastId) break;
        lastId = res.lastId;
      }
    }
  } finally {
    // the pages committed before a failure keep their warnings
    warnings.reportTo(summary);
  }
  await writeFinalCursor(ctx, "ozon_accruals", {
    from: ctx.from,
    to: ctx.to,
    day: ctx.to,
    lastId: "",
    done: true,
  } satisfies AccrualCursor);
  if (unknown.size > 0) {
    const list = [...unknown].map(([id, n]) => `${id}${dictionary.get(id) ? ` (${dictionary.get(id)})` : ""} x${n}`);
    (summary.warnings ??= []).push(`unknown accrual types kept as deductions_other: ${list.join(", ")}`);
    logger.warn("sync.ozon.unknown_accrual_types", { accountId: ctx.accountId, types: list });
  }
}

/** FBO or FBS postings processed in [from, to] (business days), cursor paging. */
export async function ingestOzonPostings(
  ctx: SourceContext,
  client: OzonClient,
  summary: SourceSummary,
  schema: "FBO" | "FBS",
) {
  const source = schema === "FBO" ? "ozon_postings_fbo" : "ozon_postings_fbs";
  const since = zonedWallTimeToInstant(`${ctx.from}T00:00:00`, ctx.timeZone).toISOString();
  const to = zonedWallTimeToInstant(`${addDays(ctx.to, 1)}T00:00:00`, ctx.timeZone).toISOString();
  const stored = await readCursor(ctx.db, ctx.accountId, source);
  let cursor = "";
  if (stored) {
    const c = JSON.parse(stored) as { since: string; to: string; cursor: string; done: boolean };
    if (c.since === since && c.to === to && !c.done) cursor = c.cursor;
  }
  const seen = new Set<string>();
  let replays = 0;
  for (;;) {
    ctx.signal?.throwIfAborted();
    const res = await client.postings(schema, since, to, cursor);
    const fresh = res.postings.filter((p) => !seen.has(String(p.posting_number)));
    for (const p of res.postings) seen.add(String(p.posting_number));
    const replayed = res.postings.length - fresh.length;
    summary.fetched += replayed;
    summary.unchanged += replayed;
    if (fresh.length === 0 && res.hasNext) {
      if (++replays > MAX_REPLAYS)
        throw new Error(`Ozon ${schema} postings: the server keeps answering with postings already seen`);
      cursor = res.cursor;
      continue;
    }
    replays = 0;
    const page = mapRecords(fresh, (raw) => {
      const lines = ozonPostingLines(raw, schema, ctx.timeZone);
      const r = raw as { posting_number?: unknown };
      return { key: String(r.posting_number), d: lines[0]?.d ?? null, value: lines };
    });
    await commitPage(ctx, source, summary, page, {
      cursor: JSON.stringify({ since, to, cursor: res.hasNext ? res.cursor : "", done: !res.hasNext }),
      writeFacts: orderLinesWriter(ctx, "OZON"),
    });
    if (!res.hasNext || !res.cursor) break;
    cursor = res.cursor;
  }
}

/** FBO stock (analytics, 100 SKUs a call) and FBS stock, as today's snapshot. */
export async function ingestOzonStocks(ctx: SourceContext, client: OzonClient, summary: SourceSummary) {
  await ctx.skus.load(ctx.db);
  const skuRows = rowsOf<{ e: string }>(
    await ctx.db.execute(
      sql`select ozon_id::text as e from sku where marketplace = 'OZON' and account_id = ${ctx.accountId}::int order by ozon_id`,
    ),
  );
  const snapshot = stockSnapshot(ctx, "OZON");
  const estimates: MarketplaceEstimate[] = [];
  for (let i = 0; i < skuRows.length; i += 100) {
    ctx.signal?.throwIfAborted();
    const items = await client.fboStocks(skuRows.slice(i, i + 100).map((r) => r.e));
    snapshot.add(items, mapOzonFboStock);
    estimates.push(...ozonStockEstimates(items));
  }
  // the FBS method needs SKUs (or offer ids) named: the catalogue's, up to 1000 a call
  for (let i = 0; i < skuRows.length; i += 1000) {
    const skus = skuRows.slice(i, i + 1000).map((r) => r.e);
    let cursor = "";
    for (;;) {
      ctx.signal?.throwIfAborted();
      const res = await client.fbsStocks(skus, cursor);
      snapshot.add(res.products, mapOzonFbsStock);
      if (!res.hasNext || !res.cursor || res.cursor === cursor) break;
      cursor = res.cursor;
    }
  }
  await snapshot.commit("ozon_stocks", summary);
  // Ozon's own 28-day average daily sales and days of cover per SKU, shown beside ours
  await ctx.db.transaction((tx) => writeMarketplaceEstimates(ctx, tx, "ozon_stocks", 28, estimates));
}

export async function ingestOzonReviews(ctx: SourceContext, client: OzonClient, summary: SourceSummary) {
  const from = zonedWallTimeToInstant(`${ctx.from}T00:00:00`, ctx.timeZone).toISOString();
  const to = zonedWallTimeToInstant(`${addDays(ctx.to, 1)}T00:00:00`, ctx.timeZone).toISOString();
  let lastId = "";
  for (;;) {
    ctx.signal?.throwIfAborted();
    const res = await client.reviews(lastId, from, to);
    await commitKeyedPage(
      ctx,
      "ozon_reviews",
      summary,
      res.reviews,
      mapOzonReview,
      (v) => v.key,
      (tx, reviews) => writeReviews(ctx, tx, "OZON", reviews),
    );
    if (!res.hasNext || !res.lastId || res.lastId === lastId) break;
    lastId = res.lastId;
  }
}

/** Half-month payout statements of [from, to], one period a page; an unreadable amount is quarantined. */
export async function ingestOzonPayouts(ctx: SourceContext, client: OzonClient, summary: SourceSummary) {
  const seen = new Set<string>();
  for (let pageNo = 1; ; pageNo++) {
    ctx.signal?.throwIfAborted();
    const res = await client.cashFlowStatement(ctx.from, ctx.to, pageNo);
    const fresh = res.cashFlows.filter((c) => !seen.has(payoutPeriodId(c)));
    for (const c of res.cashFlows) seen.add(payoutPeriodId(c));
    let page: { ok: Mapped<OzonPayout>[]; bad: { reason: string; payload: unknown }[] };
    try {
      const paid = readOzonPayoutDetails(res.details, res.cashFlows);
      page = mapRecords(fresh, (raw) => {
        const v = mapOzonPayout(raw, paid, ctx.timeZone);
        return { key: v.key, d: v.d, value: v };
      });
    } catch (error) {
      // details unreadable: every period of the page is quarantined with the reason
      page = { ok: [], bad: fresh.map((c) => ({ reason: (error as Error).message, payload: c })) };
    }
    const withDetails = (cashFlow: unknown) => ({ cash_flow: cashFlow, details: res.details });
    await commitPage(
      ctx,
      "ozon_payouts",
      summary,
      {
        ok: page.ok.map((m) => ({ ...m, raw: withDetails(m.raw) })),
        bad: page.bad.map((b) => ({ reason: b.reason, payload: withDetails(b.payload) })),
      },
      {
        writeFacts: (tx, items) =>
          writeSettlementReports(
            tx,
            ctx,
            items.map((i) => ozonPeriodStatement(i.value)),
          ),
      },
    );
    // without page_count, read until an empty page or one already seen (a server ignoring `page`)
    const last = res.pageCount === null ? fresh.length === 0 : pageNo >= res.pageCount;
    if (last || res.cashFlows.length === 0) break;
  }
}

function payoutPeriodId(raw: unknown): string {
  const id = (raw as { period?: { id?: unknown } } | null)?.period?.id;
  return id === undefined || id === null ? JSON.stringify(raw) : String(id);
}
