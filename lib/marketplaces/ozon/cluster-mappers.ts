// Ozon macro-local clusters (/v2/cluster/list) -> the cluster and the warehouses in it, by warehouse id.
// Pure: validates one record, throws a RecordError naming the field so the caller quarantines it.
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
