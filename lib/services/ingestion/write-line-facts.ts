// Order and finance line facts, written typed in the same transaction as their raw records (each a
// set-based upsert that leaves unchanged rows alone, so a re-run writes nothing).
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db";
import type { Marketplace } from "@/db/schema";
import { eachLine, type PnlLine } from "@/lib/domain/pnl-lines";
import { toMoneyString } from "@/lib/domain/money";
import type { FinanceLineFact, OrderLineFact, WarehouseRef } from "@/lib/marketplaces/lines";
import type { SourceContext, SourceSummary } from "./context";
import { hashOf, newestVersions, resolveWarehouses, upsertChunked, type WriteCounts } from "./write";

const lineColumns = sql.raw(eachLine((l) => l));
const excludedLineColumns = sql.raw(eachLine((l) => `${l} = excluded.${l}`));
const recordsetLineColumns = sql.raw(eachLine((l) => `${l} numeric`));
const selectLineColumns = sql.raw(eachLine((l) => `coalesce(x.${l}, 0)`));

async function idsFor(
  ctx: SourceContext,
  tx: Db,
  marketplace: Marketplace,
  items: { sku: string | null; article: string | null; warehouse: WarehouseRef | null }[],
) {
  const skuIds = await ctx.skus.resolve(
    tx,
    ctx.stats,
    items.filter((i) => i.sku !== null).map((i) => ({ externalId: i.sku!, article: i.article })),
  );
  const warehouses = await resolveWarehouses(
    tx,
    ctx.stats,
    marketplace,
    items.flatMap((i) => (i.warehouse ? [i.warehouse] : [])),
  );
  return { skuIds, warehouses };
}

/** Upserts line facts a chunk at a time: the batch's SKU and warehouse ids resolved first, each row hashed (src_hash). */
async function upsertLineFacts<
  F extends { sku: string | null; article: string | null; warehouse: WarehouseRef | null },
>(
  ctx: SourceContext,
  tx: Db,
  marketplace: Marketplace,
  facts: F[],
  toRow: (fact: F, ids: Awaited<ReturnType<typeof idsFor>>) => Record<string, unknown>,
  statement: (json: string) => SQL,
): Promise<WriteCounts> {
  const ids = await idsFor(ctx, tx, marketplace, facts);
  return upsertChunked(
    tx,
    ctx.stats,
    facts,
    (f) => {
      const row = toRow(f, ids);
      return { ...row, h: hashOf(row) };
    },
    statement,
  );
}

/** Upserts order lines by (store, line key); an older record version never overwrites a newer one. */
export async function writeOrderLines(
  ctx: SourceContext,
  tx: Db,
  marketplace: Marketplace,
  facts: OrderLineFact[],
): Promise<WriteCounts> {
  const unique = newestVersions(facts);
  return upsertLineFacts(
    ctx,
    tx,
    marketplace,
    unique,
    (f, { skuIds, warehouses }) => ({
      k: f.key,
      o: f.orderKey,
      s: skuIds.get(f.sku)!,
      w: warehouses.get(f.warehouse.code) ?? null,
      c: f.channel,
      t: f.kind,
      d: f.d,
      q: f.qty,
      a: toMoneyString(f.amount),
      fc: f.feedCommission === null ? null : toMoneyString(f.feedCommission),
      v: f.version,
      // only lines that are orders carry these (a sales-feed row's hash stays what it was)
      ...(f.orderedAt
        ? { ot: f.orderedAt, oc: f.outcome ?? null, br: f.buyerRegion ?? null, bd: f.buyerDistrict ?? null }
        : {}),
    }),
    (
      json,
    ) => sql`insert into order_lines (account_id, line_key, order_key, sku_id, warehouse_id, channel, kind, d, qty, amount,
            feed_commission, version, ordered_at, outcome, buyer_region, buyer_district, src_hash)
          select ${ctx.accountId}::int, x.k, x.o, x.s, x.w, x.c, x.t, x.d, x.q, x.a, x.fc, x.v, x.ot, x.oc, x.br, x.bd, x.h
          from jsonb_to_recordset(${json}::jsonb)
            as x(k text, o text, s int, w int, c text, t text, d date, q int, a numeric, fc numeric, v text,
                 ot timestamptz, oc text, br text, bd text, h text)
          on conflict (account_id, line_key) do update
            set order_key = excluded.order_key, sku_id = excluded.sku_id, warehouse_id = excluded.warehouse_id,
                channel = excluded.channel, kind = excluded.kind, d = excluded.d, qty = excluded.qty,
                amount = excluded.amount, feed_commission = excluded.feed_commission, version = excluded.version,
                ordered_at = excluded.ordered_at, outcome = excluded.outcome, buyer_region = excluded.buyer_region,
                buyer_district = excluded.buyer_district, src_hash = excluded.src_hash, updated_at = now()
            where order_lines.src_hash is distinct from excluded.src_hash
              and (order_lines.version is null or excluded.version is null or excluded.version >= order_lines.version)
          returning (xmax = 0) as inserted`,
  );
}

/** Upserts finance lines by (store, line key), each with its P&L parts as columns. */
export async function writeFinanceLines(
  ctx: SourceContext,
  tx: Db,
  marketplace: Marketplace,
  facts: FinanceLineFact[],
): Promise<WriteCounts> {
  const unique = [...new Map(facts.map((f) => [f.key, f])).values()];
  return upsertLineFacts(
    ctx,
    tx,
    marketplace,
    unique,
    (f, { skuIds, warehouses }) => {
      const lines: Partial<Record<PnlLine, string>> = {};
      for (const p of f.parts) {
        const before = lines[p.line];
        lines[p.line] = toMoneyString(p.amount.plus(before ?? 0));
      }
      return {
        k: f.key,
        d: f.d,
        r: f.reportId,
        o: f.orderKey,
        s: f.sku === null ? null : skuIds.get(f.sku)!,
        w: f.warehouse ? (warehouses.get(f.warehouse.code) ?? null) : null,
        c: f.channel,
        st: f.settles,
        q: f.qty,
        ty: f.sourceType.slice(0, 500),
        wa: f.warnings.length > 0 ? f.warnings.join("; ").slice(0, 500) : null,
        ...lines,
      };
    },
    (
      json,
    ) => sql`insert into finance_lines (account_id, marketplace, line_key, d, report_id, order_key, sku_id, warehouse_id,
            channel, settles, qty, source_type, warning, ${lineColumns}, src_hash)
          select ${ctx.accountId}::int, ${marketplace}::text, x.k, x.d, x.r, x.o, x.s, x.w, x.c, x.st, x.q, x.ty, x.wa,
                 ${selectLineColumns}, x.h
          from jsonb_to_recordset(${json}::jsonb)
            as x(k text, d date, r text, o text, s int, w int, c text, st text, q int, ty text, wa text,
                 ${recordsetLineColumns}, h text)
          on conflict (account_id, line_key) do update
            set d = excluded.d, report_id = excluded.report_id, order_key = excluded.order_key,
                sku_id = excluded.sku_id, warehouse_id = excluded.warehouse_id, channel = excluded.channel,
                settles = excluded.settles, qty = excluded.qty, source_type = excluded.source_type,
                warning = excluded.warning, ${excludedLineColumns}, src_hash = excluded.src_hash, updated_at = now()
            where finance_lines.src_hash is distinct from excluded.src_hash
          returning (xmax = 0) as inserted`,
  );
}

/** A source run's warnings, counted so the sync page shows each once ("unknown WB operation X x12"). */
export class WarningTally {
  private readonly counts = new Map<string, number>();

  add(warnings: Iterable<string>) {
    for (const w of warnings) this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
  }

  reportTo(summary: SourceSummary) {
    for (const [w, n] of this.counts) (summary.warnings ??= []).push(n > 1 ? `${w} x${n}` : w);
  }
}

/** commitPage's writeFacts for pages whose items map to order lines (one or several per item). */
export function orderLinesWriter(ctx: SourceContext, marketplace: Marketplace) {
  return async (tx: Db, items: { value: OrderLineFact | OrderLineFact[] }[]) => {
    await writeOrderLines(
      ctx,
      tx,
      marketplace,
      items.flatMap((i) => i.value),
    );
  };
}

/** commitPage's writeFacts for pages whose items are finance lines. */
export function financeLinesWriter(ctx: SourceContext, marketplace: Marketplace) {
  return async (tx: Db, items: { value: FinanceLineFact }[]) => {
    await writeFinanceLines(
      ctx,
      tx,
      marketplace,
      items.map((i) => i.value),
    );
  };
}
