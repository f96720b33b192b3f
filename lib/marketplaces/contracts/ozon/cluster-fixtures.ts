// Contract fixtures for Ozon's cluster list (the restock planner's clusters). The 2026-06-11 spec gives
// the response as a schema; the body is built from it field for field with the reference's values
// (marketplace-apis.md §6.4.2), plus a variant with an int64 warehouse id beyond 2^53. And the beta
// local-sale items-clusters method (§6.4.5, docs mirror only): Ozon's recommended supply per cluster.
import { built, type EndpointContract, OZON_SELLER_SPEC, ozonDocsMirror, variant } from "../fixture";
import { jsonText } from "../json-text";
import type { RequestSchema } from "../request-schema";

export const clusterList: EndpointContract = {
  method: "POST",
  path: "/v2/cluster/list",
  request: { type: "object", properties: {} },
  requestSource: OZON_SELLER_SPEC,
  fixtures: [
    built(
      "schema",
      OZON_SELLER_SPEC,
      "v2ClusterListResponse",
      jsonText({
        result: [
          {
            macrolocal_cluster_id: 4,
            data: {
              macrolocal_cluster: { name: "Москва, МО и Дальние регионы", country: { name: "Россия", uid: "RU" } },
              fulfillments: [{ warehouse_id: 1020001835658000, name: "ХОРУГВИНО_РФЦ" }],
            },
          },
        ],
      }),
    ),
    variant(
      "big ids",
      "schema",
      "warehouse_id is int64: beyond 2^53; a cluster with two warehouses and one without any",
      '{"result":[{"macrolocal_cluster_id":2,"data":{"macrolocal_cluster":{"name":"Санкт-Петербург и СЗО","country":{"name":"Россия","uid":"RU"}},"fulfillments":[{"warehouse_id":9007199254740993,"name":"СПБ_ШУШАРЫ_РФЦ"},{"warehouse_id":1020000114850000,"name":"СПБ_БУГРЫ_РФЦ"}]}},{"macrolocal_cluster_id":7,"data":{"macrolocal_cluster":{"name":"Калининград","country":{"name":"Россия","uid":"RU"}},"fulfillments":[]}}]}',
    ),
  ],
};

const LOCAL_SALE = ozonDocsMirror(
  "betamethod/post-v1-analytics-local-sale-items-clusters-info.md",
  "1797cc992702aa800935e348f6ae4452bb7cd51a",
);
const int64Strings: RequestSchema = { type: "array", items: { type: "string", format: "int64" } };

/** the reference's item (§6.4.5) */
const localSaleItem = {
  sku: 1488301234,
  macrolocal_cluster_to_id: 4,
  metrics: {
    attention_level: "HIGH",
    impact_share: 12.5,
    local_data: { index: 61.2, local_quantity: 82, total_quantity: 134 },
    overpayment: { total: 1840.5, non_local_delivery: 1320, delta: 520.5 },
    overpayment_reasons: [{ reason: "FREQUENT_OUT_OF_STOCK", quantity: 31, amount: 980 }],
    recommended_supply: 60,
    price: 119400,
  },
};

export const localSaleItemsClusters: EndpointContract = {
  method: "POST",
  path: "/v1/analytics/local-sale/items-clusters/info",
  request: {
    type: "object",
    required: ["filter", "limit"],
    properties: {
      filter: {
        type: "object",
        required: ["period", "skus"],
        properties: {
          delivery_schema: { type: "string", enum: ["ALL", "FBO", "FBS"] },
          description_categories: {
            type: "array",
            items: {
              type: "object",
              required: ["category_id"],
              properties: {
                category_id: { type: "integer" },
                children_category_id: { type: "integer" },
                type_id: { type: "integer" },
              },
            },
          },
          macrolocal_cluster_from_ids: int64Strings,
          macrolocal_cluster_to_ids: int64Strings,
          overpayment_reasons: {
            type: "array",
            items: {
              type: "string",
              enum: ["NO_SUPPLIES_TO_CLUSTER", "MISSING_ITEMS_IN_CLUSTER", "FREQUENT_OUT_OF_STOCK"],
            },
          },
          period: {
            type: "object",
            required: ["from", "to"],
            properties: { from: { type: "string", format: "date" }, to: { type: "string", format: "date" } },
          },
          skus: { type: "array", items: { type: "string" }, minItems: 1 },
          supply_period: { type: "string", enum: ["ONE_WEEK", "TWO_WEEKS", "FOUR_WEEKS", "EIGHT_WEEKS"] },
        },
      },
      limit: { type: "integer", minimum: 1 },
      offset: { type: "integer", minimum: 0 },
      sort_by: {
        type: "string",
        enum: ["IMPACT_SHARE", "LOCALITY", "OVERPAYMENT_TOTAL", "OVERPAYMENT_NON_LOCAL", "OVERPAYMENT_DELTA"],
      },
      sort_dir: { type: "string", enum: ["ASC", "DESC"] },
    },
  },
  requestSource: LOCAL_SALE,
  fixtures: [
    {
      name: "reference",
      status: 200,
      origin: {
        kind: "built from schema",
        spec: LOCAL_SALE,
        schema: "the 200 answer (items, total), with the values of marketplace-apis.md §6.4.5",
      },
      body: jsonText({ items: [localSaleItem], total: 1 }),
    },
    {
      name: "clusters",
      status: 200,
      origin: {
        kind: "variant",
        of: "reference",
        allowedBy:
          "one SKU to two delivery clusters, one without local_data and price (protobuf JSON omits fields), one row without recommended_supply",
      },
      body: jsonText({
        items: [
          {
            ...localSaleItem,
            macrolocal_cluster_to_id: 2,
            metrics: {
              ...localSaleItem.metrics,
              recommended_supply: 0,
              local_data: { index: 0, local_quantity: 0, total_quantity: 12 },
              price: 0,
            },
          },
          { sku: 1488301234, macrolocal_cluster_to_id: 7, metrics: { attention_level: "LOW", recommended_supply: 14 } },
          { sku: 1488301234, macrolocal_cluster_to_id: 9, metrics: { attention_level: "LOW" } },
        ],
        total: 3,
      }),
    },
  ],
};
