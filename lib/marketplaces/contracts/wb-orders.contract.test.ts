// WB order contracts: the statistics orders feed and the order feed (wb/order-fixtures.ts) served over
// real HTTP to the real WbClient, the requests checked against the spec's schemas, and what the order
// mappers make of them, field by field, worked out by hand from the fixtures.
import { describe, expect, it } from "vitest";
import { wbUrlsAt } from "@/lib/services/ingestion/config";
import { WbClient } from "../wb/client";
import type { OrderLineFact } from "../lines";
import { mapWbSellerStock, wbOrderFeedLineFact, wbOrderLineFact } from "../wb/order-mappers";
import { setUpContractServer } from "./contract-server";
import { fixture } from "./fixture";

/** the seller's warehouse the fixtures name (FBS, known by name only) */
const KAZAN = { code: "name:Склад продавца Казань", name: "Склад продавца Казань", kind: "FBS" as const };
import { orderFeed, orders, sellerStocks } from "./wb/order-fixtures";

const TZ = "Europe/Moscow";
const line = (s: OrderLineFact) => ({ ...s, amount: s.amount.toFixed(2) });
const api = setUpContractServer(
  (url) => new WbClient("wb-contract-token", wbUrlsAt(url), { rateLimits: false, maxAttempts: 1 }),
);
const { serve, sentTo } = api;

describe("GET /api/v1/supplier/orders", () => {
  it("maps each row to an order line keyed by srid: a cancellation, the buyer's district, Moscow days", async () => {
    serve(orders, "schema");
    const rows = await api.client.orders("2026-11-24T00:00:00");
    const [sent] = sentTo(orders);
    expect(Object.fromEntries(sent.query)).toEqual({ dateFrom: "2026-11-24T00:00:00", flag: "0" });
    const common = { qty: 1, feedCommission: null, outcome: null, article: "TSH-BLK-M", sku: "213456789" };
    expect(rows.map((r) => line(wbOrderLineFact(r, TZ)))).toEqual([
      {
        ...common,
        key: "52.r3d0f4c1a6b9e4f22a1c0d8e7b6a5f4c3.0.0",
        orderKey: "52.r3d0f4c1a6b9e4f22a1c0d8e7b6a5f4c3.0.0",
        d: "2026-11-24",
        kind: "order",
        warehouse: { code: "-999999", name: "Склад WB", kind: "FBO" },
        channel: "FBO",
        amount: "1369.50",
        // 14:31:40 Moscow is 11:31:40 UTC
        version: "2026-11-24T11:31:40.000Z",
        orderedAt: "2026-11-24T10:52:07.000Z",
        buyerRegion: "Республика Татарстан",
        buyerDistrict: "Приволжский",
      },
      {
        ...common,
        key: "0c7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f",
        orderKey: "0c7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f",
        d: "2026-11-23",
        kind: "cancellation",
        outcome: "cancel",
        sku: "198765432",
        article: "MUG-330-WHT",
        warehouse: KAZAN,
        channel: "FBS",
        amount: "623.00",
        version: "2026-11-24T11:33:02.000Z",
        orderedAt: "2026-11-23T16:02:10.000Z",
        buyerRegion: "Москва",
        buyerDistrict: "Центральный",
      },
      {
        ...common,
        key: "81.d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5.0.0",
        orderKey: "81.d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5.0.0",
        // 23:58 Moscow on the 24th is still the 24th
        d: "2026-11-24",
        kind: "order",
        warehouse: { code: "-999999", name: "Склад WB", kind: "FBO" },
        channel: "FBO",
        amount: "1369.50",
        version: "2026-11-24T21:10:00.000Z",
        orderedAt: "2026-11-24T20:58:00.000Z",
        buyerRegion: "Алматы",
        // outside Russia the country stands for the district
        buyerDistrict: "Казахстан",
      },
    ]);
  });

  it("reads an empty page as caught up", async () => {
    serve(orders, "empty");
    expect(await api.client.orders("2026-11-25T00:00:00")).toEqual([]);
  });
});

describe("POST /api/analytics/v1/order-feed", () => {
  it("sends the period and paging, pins later pages to snapshotTime, and maps the same srid as the same line", async () => {
    serve(orderFeed, "schema", "schema");
    const first = await api.client.orderFeed({
      start: "2026-11-23T21:00:00.000Z",
      end: "2026-11-25T21:00:00.000Z",
      offset: 0,
      limit: 10_000,
    });
    expect(first.snapshotTime).toBe("2026-11-25T06:04:05Z");
    await api.client.orderFeed({
      start: "2026-11-23T21:00:00.000Z",
      end: "2026-11-25T21:00:00.000Z",
      offset: 10_000,
      limit: 10_000,
      snapshotTime: first.snapshotTime,
    });
    const sent = sentTo(orderFeed);
    expect((sent[0].body as { pagination: unknown }).pagination).toEqual({ offset: 0, limit: 10_000 });
    expect((sent[1].body as { pagination: unknown }).pagination).toEqual({
      offset: 10_000,
      limit: 10_000,
      snapshotTime: "2026-11-25T06:04:05Z",
    });
    expect(first.orders.map((r) => line(wbOrderFeedLineFact(r, TZ)))).toEqual([
      {
        key: "52.r3d0f4c1a6b9e4f22a1c0d8e7b6a5f4c3.0.0",
        orderKey: "52.r3d0f4c1a6b9e4f22a1c0d8e7b6a5f4c3.0.0",
        d: "2026-11-24",
        kind: "order",
        sku: "213456789",
        article: null,
        warehouse: { code: "-999999", name: "Склад WB", kind: "FBO" },
        channel: "FBO",
        qty: 1,
        amount: "1369.50",
        feedCommission: null,
        version: "2026-11-24T15:02:11.000Z",
        orderedAt: "2026-11-24T10:52:07.000Z",
        outcome: "buyout",
        buyerRegion: "Казань",
        buyerDistrict: "Приволжский",
      },
      {
        key: "0c7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f",
        orderKey: "0c7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f",
        d: "2026-11-23",
        kind: "cancellation",
        sku: "198765432",
        article: null,
        warehouse: KAZAN,
        channel: "FBS",
        qty: 1,
        amount: "623.00",
        feedCommission: null,
        // the same moment the statistics row's lastChangeDate names
        version: "2026-11-24T11:33:02.000Z",
        orderedAt: "2026-11-23T16:02:10.000Z",
        outcome: "cancel",
        buyerRegion: "Москва",
        buyerDistrict: "Центральный",
      },
    ]);
  });

  it("counts an unknown status as open and returnDefective as a return", async () => {
    serve(orderFeed, "unknown-status");
    const page = await api.client.orderFeed({
      start: "2026-11-23T21:00:00Z",
      end: "2026-11-25T21:00:00Z",
      offset: 0,
      limit: 100,
    });
    expect(page.orders.map((r) => wbOrderFeedLineFact(r, TZ)).map((l) => [l.kind, l.outcome, l.buyerDistrict])).toEqual(
      [
        ["order", null, "Беларусь"],
        ["order", "return", "Центральный"],
      ],
    );
  });

  it("quarantines a row without srid or with a broken time (the mapper throws, naming the field)", () => {
    expect(() => wbOrderFeedLineFact({ nmId: 1, createdAt: "x", updatedAt: "y", status: "created" }, TZ)).toThrow(
      /srid|createdAt/,
    );
    expect(() =>
      wbOrderLineFact(
        { srid: "s", date: "yesterday", lastChangeDate: "2026-11-24T10:00:00", nmId: 1, isCancel: false },
        TZ,
      ),
    ).toThrow(/date/);
  });
});

describe("POST /api/analytics/v1/stocks-report/seller-warehouses", () => {
  it("maps FBS stock onto the seller warehouse the orders name (by name: the orders know no id)", async () => {
    serve(sellerStocks, "schema");
    const items = await api.client.sellerStocks({ offset: 0 });
    expect((sentTo(sellerStocks)[0].body as { offset: number }).offset).toBe(0);
    // one row per size (chrtId) of the card, on the Kazan warehouse with its region
    const stock = (chrtId: string, onHand: number) => ({
      key: `FBS|198765432|${chrtId}|${KAZAN.code}`,
      sku: "198765432",
      warehouse: { ...KAZAN, region: "Приволжский" },
      onHand,
      inTransit: 0,
    });
    expect(items!.map(mapWbSellerStock)).toEqual([stock("298877665", 37), stock("298877666", 0)]);
    // the order of the same warehouse lands on the same warehouse code
    const order = JSON.parse(fixture(orders, "schema").body)[1];
    expect(wbOrderLineFact(order, TZ).warehouse.code).toBe(KAZAN.code);
  });
});
