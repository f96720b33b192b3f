// Where the planner plans: Ozon per cluster (warehouses join clusters by id), WB FBO at the national
// level (WB masks its warehouses), FBS per seller warehouse. One place maps a location to its warehouses.
import { type SQL, sql } from "drizzle-orm";
import type { Marketplace } from "@/db/schema";

export type LocationKind = "cluster" | "warehouse" | "national";
export const WB_NATIONAL_KEY = "WB-FBO";

/** SQL that, for a warehouse row aliased `w`, yields its location kind and key (text). */
export const locationKindSql = sql`case
  when w.marketplace = 'OZON' and coalesce(w.kind, 'FBO') = 'FBO' and w.cluster_id is not null then 'cluster'
  when w.marketplace = 'WB' and coalesce(w.kind, 'FBO') = 'FBO' then 'national'
  else 'warehouse' end`;
export const locationKeySql = sql`case
  when w.marketplace = 'OZON' and coalesce(w.kind, 'FBO') = 'FBO' and w.cluster_id is not null then (select c.code from cluster c where c.id = w.cluster_id)
  when w.marketplace = 'WB' and coalesce(w.kind, 'FBO') = 'FBO' then ${WB_NATIONAL_KEY}
  else w.id::text end`;
export const locationNameSql = sql`case
  when w.marketplace = 'OZON' and coalesce(w.kind, 'FBO') = 'FBO' and w.cluster_id is not null then (select c.name from cluster c where c.id = w.cluster_id)
  when w.marketplace = 'WB' and coalesce(w.kind, 'FBO') = 'FBO' then null
  else coalesce(w.name, w.code) end`;

/** A condition on warehouse `w`: it belongs to the location. */
export function warehouseInLocation(marketplace: Marketplace, kind: LocationKind, key: string): SQL {
  return sql`(w.marketplace = ${marketplace} and ${locationKindSql} = ${kind} and ${locationKeySql} = ${key})`;
}
