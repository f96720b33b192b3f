// Ozon clusters: /v2/cluster/list into `cluster`, and each Ozon warehouse it names pointed at its
// cluster by warehouse id (never by name), so stock and orders at a warehouse plan per cluster.
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import type { OzonClient } from "@/lib/marketplaces/ozon/client";
import { mapOzonCluster, type OzonCluster } from "@/lib/marketplaces/ozon/cluster-mappers";
import type { SourceContext, SourceSummary } from "./context";
import { commitKeyedPage } from "./wb-sources";
import { execWrite, type WriteStats } from "./write";

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
