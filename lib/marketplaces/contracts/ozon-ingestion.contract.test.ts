// The Ozon contract fixtures through the whole ingestion (real HTTP, real client, mappers, writes) into
// PGlite and PostgreSQL with the real migrations: products, stocks, reviews, postings and payouts rows.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { type MarketplaceConfig, wbUrlsAt } from "@/lib/services/ingestion/config";
import { syncStores } from "@/lib/services/sync-stores";
import * as ozon from "./ozon/fixtures";
import { setUpContractServer } from "./contract-server";

describe.each(testDatabaseKinds())("Ozon contract fixtures into the database on %s", (kind) => {
  const database = useTestDatabase(kind);
  const api = setUpContractServer();
  const { serve } = api;
  let config: MarketplaceConfig;

  beforeAll(() => {
    config = {
      ozonClientId: "123456",
      ozonApiKey: "contract-key",
      ozonUrl: api.server.url,
      wbUrls: wbUrlsAt(api.server.url),
      timeZone: "Europe/Moscow",
      rateLimits: false,
    };
  });

  const sync = (sources: string[]) =>
    syncStores({
      db: database.db,
      from: "2026-11-01",
      to: "2026-11-30",
      trigger: "test",
      config,
      marketplace: "OZON",
      sources,
      resilience: { rateLimits: false, maxAttempts: 1, timeoutMs: 5000 },
    });
  /** syncs one source and checks it read `fetched` records, quarantining none */
  const syncRead = async (source: string, fetched: number) => {
    const summary = await sync([source]);
    expect(summary.runs[0].sources[source]).toMatchObject({ status: "succeeded", fetched, quarantined: 0 });
  };
  const rows = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await database.db.execute(query));

  it("writes the catalogue, then stock per SKU and warehouse, with ids beyond 2^53 exact", async () => {
    serve(ozon.productList, "big ids", "end");
    serve(ozon.productInfo, "big ids");
    serve(ozon.fboStocks, "built");
    serve(ozon.fbsStocks, "built");
    const summary = await sync(["ozon_products", "ozon_stocks"]);
    const sources = summary.runs[0].sources;
    expect(sources.ozon_products).toMatchObject({ status: "succeeded", fetched: 2, quarantined: 0 });
    expect(sources.ozon_stocks).toMatchObject({ status: "succeeded", fetched: 4, quarantined: 0 });
    expect(
      await rows(
        sql`select ozon_id::text as sku, ozon_product_id::text as product, article, name from sku where marketplace = 'OZON' and ozon_product_id is not null order by ozon_id`,
      ),
    ).toEqual([
      { sku: "1488301234", product: "223681945", article: "TSH-BLK-M", name: "Футболка базовая хлопок, черная, M" },
      { sku: "9007199254740995", product: "9007199254740993", article: "MUG-330-WHT", name: "Кружка 330 мл белая" },
    ]);
    // the FBS call names the catalogue's SKUs
    const fbs = api.server.requests.filter((r) => r.path === ozon.fbsStocks.path);
    expect(fbs.map((r) => r.body)).toEqual([{ limit: 1000, cursor: "", sku: ["1488301234", "9007199254740995"] }]);
    expect(
      await rows(sql`
        select s.ozon_id::text as sku, w.code, w.name, w.kind, w.region, st.on_hand, st.in_transit
        from daily_stock st join sku s on s.id = st.sku_id join warehouse w on w.id = st.warehouse_id
        order by s.ozon_id, w.code`),
    ).toEqual([
      {
        sku: "1488301234",
        code: "1020001835658000",
        name: "ХОРУГВИНО_РФЦ",
        kind: "FBO",
        region: "Москва, МО и Дальние регионы",
        on_hand: 87,
        in_transit: 40,
      },
      {
        sku: "1488301234",
        code: "1020005003107121",
        name: "FBS Ногинск",
        kind: "FBS",
        region: null,
        on_hand: 10,
        in_transit: 0,
      },
      {
        sku: "1488305678",
        code: "9007199254740993",
        name: "СПБ_ШУШАРЫ_РФЦ",
        kind: "FBO",
        region: "Санкт-Петербург и СЗО",
        on_hand: 0,
        in_transit: 120,
      },
      {
        sku: "1488305678",
        code: "9007199254740997",
        name: "FBS Химки",
        kind: "FBS",
        region: null,
        on_hand: 0,
        in_transit: 0,
      },
    ]);
  });

  it("writes reviews", async () => {
    serve(ozon.reviews, "variants");
    const summary = await sync(["ozon_reviews"]);
    expect(summary.runs[0].sources.ozon_reviews).toMatchObject({ status: "succeeded", fetched: 2, inserted: 2 });
    expect(
      await rows(sql`
        select r.review_id, s.ozon_id::text as sku, r.rating, r.has_media, r.text, r.order_status, r.reply_status,
               to_char(r.created_at_utc at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') as at
        from reviews r left join sku s on s.id = r.sku_id where r.marketplace = 'OZON' order by r.created_at_utc`),
    ).toEqual([
      {
        review_id: "019b2f1c-66d3-b838-3d29-cf9b95a6ac48",
        sku: "1488301234",
        rating: 5,
        has_media: true,
        text: "Хорошая плотная ткань.",
        order_status: "DELIVERED",
        reply_status: "unanswered",
        at: "2026-11-25T07:23:55.970",
      },
      {
        review_id: "019b3a00-aa11-bc22-cd33-de44ef556677",
        sku: "1488305678",
        rating: 3,
        has_media: true,
        text: "",
        order_status: "CANCELLED",
        reply_status: "answered",
        at: "2026-11-26T15:02:11.004",
      },
    ]);
  });

  it("keeps FBS postings of the official example and the fallback as raw records, none quarantined", async () => {
    serve(ozon.postingsFbs, "official");
    await syncRead("ozon_postings_fbs", 1);
    expect(api.server.requests.map((r) => (r.body as { filter: unknown }).filter)).toEqual([
      { since: "2026-10-31T21:00:00.000Z", to: "2026-11-30T21:00:00.000Z" },
    ]);
    expect(
      await rows(
        sql`select natural_key, d::text as d from raw_records where source = 'ozon_postings_fbs' order by natural_key`,
      ),
    ).toEqual([{ natural_key: "0208245774-0029-1", d: "2026-05-14" }]);
  });

  it("writes the official product examples: the list's product, the info's SKU", async () => {
    serve(ozon.productList, "official", "end");
    serve(ozon.productInfo, "official");
    await syncRead("ozon_products", 1);
    expect(api.server.requests.map((r) => [r.path, r.body])).toEqual([
      [ozon.productList.path, { filter: { visibility: "ALL" }, last_id: "", limit: 1000 }],
      [ozon.productInfo.path, { product_id: ["3397917680"] }],
      [
        ozon.productList.path,
        { filter: { visibility: "ALL" }, last_id: "WzMzOTc5MTc2ODAsMzM5NzkxNzY4MF0=", limit: 1000 },
      ],
    ]);
    expect(
      await rows(
        sql`select ozon_id::text as sku, ozon_product_id::text as product, article, name, brand, category from sku where marketplace = 'OZON' and ozon_id = 123456789`,
      ),
    ).toEqual([
      {
        sku: "123456789",
        product: "100001",
        article: "OFFER_123456789",
        name: "Тестовый товар 123",
        brand: null,
        category: null,
      },
    ]);
  });

  it("keeps the FBO posting of the official example as a raw record of its Moscow day", async () => {
    serve(ozon.postingsFbo, "official");
    await syncRead("ozon_postings_fbo", 1);
    expect(
      await rows(
        sql`select natural_key, d::text as d from raw_records where source = 'ozon_postings_fbo' order by natural_key`,
      ),
    ).toEqual([{ natural_key: "9121072335-0187-1", d: "2026-05-11" }]);
  });

  it("writes a payout per period from details as an array", async () => {
    serve(ozon.cashFlowStatement, "details array");
    await syncRead("ozon_payouts", 2);
    expect(api.server.requests.map((r) => r.body)).toEqual([
      {
        date: { from: "2026-11-01T00:00:00.000Z", to: "2026-11-30T23:59:59.999Z" },
        page: 1,
        page_size: 1,
        with_details: true,
      },
    ]);
    expect(
      await rows(
        sql`select report_id, date_from::text as date_from, date_to::text as date_to, payout::text as payout
            from settlement_reports where kind = 'ozon_period' order by report_id`,
      ),
    ).toEqual([
      { report_id: "21001", date_from: "2026-10-16", date_to: "2026-10-31", payout: "1234.95" },
      { report_id: "21002", date_from: "2026-11-01", date_to: "2026-11-15", payout: "-120.30" },
    ]);
  });

  it("quarantines an unreadable amount and a period without details instead of writing 0", async () => {
    await database.db.execute(sql`delete from settlement_reports where kind = 'ozon_period'`);
    serve(ozon.cashFlowStatement, "unreadable");
    const summary = await sync(["ozon_payouts"]);
    expect(summary.runs[0].sources.ozon_payouts).toMatchObject({ fetched: 3, inserted: 1, quarantined: 2 });
    expect(
      await rows(
        sql`select report_id, payout::text as payout from settlement_reports where kind = 'ozon_period' order by report_id`,
      ),
    ).toEqual([{ report_id: "31001", payout: "12345.60" }]);
    expect(
      await rows(
        sql`select reason, payload -> 'cash_flow' -> 'period' ->> 'id' as period from quarantine where source = 'ozon_payouts' order by reason`,
      ),
    ).toEqual([
      { reason: 'details of period 31002: not a money amount: "n/a"', period: "31002" },
      { reason: "period 31003: no payment details for it", period: "31003" },
    ]);
  });

  it("pages by page_count beside result (official example) and stops at the last page", async () => {
    await database.db.execute(sql`delete from settlement_reports where kind = 'ozon_period'`);
    serve(ozon.cashFlowStatement, "schema shape", "official");
    const summary = await sync(["ozon_payouts"]);
    // page 1: page_count 1 inside result, so one request; the official example is not reached
    expect(api.server.requests).toHaveLength(1);
    expect(summary.runs[0].sources.ozon_payouts).toMatchObject({ fetched: 1, inserted: 1, quarantined: 0 });
    expect(
      await rows(
        sql`select report_id, date_to::text as date_to, payout::text as payout from settlement_reports where kind = 'ozon_period'`,
      ),
    ).toEqual([{ report_id: "9007199254740993", date_to: "2026-11-15", payout: "88654.12" }]);
  });
});
