// Contract fixtures for every Ozon Seller API endpoint OzonClient calls: the request schema from the spec,
// the official response example where the spec has one, else a body built from the response schema, and
// the variants the schema allows. Ozon's response schemas mark nothing as required and every field may be
// absent (protobuf JSON); built bodies name the fields the schema lists with their documented types.
import { built, type EndpointContract, official, OZON_SELLER_SPEC, ozonDocsMirror, variant } from "../fixture";
import { exampleText, jsonText } from "../json-text";
import type { RequestSchema } from "../request-schema";
import { clusterList, localSaleItemsClusters } from "./cluster-fixtures";

const MIRROR_COMMIT = "abf15d36b0cb37b0b9fdb3c60c968dfd36c85bf9";
const money = (amount: string | number, currency = "RUB") => ({ amount, currency });
const str: RequestSchema = { type: "string" };
const bool: RequestSchema = { type: "boolean" };
const int: RequestSchema = { type: "integer" };
const dateTime: RequestSchema = { type: "string", format: "date-time" };
const strings: RequestSchema = { type: "array", items: str };
const int64s: RequestSchema = { type: "array", items: { type: "string", format: "int64" } };

/** an id beyond 2^53 (JSON.parse would round it to ...992) */
export const BIG_ID = 9007199254740993n;

// ---------------------------------------------------------------- finance: accruals
export const accrualTypes: EndpointContract = {
  method: "POST",
  path: "/v1/finance/accrual/types",
  // the operation has no request body; the client sends {} as Ozon asks for body-less methods
  request: { type: "object", properties: {} },
  requestSource: OZON_SELLER_SPEC,
  fixtures: [
    built(
      "built",
      ozonDocsMirror("betamethod/post-v1-finance-accrual-types.md", MIRROR_COMMIT),
      "finance.v1.GetFinanceAccrualTypesResponse (the path has no example)",
      jsonText({
        accrual_types: [
          { id: 69, name: "SaleCommission", description: "Вознаграждение за продажу" },
          { id: 1, name: "Acquiring", description: "Эквайринг" },
          { id: 128, name: "ContainerFee", description: "Начисление по контейнеру" },
        ],
      }),
    ),
  ],
};

const byDayRequest: RequestSchema = {
  type: "object",
  required: ["date", "last_id"],
  properties: { date: { type: "string", format: "date" }, last_id: str },
};

/** every accrued_category the schema lists, each with the part the schema gives it */
export const postingAccrual = {
  accrual_id: BIG_ID,
  date: "2026-11-24",
  accrued_category: "POSTING",
  unit_number: "39127055501-0021-1",
  total_amount: money("1400.40"),
  posting: {
    delivery_schema: "FBO",
    delivery_speed: 0,
    products: [
      {
        sku: 1488301234,
        commission: {
          sale_price: money("1990"),
          seller_price: money("1990"),
          sale_amount: money("1990"),
          sale_commission: money("-437.80"),
          commission: money("-437.80"),
          commission_ratio: "0.22",
          bonus: money("0"),
          coinvestment: money("0"),
        },
        delivery: {
          services: [
            { type_id: 32, accrued: money("-112.30") },
            { type_id: 28, accrued: money("-39.50") },
          ],
          total_accrued: money("-151.80"),
        },
      },
    ],
  },
  item_fees: null,
  non_item_fee: null,
  container_fees: null,
};
const itemAccrual = {
  accrual_id: 90801122400,
  date: "2026-11-24",
  accrued_category: "ITEM",
  unit_number: "39127055501-0021-1",
  total_amount: money("-48.09"),
  posting: null,
  item_fees: { fees: [{ sku: 1488301234, fees: [{ type_id: 1, accrued: money("-48.09") }] }] },
  non_item_fee: null,
  container_fees: null,
};
const nonItemAccrual = {
  accrual_id: 90801129911,
  date: "2026-11-24",
  accrued_category: "NON_ITEM",
  unit_number: "ADV-2026-117702",
  total_amount: money("-1870.00"),
  posting: null,
  item_fees: null,
  non_item_fee: { type_id: 41, accrued: money("-1870.00") },
  container_fees: null,
};
const containerAccrual = {
  accrual_id: 90801130001,
  date: "2026-11-24",
  accrued_category: "CONTAINER_FEES",
  unit_number: "CNT-0001-17",
  total_amount: money("-350.00"),
  posting: null,
  item_fees: null,
  non_item_fee: null,
  container_fees: {
    fees: [
      { type_id: 128, accrued: money("-300.00") },
      { type_id: 32, accrued: money("-50.00") },
    ],
  },
};
const unspecifiedAccrual = {
  accrual_id: 90801130002,
  date: "2026-11-24",
  accrued_category: "UNSPECIFIED",
  unit_number: "",
  total_amount: money("12.00"),
};

export const accrualsByDay: EndpointContract = {
  method: "POST",
  path: "/v1/finance/accrual/by-day",
  request: byDayRequest,
  requestSource: ozonDocsMirror("betamethod/post-v1-finance-accrual-by-day.md", MIRROR_COMMIT),
  fixtures: [
    built(
      "every category",
      ozonDocsMirror("betamethod/post-v1-finance-accrual-by-day.md", MIRROR_COMMIT),
      "finance.v1.GetFinanceAccrualByDayResponse (the path has no example): one accrual per accrued_category " +
        "(UNSPECIFIED, POSTING, ITEM, NON_ITEM, CONTAINER_FEES), money as {amount: string, currency}, " +
        "the parts of other categories null as practitioners receive them, an accrual_id beyond 2^53",
      jsonText({
        accruals: [postingAccrual, itemAccrual, nonItemAccrual, containerAccrual, unspecifiedAccrual],
        last_id: "90801130002",
      }),
    ),
    variant(
      "variants",
      "every category",
      "money as JSON numbers; an empty non_item_fee object beside total_amount; quantity on item fees " +
        "and posting products (practitioners' responses); a return (negative sale_amount); parts absent",
      jsonText({
        accruals: [
          {
            ...itemAccrual,
            accrual_id: 90801130010,
            total_amount: money(-48.09),
            item_fees: {
              fees: [{ sku: 1488301234, quantity: 1, fees: [{ type_id: 1, accrued: money(-48.09) }] }],
            },
          },
          { ...nonItemAccrual, accrual_id: 90801130011, total_amount: money("-99.90"), non_item_fee: {} },
          {
            ...postingAccrual,
            accrual_id: 90801130012,
            total_amount: money("-1838.20"),
            posting: {
              delivery_schema: "FBS",
              delivery_speed: 1,
              products: [
                {
                  sku: 1488305678,
                  quantity: 2,
                  commission: {
                    sale_price: money("-990"),
                    seller_price: money("-990"),
                    sale_amount: money("-1980"),
                    sale_commission: money("217.80"),
                    commission: money("217.80"),
                    commission_ratio: "0.11",
                    bonus: money("0"),
                    coinvestment: money("0"),
                  },
                  delivery: { services: [{ type_id: 59, accrued: money("-76.00") }], total_accrued: money("-76.00") },
                },
              ],
            },
          },
          { accrual_id: 90801130013, date: "2026-11-24", accrued_category: "NON_ITEM", total_amount: money("5") },
        ],
        last_id: "",
      }),
    ),
    variant(
      "last page",
      "every category",
      "the end of a day: no accruals, empty last_id",
      jsonText({ accruals: [], last_id: "" }),
    ),
  ],
};

// ---------------------------------------------------------------- postings
/** the body of both posting lists: since..to with the scheme's own filters, a cursor, the parts to include */
const postingsRequest = (
  required: string[],
  filter: Record<string, RequestSchema>,
  include: Record<string, RequestSchema> = {},
): RequestSchema => ({
  type: "object",
  required,
  properties: {
    cursor: str,
    filter: { type: "object", required: ["since", "to"], properties: { since: dateTime, to: dateTime, ...filter } },
    limit: { type: "integer", minimum: 1, maximum: 100 },
    sort_dir: { type: "string", enum: ["ASC", "DESC"] },
    translit: bool,
    with: { type: "object", properties: { analytics_data: bool, financial_data: bool, legal_info: bool, ...include } },
  },
});

/** a delivered FBO posting with a seller discount beside a cancelled one (no analytics_data: no warehouse) */
export const FBO_DELIVERED_AND_CANCELLED = [
  {
    posting_number: "39127012767-0187-1",
    order_id: 39127012767,
    order_number: "39127012767-0187",
    status: "delivered",
    substatus: "posting_received",
    cancellation: null,
    created_at: "2026-11-24T06:12:51.653736Z",
    in_process_at: "2026-11-24T06:13:07.716614Z",
    products: [
      {
        sku: 1488301234,
        offer_id: "TSH-BLK-M",
        name: "Футболка базовая хлопок, черная, M",
        quantity: 1,
        price: money("2290"),
        is_marketplace_buyout: false,
        digital_codes: [],
      },
    ],
    analytics_data: {
      city: "",
      delivery_type: "PVZ",
      is_premium: false,
      is_legal: false,
      payment_type_group_name: "Система Быстрых Платежей",
      warehouse_id: 1020001835658000,
      warehouse_name: "ХОРУГВИНО_РФЦ",
      client_delivery_date_begin: null,
      client_delivery_date_end: null,
    },
    financial_data: {
      cluster_from: "Москва",
      cluster_to: "Казань",
      products: [
        {
          product_id: 1488301234,
          price: 2290,
          old_price: 3490,
          payout: 0,
          total_discount_value: 1200,
          total_discount_percent: 34.38,
          actions: ["Скидка продавца"],
          commission: { amount: 0, percent: 0, currency: "RUB" },
        },
      ],
    },
    legal_info: null,
    external_order: { is_external: false, platform_name: "" },
    cancel_reason_id: 0,
    additional_data: [],
  },
  {
    posting_number: "39133300451-0012-1",
    order_id: 39133300451,
    order_number: "39133300451-0012",
    status: "cancelled",
    substatus: "posting_canceled",
    cancellation: {
      cancel_reason: "Покупатель отменил заказ",
      cancellation_initiator: "Покупатель",
      cancellation_type: "client",
    },
    created_at: "2026-11-24T09:40:02.11Z",
    in_process_at: "2026-11-24T09:40:15.02Z",
    products: [
      {
        sku: 1488305678,
        offer_id: "MUG-330-WHT",
        name: "Кружка 330 мл белая",
        quantity: 2,
        price: money("590"),
        is_marketplace_buyout: false,
        digital_codes: [],
      },
    ],
    analytics_data: null,
    financial_data: null,
    legal_info: null,
    external_order: { is_external: false, platform_name: "" },
    cancel_reason_id: 402,
    additional_data: [],
  },
];

export const postingsFbo: EndpointContract = {
  method: "POST",
  path: "/v3/posting/fbo/list",
  request: postingsRequest(["filter"], {
    order_numbers: strings,
    posting_numbers: strings,
    statuses: {
      type: "array",
      items: {
        type: "string",
        enum: ["awaiting_packaging", "awaiting_deliver", "delivering", "delivered", "cancelled"],
      },
    },
  }),
  requestSource: ozonDocsMirror("fbo/post-v3-posting-fbo-list.md", MIRROR_COMMIT),
  fixtures: [
    official(
      OZON_SELLER_SPEC,
      "paths./v3/posting/fbo/list.post.responses.200.content.application/json.example",
      exampleText("ozon", "posting-fbo-list-v3.json"),
    ),
    variant(
      "cancelled",
      "official",
      "posting.v3.PostingFboListResponse: a cancelled posting with its cancellation and analytics_data and " +
        "financial_data null (no warehouse: the channel's), beside a delivered one with a seller discount",
      jsonText({
        has_next: false,
        cursor: "",
        postings: FBO_DELIVERED_AND_CANCELLED,
      }),
    ),
    variant("empty", "official", "a period without postings", jsonText({ postings: [], has_next: false, cursor: "" })),
  ],
};

export const postingsFbs: EndpointContract = {
  method: "POST",
  path: "/v4/posting/fbs/list",
  request: postingsRequest(
    ["filter", "limit"],
    {
      delivery_method_ids: int64s,
      integration_type_flow: strings,
      is_blr_traceable: bool,
      last_changed_status_date: { type: "object", properties: { from: dateTime, to: dateTime } },
      order_id: int,
      order_numbers: strings,
      provider_ids: int64s,
      statuses: strings,
      warehouse_ids: int64s,
    },
    { barcodes: bool },
  ),
  requestSource: ozonDocsMirror("fbs/post-v4-posting-fbs-list.md", "1797cc992702aa800935e348f6ae4452bb7cd51a"),
  fixtures: [
    official(
      OZON_SELLER_SPEC,
      "paths./v4/posting/fbs/list.post.responses.200.content.application/json.example",
      exampleText("ozon", "posting-fbs-list-v4.json"),
    ),
    variant(
      "fallback warehouse",
      "official",
      "delivery_method null: the warehouse comes from analytics_data.warehouse_id / .warehouse",
      jsonText({
        cursor: "",
        has_next: false,
        postings: [
          {
            posting_number: "0208245774-0030-1",
            order_id: 33301885135,
            order_number: "0208245774-0030",
            status: "delivering",
            in_process_at: "2026-05-14T21:30:00.000Z",
            delivery_method: null,
            analytics_data: { warehouse: "Софьино", warehouse_id: 17023, city: "Москва", delivery_type: "PVZ" },
            financial_data: null,
            products: [
              { sku: 1904686181, offer_id: "b4408110", name: "Смартфон", quantity: 1, price: money("12990.00") },
            ],
          },
        ],
      }),
    ),
  ],
};

// ---------------------------------------------------------------- products
export const productList: EndpointContract = {
  method: "POST",
  path: "/v3/product/list",
  request: {
    type: "object",
    properties: {
      filter: {
        type: "object",
        properties: {
          offer_id: strings,
          product_id: int64s,
          visibility: {
            type: "string",
            enum: [
              "ALL",
              "VISIBLE",
              "INVISIBLE",
              "EMPTY_STOCK",
              "NOT_MODERATED",
              "MODERATED",
              "DISABLED",
              "STATE_FAILED",
              "READY_TO_SUPPLY",
              "VALIDATION_STATE_PENDING",
              "VALIDATION_STATE_FAIL",
              "VALIDATION_STATE_SUCCESS",
              "TO_SUPPLY",
              "IN_SALE",
              "REMOVED_FROM_SALE",
              "OVERPRICED",
              "CRITICALLY_OVERPRICED",
              "EMPTY_BARCODE",
              "BARCODE_EXISTS",
              "QUARANTINE",
              "ARCHIVED",
              "OVERPRICED_WITH_STOCK",
              "PARTIAL_APPROVED",
            ],
          },
        },
      },
      last_id: str,
      limit: { type: "integer", minimum: 1, maximum: 1000 },
    },
  },
  requestSource: ozonDocsMirror("productapi/post-v3-product-list.md", MIRROR_COMMIT),
  fixtures: [
    official(
      OZON_SELLER_SPEC,
      "paths./v3/product/list.post.responses.200.content.application/json.example",
      exampleText("ozon", "product-list-v3.json"),
    ),
    variant(
      "big ids",
      "official",
      "productv3GetProductListResponse: two items, a product_id beyond 2^53, sku absent",
      jsonText({
        result: {
          items: [
            {
              product_id: 223681945,
              offer_id: "TSH-BLK-M",
              has_fbo_stocks: true,
              has_fbs_stocks: true,
              archived: false,
              is_discounted: false,
              quants: [],
            },
            {
              product_id: BIG_ID,
              offer_id: "MUG-330-WHT",
              has_fbo_stocks: false,
              has_fbs_stocks: true,
              archived: false,
              is_discounted: false,
              quants: [],
            },
          ],
          total: 2,
          last_id: "bnVsbA==",
        },
      }),
    ),
    variant(
      "end",
      "official",
      "the page after the last: no items, empty last_id",
      jsonText({ result: { items: [], total: 2, last_id: "" } }),
    ),
  ],
};

export const productInfo: EndpointContract = {
  method: "POST",
  path: "/v3/product/info/list",
  request: {
    type: "object",
    properties: {
      offer_id: { type: "array", items: str, maxItems: 1000 },
      product_id: { type: "array", items: { type: "string", format: "int64" }, maxItems: 1000 },
      sku: { type: "array", items: { type: "string", format: "int64" }, maxItems: 1000 },
    },
  },
  requestSource: ozonDocsMirror("productapi/post-v3-product-info-list.md", MIRROR_COMMIT),
  fixtures: [
    official(
      OZON_SELLER_SPEC,
      "paths./v3/product/info/list.post.responses.200.content.application/json.example",
      exampleText("ozon", "product-info-list-v3.json"),
    ),
    variant(
      "big ids",
      "official",
      "v3GetProductInfoListResponse: an id and a sku beyond 2^53, empty barcodes, sources and prices, " +
        "the optional parts absent",
      jsonText({
        items: [
          {
            id: 223681945,
            offer_id: "TSH-BLK-M",
            sku: 1488301234,
            name: "Футболка базовая хлопок, черная, M",
            barcodes: ["4601234567890"],
            description_category_id: 17028922,
            type_id: 91248,
            price: "2290.00",
            old_price: "3490.00",
            min_price: "",
            currency_code: "RUB",
            is_archived: false,
            is_autoarchived: false,
            sources: [
              {
                sku: 1488301234,
                source: "SDS",
                shipment_type: "SHIPMENT_TYPE_GENERAL",
                created_at: "2025-03-01T10:00:00Z",
              },
            ],
            created_at: "2025-03-01T10:00:00Z",
            updated_at: "2026-11-20T08:15:42Z",
          },
          {
            id: BIG_ID,
            offer_id: "MUG-330-WHT",
            sku: 9007199254740995n,
            name: "Кружка 330 мл белая",
            barcodes: [],
            price: "590.00",
            old_price: "",
            min_price: "",
            currency_code: "RUB",
            is_archived: false,
            is_autoarchived: false,
            sources: [],
          },
        ],
      }),
    ),
  ],
};

// ---------------------------------------------------------------- stocks
export const TURNOVER_GRADES = [
  "UNSPECIFIED",
  "TURNOVER_GRADE_NONE",
  "DEFICIT",
  "POPULAR",
  "ACTUAL",
  "SURPLUS",
  "NO_SALES",
  "WAS_NO_SALES",
  "RESTRICTED_NO_SALES",
  "COLLECTING_DATA",
  "WAITING_FOR_SUPPLY",
  "WAS_DEFICIT",
  "WAS_POPULAR",
  "WAS_ACTUAL",
  "WAS_SURPLUS",
];

export const fboStocks: EndpointContract = {
  method: "POST",
  path: "/v1/analytics/stocks",
  request: {
    type: "object",
    required: ["skus"],
    properties: {
      skus: { type: "array", items: { type: "string", format: "int64" }, minItems: 1, maxItems: 100 },
      cluster_ids: int64s,
      macrolocal_cluster_ids: int64s,
      warehouse_ids: int64s,
      item_tags: strings,
      turnover_grades: strings,
    },
  },
  requestSource: ozonDocsMirror("analyticsapi/post-v1-analytics-stocks.md", "abf15d36b0cb37b0b9fdb3c60c968dfd36c85bf9"),
  fixtures: [
    built(
      "built",
      ozonDocsMirror("analyticsapi/post-v1-analytics-stocks.md", MIRROR_COMMIT),
      "v1AnalyticsStocksResponse (the path has no example): 16-digit warehouse ids beside ads/idc doubles " +
        "with 17 significant digits (1/28 sold a day), every turnover_grade and item_tag the schema lists",
      jsonText({
        items: [
          {
            sku: 1488301234,
            offer_id: "TSH-BLK-M",
            name: "Футболка базовая хлопок, черная, M",
            cluster_id: 154,
            cluster_name: "Москва, МО и Дальние регионы",
            macrolocal_cluster_id: 4,
            warehouse_id: 1020001835658000,
            warehouse_name: "ХОРУГВИНО_РФЦ",
            available_stock_count: 87,
            valid_stock_count: 10,
            transit_stock_count: 40,
            requested_stock_count: 0,
            return_from_customer_stock_count: 3,
            return_to_seller_stock_count: 0,
            other_stock_count: 0,
            excess_stock_count: 0,
            expiring_stock_count: 0,
            stock_defect_stock_count: 0,
            transit_defect_stock_count: 0,
            waiting_docs_stock_count: 0,
            ads: 0.03571428571428571,
            ads_cluster: 2.1,
            idc: 2436.0000000000005,
            idc_cluster: 41.4,
            days_without_sales: 0,
            days_without_sales_cluster: 0,
            turnover_grade: "DEFICIT",
            turnover_grade_cluster: "ACTUAL",
            item_tags: ["ITEM_ATTRIBUTE_NONE", "ECONOM", "NOVEL", "DISCOUNT", "FBS_RETURN", "SUPER"],
          },
          {
            sku: 1488305678,
            offer_id: "MUG-330-WHT",
            name: "Кружка 330 мл белая",
            cluster_id: 17,
            cluster_name: "Санкт-Петербург и СЗО",
            macrolocal_cluster_id: 2,
            warehouse_id: BIG_ID,
            warehouse_name: "СПБ_ШУШАРЫ_РФЦ",
            available_stock_count: 0,
            valid_stock_count: 0,
            transit_stock_count: 120,
            requested_stock_count: 60,
            ads: 1.2e-7,
            idc: 0,
            turnover_grade: "WAITING_FOR_SUPPLY",
            item_tags: [],
          },
        ],
      }),
    ),
    variant(
      "every turnover grade",
      "built",
      "every turnover_grade value the schema lists, on warehouse and cluster level; counts absent",
      jsonText({
        items: TURNOVER_GRADES.map((grade, i) => ({
          sku: 1488301234,
          warehouse_id: 1020001835658000 + i,
          warehouse_name: `РФЦ ${i}`,
          available_stock_count: i,
          turnover_grade: grade,
          turnover_grade_cluster: grade,
        })),
      }),
    ),
  ],
};

export const fbsStocks: EndpointContract = {
  method: "POST",
  path: "/v2/product/info/stocks-by-warehouse/fbs",
  // the rendered docs leave the body undetailed; the spec names limit, cursor and the SKU / offer_id filters
  // and requires one of the two non-empty
  request: {
    type: "object",
    required: ["limit"],
    oneNonEmpty: ["sku", "offer_id"],
    properties: {
      limit: { type: "integer", minimum: 1, maximum: 1000 },
      cursor: str,
      sku: { type: "array", items: { type: "string", format: "int64" }, maxItems: 1000 },
      offer_id: { type: "array", items: str, maxItems: 1000 },
    },
  },
  requestSource: OZON_SELLER_SPEC,
  fixtures: [
    built(
      "built",
      OZON_SELLER_SPEC,
      "components.schemas.v2GetProductInfoStocksByWarehouseFbsResponseV2: products[], cursor, has_next (the " +
        "spec has no example for this path: neither the operation's 200 response nor the response and product " +
        "schemas carry one, and the per-method docs render none)",
      jsonText({
        products: [
          {
            sku: 1488301234,
            offer_id: "TSH-BLK-M",
            product_id: 223681945,
            warehouse_id: 1020005003107121,
            warehouse_name: "FBS Ногинск",
            present: 12,
            reserved: 2,
            free_stock: 10,
          },
          {
            sku: 1488305678,
            offer_id: "MUG-330-WHT",
            product_id: BIG_ID,
            warehouse_id: 9007199254740997n,
            warehouse_name: "FBS Химки",
            present: 3,
            reserved: 3,
            free_stock: 0,
          },
        ],
        cursor: "",
        has_next: false,
      }),
    ),
  ],
};

// ---------------------------------------------------------------- reviews
export const REVIEW_STATUSES = ["ALL", "NEW", "VIEWED", "PROCESSED"];
export const reviews: EndpointContract = {
  method: "POST",
  path: "/v2/review/list",
  request: {
    type: "object",
    required: ["limit"],
    properties: {
      limit: { type: "integer", minimum: 20, maximum: 100 },
      last_id: str,
      sort_dir: { type: "string", enum: ["ASC", "DESC"] },
      filters: {
        type: "object",
        properties: {
          status: { type: "string", enum: REVIEW_STATUSES },
          order_status: { type: "string", enum: ["ALL", "DELIVERED", "CANCELLED"] },
          published_from: dateTime,
          published_to: dateTime,
          // the official request example names the filter `sku` (the client does not filter by SKU)
          sku: int64s,
        },
      },
    },
  },
  requestSource: OZON_SELLER_SPEC,
  fixtures: [
    official(
      OZON_SELLER_SPEC,
      "paths./v2/review/list.post.responses.200.content.application/json.example",
      exampleText("ozon", "review-list-v2.json"),
    ),
    variant(
      "variants",
      "official",
      "sku as a number (int64) beside a string, statuses NEW and PROCESSED, a cancelled order, media, answered",
      jsonText({
        reviews: [
          {
            id: "019b2f1c-66d3-b838-3d29-cf9b95a6ac48",
            sku: 1488301234,
            text: "Хорошая плотная ткань.",
            published_at: "2026-11-25T07:23:55.970Z",
            rating: 5,
            status: "NEW",
            comments_amount: 0,
            photos_amount: 2,
            videos_amount: 0,
            order_status: "DELIVERED",
            is_rating_participant: true,
          },
          {
            id: "019b3a00-aa11-bc22-cd33-de44ef556677",
            sku: "1488305678",
            text: "",
            published_at: "2026-11-26T15:02:11.004Z",
            rating: 3,
            status: "PROCESSED",
            comments_amount: 1,
            photos_amount: 0,
            videos_amount: 1,
            order_status: "CANCELLED",
            is_rating_participant: false,
          },
        ],
        has_next: false,
        last_id: "019b3a00-aa11-bc22-cd33-de44ef556677",
      }),
    ),
  ],
};

// ---------------------------------------------------------------- review comments (replies)
const REVIEW_COMMENT_CREATE = ozonDocsMirror(
  "reviewapi/post-v1-review-comment-create.md",
  "abf15d36b0cb37b0b9fdb3c60c968dfd36c85bf9",
);
const REVIEW_COMMENT_LIST = ozonDocsMirror(
  "reviewapi/post-v1-review-comment-list.md",
  "abf15d36b0cb37b0b9fdb3c60c968dfd36c85bf9",
);
export const reviewCommentCreate: EndpointContract = {
  method: "POST",
  path: "/v1/review/comment/create",
  request: {
    type: "object",
    required: ["review_id", "text"],
    properties: {
      review_id: str,
      text: str,
      mark_review_as_processed: { type: "boolean" },
      parent_comment_id: str,
    },
  },
  requestSource: REVIEW_COMMENT_CREATE,
  fixtures: [
    built(
      "built",
      REVIEW_COMMENT_CREATE,
      "200: comment_id (string)",
      jsonText({ comment_id: "019b4c11-2a3b-7c4d-8e5f-60718293a4b5" }),
    ),
  ],
};
export const reviewCommentList: EndpointContract = {
  method: "POST",
  path: "/v1/review/comment/list",
  request: {
    type: "object",
    required: ["review_id", "limit"],
    properties: {
      review_id: str,
      limit: { type: "integer", minimum: 20, maximum: 100 },
      offset: { type: "integer", minimum: 0 },
      sort_dir: { type: "string", enum: ["ASC", "DESC"] },
    },
  },
  requestSource: REVIEW_COMMENT_LIST,
  fixtures: [
    built(
      "built",
      REVIEW_COMMENT_LIST,
      "200: comments[] (id, text, parent_comment_id, is_owner, is_official, is_published, is_rejected, likes_amount, dislikes_amount, deviation_reason, published_at), offset",
      jsonText({
        comments: [
          {
            id: "019b4c11-2a3b-7c4d-8e5f-60718293a4b5",
            text: "Спасибо за отзыв!",
            parent_comment_id: "",
            is_owner: true,
            is_official: true,
            is_published: true,
            is_rejected: false,
            likes_amount: 0,
            dislikes_amount: 0,
            deviation_reason: "",
            published_at: "2026-11-27T09:15:00.000Z",
          },
        ],
        offset: 1,
      }),
    ),
  ],
};

// ---------------------------------------------------------------- payouts
export const cashFlowStatement: EndpointContract = {
  method: "POST",
  path: "/v1/finance/cash-flow-statement/list",
  request: {
    type: "object",
    required: ["date", "page", "page_size"],
    properties: {
      date: { type: "object", required: ["from", "to"], properties: { from: dateTime, to: dateTime } },
      page: { type: "integer", minimum: 1 },
      page_size: { type: "integer", minimum: 1 },
      with_details: bool,
    },
  },
  requestSource: ozonDocsMirror("reportapi/post-v1-finance-cash-flow-statement-list.md", MIRROR_COMMIT),
  fixtures: [
    official(
      OZON_SELLER_SPEC,
      "paths./v1/finance/cash-flow-statement/list.post.responses.200.content.application/json.example",
      exampleText("ozon", "cash-flow-statement-list.json"),
    ),
    variant(
      "schema shape",
      "official",
      "the response schema: page_count inside result, details.payments an object, amounts as strings, " +
        "int64 as strings (protobuf JSON), a period id beyond 2^53",
      jsonText({
        result: {
          cash_flows: [
            {
              period: { id: BIG_ID, begin: "2026-11-01T00:00:00Z", end: "2026-11-15T23:59:59Z" },
              orders_amount: "120500.50",
              returns_amount: "-3000",
              commission_amount: "-18075.08",
              services_amount: "-1240.10",
              item_delivery_and_return_amount: "-9531.20",
              currency_code: "RUB",
            },
          ],
          details: {
            period: { id: String(BIG_ID), begin: "2026-11-01T00:00:00Z", end: "2026-11-15T23:59:59Z" },
            payments: { payment: "88654.12", currency_code: "RUB" },
            begin_balance_amount: 0,
            invoice_transfer: "88654.12",
            end_balance_amount: 0,
          },
          page_count: "1",
        },
      }),
    ),
    variant(
      "details array",
      "official",
      "details as an array of periods with payments arrays (practitioners' responses), a refund period",
      jsonText({
        result: {
          cash_flows: [
            { period: { id: 21001, begin: "2026-10-16T00:00:00Z", end: "2026-10-31T23:59:59Z" }, currency_code: "RUB" },
            { period: { id: 21002, begin: "2026-11-01T00:00:00Z", end: "2026-11-15T23:59:59Z" }, currency_code: "RUB" },
          ],
          details: [
            {
              period: { id: 21001 },
              payments: [
                { payment: 1000.5, currency_code: "RUB" },
                { payment: 234.45, currency_code: "RUB" },
              ],
            },
            { period: { id: 21002 }, payments: [{ payment: -120.3, currency_code: "RUB" }] },
          ],
        },
        page_count: 1,
      }),
    ),
    variant(
      "unreadable",
      "details array",
      "what must never become a payout of 0: an amount that is not a number, and a period without details",
      jsonText({
        result: {
          cash_flows: [
            { period: { id: 31001, begin: "2026-10-16T00:00:00Z", end: "2026-10-31T23:59:59Z" } },
            { period: { id: 31002, begin: "2026-11-01T00:00:00Z", end: "2026-11-15T23:59:59Z" } },
            { period: { id: 31003, begin: "2026-11-16T00:00:00Z", end: "2026-11-30T23:59:59Z" } },
          ],
          details: [
            { period: { id: 31001 }, payments: [{ payment: "12 345,60", currency_code: "RUB" }] },
            { period: { id: 31002 }, payments: [{ payment: "n/a", currency_code: "RUB" }] },
          ],
        },
        page_count: 1,
      }),
    ),
    variant("empty", "official", "a range without statements", jsonText({ result: { cash_flows: [] }, page_count: 0 })),
  ],
};

export const OZON_CONTRACTS = [
  accrualTypes,
  accrualsByDay,
  postingsFbo,
  postingsFbs,
  productList,
  productInfo,
  fboStocks,
  fbsStocks,
  reviews,
  reviewCommentCreate,
  reviewCommentList,
  cashFlowStatement,
  clusterList,
  localSaleItemsClusters,
];
