// Contract fixtures for WB's stocks report per product (POST /api/v2/stocks-report/products/products),
// read for WB's own lost orders estimate. The body is the reference's example (marketplace-apis.md
// §6.2.6, the 2026-08-18 spec's ProductsProductsResponse with its values), plus a variant with WB's
// special values: -2 (zero) and other negatives (not computed) in lostOrders*/lostBuyouts*, and the
// {days, hours} codes (-1 infinite, -2 zero, -4 absent the whole period).
import { type EndpointContract, wbSpec } from "../fixture";
import { jsonText } from "../json-text";
import type { RequestSchema } from "../request-schema";

const ANALYTICS_0818 = wbSpec("11-analytics.yaml");
const int: RequestSchema = { type: "integer" };
const str: RequestSchema = { type: "string" };
const date: RequestSchema = { type: "string", format: "date" };
const FIELDS = [
  "ordersCount",
  "ordersSum",
  "avgOrders",
  "buyoutCount",
  "buyoutSum",
  "buyoutPercent",
  "stockCount",
  "stockSum",
  "saleRate",
  "avgStockTurnover",
  "toClientCount",
  "fromClientCount",
  "minPrice",
  "maxPrice",
  "officeMissingTime",
  "lostOrdersCount",
  "lostOrdersSum",
  "lostBuyoutsCount",
  "lostBuyoutsSum",
];

/** the reference's item (§6.2.6) */
export const WB_PRODUCTS_REPORT_ITEM = {
  nmID: 213456789,
  isDeleted: false,
  subjectName: "Футболки",
  name: "Футболка базовая хлопок",
  vendorCode: "TSH-BLK-M",
  brandName: "NordLine",
  mainPhoto: "https://basket-12.wbbasket.ru/vol2134/part213456/213456789/images/big/1.webp",
  hasSizes: true,
  metrics: {
    ordersCount: 212,
    ordersSum: 290322,
    avgOrders: 7.31,
    avgOrdersByMonth: [{ start: "2026-10-01", end: "2026-10-31", value: 6.9 }],
    buyoutCount: 171,
    buyoutSum: 234184,
    buyoutPercent: 81,
    stockCount: 143,
    stockSum: 195835,
    saleRate: { days: 19, hours: 13 },
    avgStockTurnover: { days: 22, hours: 4 },
    toClientCount: 12,
    fromClientCount: 3,
    officeMissingTime: { days: 3, hours: 6 },
    lostOrdersCount: 23.7,
    lostOrdersSum: 32457.15,
    lostBuyoutsCount: 19.2,
    lostBuyoutsSum: 26293.3,
    currentPrice: { minPrice: 1369, maxPrice: 1369 },
    availability: "balanced",
  },
};

/** the request for every card over [start, end], WB and seller warehouses together (what WbClient sends) */
export const productsReportRequest = (start: string, end: string, offset = 0) => ({
  currentPeriod: { start, end },
  stockType: "",
  skipDeletedNm: true,
  availabilityFilters: [],
  orderBy: { field: "ordersCount", mode: "desc" },
  limit: 1000,
  offset,
});

const withMetrics = (nmID: number, metrics: Record<string, unknown>) => ({
  ...WB_PRODUCTS_REPORT_ITEM,
  nmID,
  metrics: { ...WB_PRODUCTS_REPORT_ITEM.metrics, ...metrics },
});

export const productsReport: EndpointContract = {
  method: "POST",
  path: "/api/v2/stocks-report/products/products",
  request: {
    type: "object",
    required: ["currentPeriod", "stockType", "skipDeletedNm", "orderBy", "availabilityFilters", "offset"],
    properties: {
      nmIDs: { type: "array", items: int, maxItems: 1000 },
      subjectID: int,
      brandName: str,
      tagID: int,
      currentPeriod: { type: "object", required: ["start", "end"], properties: { start: date, end: date } },
      stockType: { type: "string", enum: ["", "wb", "mp"] },
      skipDeletedNm: { type: "boolean" },
      orderBy: {
        type: "object",
        required: ["field", "mode"],
        properties: { field: { type: "string", enum: FIELDS }, mode: { type: "string", enum: ["asc", "desc"] } },
      },
      availabilityFilters: {
        type: "array",
        items: { type: "string", enum: ["deficient", "actual", "balanced", "nonActual", "nonLiquid", "invalidData"] },
      },
      limit: { type: "integer", minimum: 1, maximum: 1000 },
      offset: { type: "integer", minimum: 0 },
    },
  },
  requestSource: ANALYTICS_0818,
  fixtures: [
    {
      name: "reference",
      status: 200,
      origin: {
        kind: "built from schema",
        spec: ANALYTICS_0818,
        schema: "ProductsProductsResponse, with the values of marketplace-apis.md §6.2.6",
      },
      body: jsonText({ data: { currency: "RUB", items: [WB_PRODUCTS_REPORT_ITEM] } }),
    },
    {
      name: "special values",
      status: 200,
      origin: {
        kind: "variant",
        of: "reference",
        allowedBy:
          "§6.2.6: lostOrders*/lostBuyouts* -2 = zero, any other negative = not computed; {days, hours} hours -1 infinite, -2 zero, -4 absent the whole period; a card without nmID is not a card",
      },
      body: jsonText({
        data: {
          currency: "RUB",
          items: [
            withMetrics(198765432, {
              lostOrdersCount: -2,
              lostOrdersSum: -2,
              lostBuyoutsCount: -2,
              lostBuyoutsSum: -2,
              saleRate: { days: 0, hours: -2 },
            }),
            withMetrics(198765433, {
              ordersCount: 0,
              avgOrders: 0,
              lostOrdersCount: -1,
              lostOrdersSum: -3,
              lostBuyoutsCount: -3,
              lostBuyoutsSum: -1,
              saleRate: { days: 0, hours: -1 },
              officeMissingTime: { days: 0, hours: -4 },
            }),
            withMetrics(198765434, { lostOrdersCount: 0.4, lostOrdersSum: -3, saleRate: { days: 2, hours: -3 } }),
            { isDeleted: false, metrics: WB_PRODUCTS_REPORT_ITEM.metrics },
          ],
        },
      }),
    },
    {
      name: "end",
      status: 200,
      origin: { kind: "variant", of: "reference", allowedBy: "an offset past the last card: no items" },
      body: jsonText({ data: { currency: "RUB", items: [] } }),
    },
  ],
};
