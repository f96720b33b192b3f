// Ozon clusters: /v2/cluster/list into `cluster`, and each Ozon warehouse it names pointed at its
// cluster by warehouse id (never by name), so stock and orders at a warehouse plan per cluster; and
// Ozon's own recommended supply per SKU and cluster (beta local-sale), shown beside Sovani's plan.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { addDays } from "@/lib/domain/dates";
import type { OzonClient } from "@/lib/marketplaces/ozon/client";
import {
  mapOzonCluster,
  mapOzonSupplyRecommendation,
  type OzonCluster,
  type OzonSupplyRecommendation,
} from "@/lib/marketplaces/ozon/cluster-mappers";
import { commitPage, mapRecords, type SourceContext, type SourceSummary } from "./context";
import { commitKeyedPage } from "./wb-sources";
import { execWrite, hashOf, upsertChunked, type WriteStats } from "./write";

export async function ingestOzonClusters(ctx: SourceContext, client: OzonClient, summary: SourceSummary) {
  ctx.signal?.throwIfAborted();
  const clusters = await client.clusters();
  await commitKeyedPage(
    ctx,
    "ozon_clusters",
    summary,
    clusters,
    mapOzonCluster,
    (c) => c.code,
    (tx, values) => writeClusters(tx, ctx.stats, values),
  );
}

/** Upserts the clusters and their warehouses (an unknown warehouse is added as an Ozon FBO warehouse). */
export async function writeClusters(tx: Db, stats: WriteStats, clusters: OzonCluster[]) {
  if (clusters.length === 0) return;
  const json = JSON.stringify(clusters.map((c) => ({ c: c.code, n: c.name, k: c.country })));
  await execWrite(
    tx,
    stats,
    sql`insert into cluster (marketplace, code, name, country)
        select 'OZON', x.c, x.n, x.k from jsonb_to_recordset(${json}::jsonb) as x(c text, n text, k text)
        on conflict (marketplace, code) do update set name = excluded.name, country = excluded.country, updated_at = now()
          where (cluster.name, cluster.country) is distinct from (excluded.name, excluded.country)`,
  );
  // a warehouse listed twice keeps its last cluster (one row may be written once per statement)
  const byCode = new Map(
    clusters.flatMap((c) => c.warehouses.map((w) => [w.code, { w: w.code, n: w.name, c: c.code }])),
  );
  const warehouses = JSON.stringify([...byCode.values()]);
  await execWrite(
    tx,
    stats,
    sql`insert into warehouse (marketplace, code, name, kind, cluster_id)
        select 'OZON', x.w, x.n, 'FBO', cl.id
        from jsonb_to_recordset(${warehouses}::jsonb) as x(w text, n text, c text)
        join cluster cl on cl.marketplace = 'OZON' and cl.code = x.c
        on conflict (marketplace, code) do update set cluster_id = excluded.cluster_id
          where warehouse.cluster_id is distinct from excluded.cluster_id`,
  );
}

export type OzonSupplyPeriod = "ONE_WEEK" | "TWO_WEEKS" | "FOUR_WEEKS" | "EIGHT_WEEKS";
/** the sales period Ozon's recommendation is asked over: the 28 days before today */
export const OZON_LOCAL_SALE_DAYS = 28;
/** Sovani plans FBO stock per cluster: Ozon's FBO recommendation is the one to compare */
const DELIVERY_SCHEMA = "FBO";
const SKUS_PER_CALL = 100;
const PAGE = 1000;
/**
 * days of Ozon's recommendations kept: a row per SKU x cluster x day adds up (2,000 SKUs x 30 clusters
 * is 60,000 rows a day); the pages show the latest within 14 days
 */
export const OZON_RECOMMENDATION_KEEP_DAYS = 35;

/** The supply period nearest the days of stock the store covers after arrival (default 14: two weeks). */
export function supplyPeriodFor(coverDays: number): OzonSupplyPeriod {
  if (coverDays <= 10) return "ONE_WEEK";
  if (coverDays <= 21) return "TWO_WEEKS";
  if (coverDays <= 42) return "FOUR_WEEKS";
  return "EIGHT_WEEKS";
}

/**
 * Ozon's recommended supply and localisation index per SKU and delivery cluster on today's snapshot
 * day, with the supply period and delivery schema they depend on. The methods are beta: a 404 or 403
 * (not served to this seller, or gone) leaves no rows and a warning, never a failed sync.
 */
export async function ingestOzonSupplyRecommendations(ctx: SourceContext, client: OzonClient, summary: SourceSummary) {
  const skus = rowsOf<{ e: string }>(
    await ctx.db.execute(
      sql`select ozon_id::text as e from sku where marketplace = 'OZON' and account_id = ${ctx.accountId}::int and ozon_id is not null order by ozon_id`,
    ),
  ).map((r) => r.e);
  const [settings] = rowsOf<{ cover_days: number | null }>(
    await ctx.db.execute(sql`select cover_days from restock_store_settings where account_id = ${ctx.accountId}::int`),
  );
  const supplyPeriod = supplyPeriodFor(Number(settings?.cover_days ?? 14));
  const from = addDays(ctx.today, -OZON_LOCAL_SALE_DAYS);
  const to = addDays(ctx.today, -1);
  try {
    for (let i = 0; i < skus.length; i += SKUS_PER_CALL) {
      for (let offset = 0; ; offset += PAGE) {
        ctx.signal?.throwIfAborted();
        const res = await client.localSaleItemsClusters({
          from,
          to,
          skus: skus.slice(i, i + SKUS_PER_CALL),
          deliverySchema: DELIVERY_SCHEMA,
          supplyPeriod,
          offset,
          limit: PAGE,
        });
        const page = mapRecords(res.items, (raw) => {
          const v = mapOzonSupplyRecommendation(raw);
          return { key: `${v.sku}|${v.clusterCode}|${supplyPeriod}|${DELIVERY_SCHEMA}`, d: ctx.today, value: v };
        });
        await commitPage(ctx, "ozon_supply_recommendations", summary, page, {
          writeFacts: (tx, items) =>
            writeSupplyRecommendations(
              ctx,
              tx,
              supplyPeriod,
              DELIVERY_SCHEMA,
              items.map((m) => m.value),
            ),
        });
        const seen = offset + res.items.length;
        if (res.items.length < PAGE || (res.total !== null && seen >= res.total)) break;
      }
    }
    await ctx.db.execute(
      sql`delete from ozon_supply_recommendations where account_id = ${ctx.accountId}::int
          and d < ${addDays(ctx.today, -OZON_RECOMMENDATION_KEEP_DAYS)}::date`,
    );
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== 404 && status !== 403) throw error;
    (summary.warnings ??= []).push(
      `Ozon local-sale (beta) not served (HTTP ${status}): no recommended supply from Ozon`,
    );
  }
}

/** Upserts the recommendations of today; a row naming a cluster not in the cluster list is left out. */
export async function writeSupplyRecommendations(
  ctx: SourceContext,
  tx: Db,
  supplyPeriod: OzonSupplyPeriod,
  deliverySchema: string,
  values: OzonSupplyRecommendation[],
) {
  if (values.length === 0) return;
  const unique = [...new Map(values.map((v) => [`${v.sku}|${v.clusterCode}`, v])).values()];
  const ids = await ctx.skus.resolve(
    tx,
    ctx.stats,
    unique.map((v) => ({ externalId: v.sku })),
  );
  await upsertChunked(
    tx,
    ctx.stats,
    unique,
    (v) => {
      const row = { s: ids.get(v.sku)!, c: v.clusterCode, q: v.recommendedSupply, v: v.value, i: v.localIndex };
      return { ...row, h: hashOf(row) };
    },
    (json) => sql`insert into ozon_supply_recommendations (account_id, d, sku_id, cluster_id, supply_period,
            delivery_schema, recommended_supply, value, local_index, src_hash)
          select ${ctx.accountId}::int, ${ctx.today}::date, x.s, cl.id, ${supplyPeriod}::text, ${deliverySchema}::text,
                 x.q, x.v, x.i, x.h
          from jsonb_to_recordset(${json}::jsonb) as x(s int, c text, q int, v numeric, i numeric, h text)
          join cluster cl on cl.marketplace = 'OZON' and cl.code = x.c
          on conflict (d, sku_id, cluster_id, supply_period, delivery_schema) do update
            set recommended_supply = excluded.recommended_supply, value = excluded.value,
                local_index = excluded.local_index, src_hash = excluded.src_hash, updated_at = now()
            where ozon_supply_recommendations.src_hash is distinct from excluded.src_hash
          returning (xmax = 0) as inserted`,
  );
}
