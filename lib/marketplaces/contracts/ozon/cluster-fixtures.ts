// Contract fixtures for Ozon's cluster list (the restock planner's clusters). The 2026-06-11 spec gives
// the response as a schema; the body is built from it field for field with the reference's values
// (marketplace-apis.md §6.4.2), plus a variant with an int64 warehouse id beyond 2^53.
import { built, type EndpointContract, OZON_SELLER_SPEC, variant } from "../fixture";
import { jsonText } from "../json-text";

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
