// Ozon macro-local clusters (/v2/cluster/list) -> the cluster and the warehouses in it, by warehouse id;
// Ozon's recommended supply per SKU and cluster (beta local-sale, §6.4.5).
// Pure: validates one record, throws a RecordError naming the field so the caller quarantines it.
import Decimal from "decimal.js";
import { z } from "zod";
import { idString, parseRecord } from "../records";

const clusterSchema = z.object({
  macrolocal_cluster_id: idString,
  data: z.object({
    macrolocal_cluster: z.object({
      name: z.string().min(1),
      country: z.object({ name: z.string().nullish() }).nullish(),
    }),
    fulfillments: z.array(z.object({ warehouse_id: idString, name: z.string().nullish() })).nullish(),
  }),
});

export interface OzonCluster {
  /** macrolocal_cluster_id as text */
  code: string;
  name: string;
  country: string | null;
  warehouses: { code: string; name: string }[];
}

export function mapOzonCluster(raw: unknown): OzonCluster {
  const r = parseRecord(clusterSchema, raw);
  return {
    code: r.macrolocal_cluster_id,
    name: r.data.macrolocal_cluster.name,
    country: r.data.macrolocal_cluster.country?.name ?? null,
    warehouses: (r.data.fulfillments ?? []).map((f) => ({ code: f.warehouse_id, name: f.name ?? f.warehouse_id })),
  };
}

const localSaleSchema = z.object({
  sku: idString,
  macrolocal_cluster_to_id: idString,
  metrics: z.object({
    local_data: z.object({ index: z.number().nullish() }).nullish(),
    recommended_supply: z.number().int(),
    price: z.number().nullish(),
  }),
});

export interface OzonSupplyRecommendation {
  sku: string;
  /** the delivery cluster's macrolocal_cluster_id as text (cluster.code) */
  clusterCode: string;
  recommendedSupply: number;
  /** value of the recommended supply, ₽ with 2 decimals */
  value: string | null;
  /** share of local sales, % with 2 decimals */
  localIndex: string | null;
}

const fixed2 = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? null : new Decimal(v).toDecimalPlaces(2).toFixed(2);

/** A local-sale items-clusters row (§6.4.5): Ozon's recommended supply of a SKU to a delivery cluster. */
export function mapOzonSupplyRecommendation(raw: unknown): OzonSupplyRecommendation {
  const r = parseRecord(localSaleSchema, raw);
  return {
    sku: r.sku,
    clusterCode: r.macrolocal_cluster_to_id,
    recommendedSupply: r.metrics.recommended_supply,
    value: fixed2(r.metrics.price),
    localIndex: fixed2(r.metrics.local_data?.index),
  };
}
