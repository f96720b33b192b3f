// Contract fixtures for WB's two order methods (the wb_orders source). The 2026-08-18 spec gives both
// responses as schemas; the bodies below are built from those schemas field for field, with the values
// of the reference's transcription (marketplace-apis.md §1.5 and §6.2.5). Statistics rows carry Moscow
// wall times without an offset; the order feed carries offsets.
import type { EndpointContract } from "../fixture";
import { built, variant, wbSpec } from "../fixture";
import { jsonText } from "../json-text";
import type { RequestSchema } from "../request-schema";
import { statisticsRequest, stocksReportRequest, WB_STATISTICS_ROW, WB_STATISTICS_ROW_IDS } from "./statistics";

const REPORTS = wbSpec("12-reports.yaml", "141a1b8bb8dc0b32c8d614e0bc9c604d629275ca");
/** the 2026-08-18 snapshot, which added the order feed */
const ANALYTICS_0818 = wbSpec("11-analytics.yaml");
const str: RequestSchema = { type: "string" };
const int: RequestSchema = { type: "integer" };

/** an order at a WB warehouse, not cancelled (§1.5, the first example row) */
export const WB_ORDER_ROW = {
  date: "2026-11-24T13:52:07",
  lastChangeDate: "2026-11-24T14:31:40",
  ...WB_STATISTICS_ROW,
  finishedPrice: 1000,
  priceWithDisc: 1369.5,
  isCancel: false,
  cancelDate: "0001-01-01T00:00:00",
  ...WB_STATISTICS_ROW_IDS,
};

export const orders: EndpointContract = {
  method: "GET",
  path: "/api/v1/supplier/orders",
  request: statisticsRequest,
  requestSource: REPORTS,
  fixtures: [
    built(
      "schema",
      REPORTS,
      "OrdersItem (paths./api/v1/supplier/orders)",
      jsonText([
        WB_ORDER_ROW,
        {
          // a seller-warehouse order cancelled a day later: the row comes again with isCancel
          ...WB_ORDER_ROW,
          date: "2026-11-23T19:02:10",
          lastChangeDate: "2026-11-24T14:33:02",
          warehouseName: "Склад продавца Казань",
          warehouseType: "Склад продавца",
          oblastOkrugName: "Центральный федеральный округ",
          regionName: "Москва",
          supplierArticle: "MUG-330-WHT",
          nmId: 198765432,
          incomeID: 0,
          totalPrice: 890,
          discountPercent: 30,
          spp: 20,
          finishedPrice: 498,
          priceWithDisc: 623,
          isCancel: true,
          cancelDate: "2026-11-24T14:33:02",
          srid: "0c7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f",
        },
        {
          // a buyer outside Russia: no federal district
          ...WB_ORDER_ROW,
          date: "2026-11-24T23:58:00",
          lastChangeDate: "2026-11-25T00:10:00",
          countryName: "Казахстан",
          oblastOkrugName: "",
          regionName: "Алматы",
          srid: "81.d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5.0.0",
        },
      ]),
    ),
    variant("empty", "schema", "nothing changed since dateFrom: an empty array", "[]"),
  ],
};

/** the order feed's response: one snapshot's orders */
const orderFeedBody = (orders: object[]) =>
  jsonText({ data: { snapshotTime: "2026-11-25T06:04:05Z", currency: "RUB", orders } });

export const orderFeed: EndpointContract = {
  method: "POST",
  path: "/api/analytics/v1/order-feed",
  request: {
    type: "object",
    required: ["selectedPeriod"],
    properties: {
      selectedPeriod: {
        type: "object",
        required: ["start"],
        properties: { start: str, end: str },
      },
      nmIds: { type: "array", items: int, maxItems: 1000 },
      subjectIds: { type: "array", items: int, maxItems: 50 },
      brandNames: { type: "array", items: str, maxItems: 50 },
      tagIds: { type: "array", items: int, maxItems: 50 },
      pagination: {
        type: "object",
        properties: {
          offset: { type: "integer", minimum: 0 },
          limit: { type: "integer", minimum: 1, maximum: 10_000 },
          snapshotTime: str,
        },
      },
    },
  },
  requestSource: ANALYTICS_0818,
  fixtures: [
    built(
      "schema",
      ANALYTICS_0818,
      "the order feed's response (paths./api/analytics/v1/order-feed.post)",
      orderFeedBody([
        {
          nmId: 213456789,
          chrtId: 340112233,
          srid: "52.r3d0f4c1a6b9e4f22a1c0d8e7b6a5f4c3.0.0",
          createdAt: "2026-11-24T13:52:07+03:00",
          updatedAt: "2026-11-24T18:02:11+03:00",
          status: "buyout",
          warehouseName: "Склад WB",
          warehouseRegion: "",
          isMp: false,
          destinationCity: "Казань",
          destinationDistrict: "Приволжский",
          sellerPrice: 1369.5,
          isB2b: false,
        },
        {
          nmId: 198765432,
          chrtId: 298877665,
          srid: "0c7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f",
          createdAt: "2026-11-23T19:02:10+03:00",
          updatedAt: "2026-11-24T14:33:02+03:00",
          status: "cancel",
          cancelType: "app",
          warehouseName: "Склад продавца Казань",
          warehouseRegion: "Приволжский",
          isMp: true,
          destinationCity: "Москва",
          destinationDistrict: "Центральный",
          sellerPrice: 623,
          isB2b: false,
        },
      ]),
    ),
    variant(
      "unknown-status",
      "schema",
      "status is an enum WB extends: a value the schema does not list yet, and returnDefective",
      orderFeedBody([
        {
          nmId: 213456789,
          chrtId: 340112233,
          srid: "77.a.0.0",
          createdAt: "2026-11-20T10:00:00+03:00",
          updatedAt: "2026-11-24T10:00:00+03:00",
          status: "onTheWay",
          warehouseName: "Склад WB",
          warehouseRegion: "",
          isMp: false,
          destinationCity: "Минск",
          destinationDistrict: "Беларусь",
          sellerPrice: 1000,
          isB2b: false,
        },
        {
          nmId: 213456789,
          chrtId: 340112233,
          srid: "77.b.0.0",
          createdAt: "2026-11-19T10:00:00+03:00",
          updatedAt: "2026-11-24T11:00:00+03:00",
          status: "returnDefective",
          warehouseName: "Склад WB",
          warehouseRegion: "",
          isMp: false,
          destinationCity: "Тверь",
          destinationDistrict: "Центральный",
          sellerPrice: 1000,
          isB2b: false,
        },
      ]),
    ),
  ],
};

/** the seller-warehouse (FBS) stocks report: the reference's example row (§6.2.7, WB docs mirror page) */
export const sellerStocks: EndpointContract = {
  method: "POST",
  path: "/api/analytics/v1/stocks-report/seller-warehouses",
  request: stocksReportRequest,
  requestSource: ANALYTICS_0818,
  fixtures: [
    built(
      "schema",
      ANALYTICS_0818,
      "the seller-warehouses report (release note 2026-08-24; fields as the WB docs mirror lists them)",
      jsonText({
        data: {
          items: [
            {
              nmId: 198765432,
              chrtId: 298877665,
              warehouseId: 1148551,
              warehouseName: "Склад продавца Казань",
              regionName: "Приволжский",
              quantity: 37,
            },
            {
              nmId: 198765432,
              chrtId: 298877666,
              warehouseId: 1148551,
              warehouseName: "Склад продавца Казань",
              regionName: "Приволжский",
              quantity: 0,
            },
          ],
        },
      }),
    ),
  ],
};
