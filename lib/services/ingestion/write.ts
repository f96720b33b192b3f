// Set-based writes for ingestion: every batch is one INSERT ... SELECT FROM jsonb_to_recordset(...)
// ON CONFLICT DO UPDATE ... WHERE src_hash IS DISTINCT FROM excluded.src_hash, so a re-run changes
// nothing and a batch of thousands of rows is one statement (same SQL on PGlite and PostgreSQL).
import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { Marketplace } from "@/db/schema";
import { parseJsonExact } from "@/lib/marketplaces/http/json";
import type { NormalizedSku } from "@/lib/marketplaces/wb/mappers";
import type { SourceContext } from "./context";

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** time spent in write statements (the bench compares it with a plain INSERT ... SELECT) */
export interface WriteStats {
  writeMs: number;
  statements: number;
  /** ms per statement kind (first words of the SQL), for the bench */
  byStatement?: Record<string, number>;
}

const CHUNK = 5000;

export function hashOf(value: unknown): string {
  return createHash("sha1")
    .update(typeof value === "string" ? value : JSON.stringify(value))
    .digest("base64url");
}

export async function execWrite<T>(db: Db, stats: WriteStats | undefined, query: SQL): Promise<T[]> {
  const started = performance.now();
  const result = await db.execute(query);
  if (stats) {
    const ms = performance.now() - started;
    stats.writeMs += ms;
    stats.statements++;
    if (stats.byStatement) {
      const first = (query as unknown as { queryChunks: { value?: string[] }[] }).queryChunks[0]?.value?.[0] ?? "";
      const kind = first.replace(/\s+/g, " ").trim().slice(0, 40);
      stats.byStatement[kind] = (stats.byStatement[kind] ?? 0) + ms;
    }
  }
  return rowsOf<T>(result);
}

export function chunked<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function countReturned(rows: { inserted: boolean }[], total: number): WriteCounts {
  const inserted = rows.filter((r) => r.inserted === true || (r.inserted as unknown) === "t").length;
  return { inserted, updated: rows.length - inserted, unchanged: total - rows.length };
}

export function addCounts(a: WriteCounts, b: WriteCounts): WriteCounts {
  return { inserted: a.inserted + b.inserted, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged };
}

/**
 * Writes items a chunk at a time: each chunk's rows as one JSON array into one statement that returns
 * `(xmax = 0) as inserted` per row it wrote; rows it leaves alone (same hash, older version) are unchanged.
 */
export async function upsertChunked<T>(
  db: Db,
  stats: WriteStats | undefined,
  items: T[],
  toRow: (item: T) => unknown,
  statement: (json: string) => SQL,
): Promise<WriteCounts> {
  let counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const part of chunked(items)) {
    const rows = await execWrite<{ inserted: boolean }>(db, stats, statement(JSON.stringify(part.map(toRow))));
    counts = addCounts(counts, countReturned(rows, part.length));
  }
  return counts;
}

/** One item per key, the newest version of it (a later item wins a tie): a batch may repeat a mutated row. */
export function newestVersions<T extends { key: string; version: string | null }>(items: T[]): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const existing = byKey.get(item.key);
    if (!existing || (item.version ?? "") >= (existing.version ?? "")) byKey.set(item.key, item);
  }
  return [...byKey.values()];
}

export interface RawRecordInput {
  key: string;
  d: string | null;
  version: string | null;
  payload: unknown;
}

/**
 * Raw payloads keyed by (account, source, natural key). A record already stored with the same hash is
 * unchanged; one with an older version than the stored one (an out-of-order update) never wins.
 */
export async function upsertRawRecords(
  db: Db,
  stats: WriteStats | undefined,
  accountId: number,
  source: string,
  records: RawRecordInput[],
): Promise<WriteCounts> {
  // within one batch keep the newest version of each key; the others count as unchanged
  const unique = newestVersions(records);
  const written = await upsertChunked(
    db,
    stats,
    unique,
    (r) => ({ k: r.key, p: r.payload, h: hashOf(r.payload), d: r.d, v: r.version }),
    (json) => sql`insert into raw_records (account_id, source, natural_key, payload, payload_hash, d, version)
          select ${accountId}::int, ${source}::text, x.k, x.p, x.h, x.d, x.v
          from jsonb_to_recordset(${json}::jsonb) as x(k text, p jsonb, h text, d date, v text)
          on conflict (account_id, source, natural_key) do update
            set payload = excluded.payload, payload_hash = excluded.payload_hash, d = excluded.d,
                version = excluded.version, fetched_at = now()
            where raw_records.payload_hash is distinct from excluded.payload_hash
              and (raw_records.version is null or excluded.version is null or excluded.version >= raw_records.version)
          returning (xmax = 0) as inserted`,
  );
  return addCounts(written, { inserted: 0, updated: 0, unchanged: records.length - unique.length });
}

/** Raw payloads of an account's sources whose day falls in [from, to] (to re-derive facts). */
export async function readRawRecords(
  db: Db,
  accountId: number,
  sources: string[],
  from: string,
  to: string,
): Promise<{ source: string; payload: unknown }[]> {
  const result = await db.execute(
    sql`select source, payload::text as payload from raw_records
        where account_id = ${accountId}::int and source in (${sql.join(
          sources.map((s) => sql`${s}`),
          sql`, `,
        )})
          and d between ${from}::date and ${to}::date
        order by id`,
  );
  return rowsOf<{ source: string; payload: string }>(result).map((r) => ({
    source: r.source,
    payload: parseJsonExact(r.payload),
  }));
}

export interface QuarantineInput {
  reason: string;
  payload: unknown;
}

export async function insertQuarantine(
  db: Db,
  stats: WriteStats | undefined,
  runId: number,
  accountId: number,
  source: string,
  items: QuarantineInput[],
): Promise<void> {
  if (items.length === 0) return;
  const unique = new Map(items.map((i) => [hashOf(i.payload), i]));
  const json = JSON.stringify([...unique].map(([h, i]) => ({ r: i.reason, p: i.payload, h })));
  await execWrite(
    db,
    stats,
    sql`insert into quarantine (run_id, account_id, source, reason, payload, payload_hash)
        select ${runId}::bigint, ${accountId}::int, ${source}::text, x.r, x.p, x.h
        from jsonb_to_recordset(${json}::jsonb) as x(r text, p jsonb, h text)
        on conflict (account_id, source, payload_hash) do update
          set last_seen_at = now(), run_id = excluded.run_id, reason = excluded.reason`,
  );
}

/** what the catalogue endpoints say of a SKU */
export type SkuInput = NormalizedSku;

/** The product dictionary: attributes from the catalogue endpoints replace older ones. */
export async function upsertSkus(
  db: Db,
  stats: WriteStats | undefined,
  accountId: number,
  marketplace: Marketplace,
  items: SkuInput[],
): Promise<WriteCounts> {
  const byId = new Map(items.map((i) => [i.externalId, i]));
  const idColumn = marketplace === "WB" ? sql.raw("nm_id") : sql.raw("ozon_id");
  const written = await upsertChunked(
    db,
    stats,
    [...byId.values()],
    (i) => ({
      e: i.externalId,
      p: i.productId ?? null,
      a: i.article,
      n: i.name,
      b: i.brand,
      c: i.category,
    }),
    (
      json,
    ) => sql`insert into sku (account_id, marketplace, ${idColumn}, ozon_product_id, article, name, brand, category)
          select ${accountId}::int, ${marketplace}::text, x.e::bigint, x.p::bigint, x.a, x.n, x.b, x.c
          from jsonb_to_recordset(${json}::jsonb) as x(e text, p text, a text, n text, b text, c text)
          on conflict (marketplace, ${idColumn}) do update
            set account_id = coalesce(sku.account_id, excluded.account_id),
                ozon_product_id = coalesce(excluded.ozon_product_id, sku.ozon_product_id),
                article = coalesce(excluded.article, sku.article), name = coalesce(excluded.name, sku.name),
                brand = coalesce(excluded.brand, sku.brand), category = coalesce(excluded.category, sku.category),
                updated_at = now()
            where (sku.ozon_product_id, sku.article, sku.name, sku.brand, sku.category, sku.account_id)
                  is distinct from (coalesce(excluded.ozon_product_id, sku.ozon_product_id), coalesce(excluded.article, sku.article),
                                    coalesce(excluded.name, sku.name), coalesce(excluded.brand, sku.brand),
                                    coalesce(excluded.category, sku.category), coalesce(sku.account_id, excluded.account_id))
          returning (xmax = 0) as inserted`,
  );
  return addCounts(written, { inserted: 0, updated: 0, unchanged: items.length - byId.size });
}

/** Maps external SKU ids to sku.id, creating bare SKU rows for ids the catalogue has not listed yet. */
export class SkuResolver {
  private readonly ids = new Map<string, number>();
  private loaded = false;
  constructor(
    private readonly accountId: number,
    private readonly marketplace: Marketplace,
  ) {}

  async load(db: Db) {
    const column = this.marketplace === "WB" ? sql.raw("nm_id") : sql.raw("ozon_id");
    const rows = rowsOf<{ id: number; e: string }>(
      await db.execute(sql`select id, ${column}::text as e from sku where marketplace = ${this.marketplace}`),
    );
    for (const r of rows) this.ids.set(r.e, Number(r.id));
    this.loaded = true;
  }

  async resolve(
    db: Db,
    stats: WriteStats | undefined,
    items: { externalId: string; article?: string | null }[],
  ): Promise<Map<string, number>> {
    if (!this.loaded) await this.load(db);
    const missing = new Map<string, SkuInput>();
    for (const i of items) {
      if (!this.ids.has(i.externalId) && !missing.has(i.externalId)) {
        missing.set(i.externalId, {
          externalId: i.externalId,
          article: i.article ?? null,
          name: null,
          brand: null,
          category: null,
        });
      }
    }
    if (missing.size > 0) {
      await upsertSkus(db, stats, this.accountId, this.marketplace, [...missing.values()]);
      await this.load(db);
    }
    return this.ids;
  }

  /** forget cached ids (after a rolled-back transaction) */
  reset() {
    this.ids.clear();
    this.loaded = false;
  }
}

export interface WarehouseInput {
  code: string;
  name: string;
  kind: "FBO" | "FBS";
  region?: string | null;
}

export async function resolveWarehouses(
  db: Db,
  stats: WriteStats | undefined,
  marketplace: Marketplace,
  items: WarehouseInput[],
): Promise<Map<string, number>> {
  const byCode = new Map(items.map((w) => [w.code, w]));
  if (byCode.size > 0) {
    const json = JSON.stringify(
      [...byCode.values()].map((w) => ({ c: w.code, n: w.name, k: w.kind, r: w.region ?? null })),
    );
    await execWrite(
      db,
      stats,
      sql`insert into warehouse (marketplace, code, name, kind, region)
          select ${marketplace}::text, x.c, x.n, x.k, x.r from jsonb_to_recordset(${json}::jsonb) as x(c text, n text, k text, r text)
          on conflict (marketplace, code) do update set name = excluded.name, kind = excluded.kind, region = coalesce(excluded.region, warehouse.region)
            where (warehouse.name, warehouse.kind) is distinct from (excluded.name, excluded.kind)
               or (excluded.region is not null and warehouse.region is distinct from excluded.region)`,
    );
  }
  const rows = rowsOf<{ id: number; code: string }>(
    await db.execute(sql`select id, code from warehouse where marketplace = ${marketplace}`),
  );
  return new Map(rows.map((r) => [r.code, Number(r.id)]));
}

export interface DailyStockInput {
  d: string;
  skuId: number;
  warehouseId: number | null;
  onHand: number;
  /** inbound to the marketplace only */
  inTransit: number;
  toClient?: number;
  fromClient?: number;
}

export async function upsertDailyStock(
  db: Db,
  stats: WriteStats | undefined,
  items: DailyStockInput[],
): Promise<WriteCounts> {
  return upsertChunked(
    db,
    stats,
    items,
    (i) => ({
      d: i.d,
      s: i.skuId,
      w: i.warehouseId,
      o: i.onHand,
      t: i.inTransit,
      tc: i.toClient ?? 0,
      fc: i.fromClient ?? 0,
      h: hashOf([i.onHand, i.inTransit, i.toClient ?? 0, i.fromClient ?? 0]),
    }),
    (
      json,
    ) => sql`insert into daily_stock (d, sku_id, warehouse_id, on_hand, in_transit, to_client, from_client, src_hash)
          select x.d, x.s, x.w, x.o, x.t, x.tc, x.fc, x.h
          from jsonb_to_recordset(${json}::jsonb) as x(d date, s int, w int, o int, t int, tc int, fc int, h text)
          on conflict (d, sku_id, warehouse_id) do update
            set on_hand = excluded.on_hand, in_transit = excluded.in_transit, to_client = excluded.to_client,
                from_client = excluded.from_client, src_hash = excluded.src_hash, updated_at = now()
            where daily_stock.src_hash is distinct from excluded.src_hash
          returning (xmax = 0) as inserted`,
  );
}

export interface ReviewInput {
  reviewId: string;
  marketplace: Marketplace;
  accountId: number;
  skuId: number | null;
  parentReviewId: string | null;
  createdAt: string;
  rating: number;
  hasMedia: boolean;
  text: string;
  productName: string | null;
  buyerName?: string | null;
  orderStatus: string | null;
  replyStatus: string;
}

export async function upsertReviews(db: Db, stats: WriteStats | undefined, items: ReviewInput[]): Promise<WriteCounts> {
  const byId = new Map(items.map((i) => [i.reviewId, i]));
  return upsertChunked(
    db,
    stats,
    [...byId.values()],
    (i) => ({
      id: i.reviewId,
      m: i.marketplace,
      a: i.accountId,
      s: i.skuId,
      p: i.parentReviewId,
      c: i.createdAt,
      r: i.rating,
      hm: i.hasMedia,
      t: i.text,
      pn: i.productName,
      bn: i.buyerName ?? null,
      os: i.orderStatus,
      rs: i.replyStatus,
      h: hashOf([
        i.skuId,
        i.parentReviewId,
        i.createdAt,
        i.rating,
        i.hasMedia,
        i.text,
        i.productName,
        i.orderStatus,
        i.replyStatus,
        // appended only when present, so the rows written before buyer names keep their hash
        ...(i.buyerName ? [i.buyerName] : []),
      ]),
    }),
    (
      json,
    ) => sql`insert into reviews (review_id, marketplace, account_id, sku_id, parent_review_id, created_at_utc, rating, has_media, text, product_name, buyer_name, order_status, reply_status, src_hash)
          select x.id, x.m, x.a, x.s, x.p, x.c, x.r, x.hm, x.t, x.pn, x.bn, x.os, x.rs, x.h
          from jsonb_to_recordset(${json}::jsonb) as x(id text, m text, a int, s int, p text, c timestamptz, r smallint, hm boolean, t text, pn text, bn text, os text, rs text, h text)
          on conflict (review_id) do update
            set sku_id = excluded.sku_id, parent_review_id = excluded.parent_review_id, created_at_utc = excluded.created_at_utc,
                rating = excluded.rating, has_media = excluded.has_media, text = excluded.text, product_name = excluded.product_name, buyer_name = excluded.buyer_name,
                order_status = excluded.order_status, reply_status = excluded.reply_status, src_hash = excluded.src_hash, updated_at = now()
            where reviews.src_hash is distinct from excluded.src_hash
          returning (xmax = 0) as inserted`,
  );
}

export async function readCursor(db: Db, accountId: number, source: string): Promise<string | undefined> {
  const rows = rowsOf<{ cursor: string }>(
    await db.execute(sql`select cursor from sync_cursors where account_id = ${accountId}::int and source = ${source}`),
  );
  return rows[0]?.cursor;
}

export async function writeCursor(
  db: Db,
  stats: WriteStats | undefined,
  accountId: number,
  source: string,
  cursor: string,
): Promise<void> {
  await execWrite(
    db,
    stats,
    sql`insert into sync_cursors (account_id, source, cursor) values (${accountId}::int, ${source}, ${cursor})
        on conflict (account_id, source) do update set cursor = excluded.cursor, updated_at = now()
        where sync_cursors.cursor is distinct from excluded.cursor`,
  );
}

/** Stores a source's cursor once its range is read to the end, outside any page's transaction. */
export async function writeFinalCursor(ctx: SourceContext, source: string, cursor: object): Promise<void> {
  await writeCursor(ctx.db, ctx.stats, ctx.accountId, source, JSON.stringify(cursor));
}
