// The marketplaces' own restock hints, shown beside Sovani's plan: WB's lost orders estimate (stocks
// report per product, §6.2.6) and Ozon's recommended supply per cluster (beta local-sale, §6.4.5). The
// fixtures (wb/lost-orders-fixtures.ts, ozon/cluster-fixtures.ts) served to the real clients, the
// requests checked against the documented schemas, the mapping of WB's special values (-2 is zero, any
// other negative is "not computed", stored as NULL), and the rows written on PGlite and PostgreSQL; a
// local-sale method Ozon does not serve (404) leaves no rows and never fails the sync.
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { type MarketplaceConfig, wbUrlsAt } from "@/lib/services/ingestion/config";
import { writeClusters } from "@/lib/services/ingestion/ozon-cluster-sources";
import { syncStores } from "@/lib/services/sync-stores";
import { OzonClient } from "../ozon/client";
import { mapOzonSupplyRecommendation } from "../ozon/cluster-mappers";
import { WbClient } from "../wb/client";
import { mapWbLostOrders } from "../wb/lost-orders-mappers";
import { type EndpointContract, fixture } from "./fixture";
import { localSaleItemsClusters } from "./ozon/cluster-fixtures";
import { checkRequest } from "./request-schema";
import { type FixtureServer, startFixtureServer } from "./serve";
import { productsReport, productsReportRequest } from "./wb/lost-orders-fixtures";

let server: FixtureServer;
const NOW = "2026-11-25T09:00:00Z";
const TODAY = "2026-11-25";

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

function serve(contract: EndpointContract, ...names: string[]) {
  server.serve(`${contract.method} ${contract.path}`, ...names.map((n) => fixture(contract, n)));
}
function sentTo(contract: EndpointContract) {
  const sent = server.requests.filter((r) => r.path === contract.path);
  expect(sent.length).toBeGreaterThan(0);
  for (const r of sent) expect(checkRequest(contract.request, r.body), JSON.stringify(r.body)).toEqual([]);
  return sent;
}
const items = (contract: EndpointContract, name: string) =>
  (JSON.parse(fixture(contract, name).body) as { data?: { items: unknown[] }; items?: unknown[] }).data?.items ??
  (JSON.parse(fixture(contract, name).body) as { items: unknown[] }).items;

describe("POST /api/v2/stocks-report/products/products (WB lost orders)", () => {
  const client = () => new WbClient("wb-token", wbUrlsAt(server.url), { rateLimits: false, maxAttempts: 1 });

  it("asks for every card over the period, WB and seller warehouses together, and maps the reference's item", async () => {
    serve(productsReport, "reference");
    const page = await client().stocksReportProducts({ start: "2026-10-28", end: "2026-11-24", offset: 0 });
    const [sent] = sentTo(productsReport);
    expect(sent.body).toEqual(productsReportRequest("2026-10-28", "2026-11-24"));
    expect(page.map(mapWbLostOrders)).toEqual([
      {
        sku: "213456789",
        lostOrdersQty: "23.700",
        lostOrdersSum: "32457.15",
        lostBuyoutsQty: "19.200",
        lostBuyoutsSum: "26293.30",
        avgDailyQty: "7.310",
        // saleRate 19 days 13 hours
        daysOfCover: "19.542",
      },
    ]);
  });

  it("reads -2 as zero and any other negative as not computed (null), never as a number", () => {
    const mapped = items(productsReport, "special values")
      .slice(0, 3)
      .map((raw) => mapWbLostOrders(raw));
    expect(mapped).toEqual([
      {
        sku: "198765432",
        lostOrdersQty: "0.000",
        lostOrdersSum: "0.00",
        lostBuyoutsQty: "0.000",
        lostBuyoutsSum: "0.00",
        avgDailyQty: "7.310",
        daysOfCover: "0.000",
      },
      {
        sku: "198765433",
        lostOrdersQty: null,
        lostOrdersSum: null,
        lostBuyoutsQty: null,
        lostBuyoutsSum: null,
        avgDailyQty: "0.000",
        // hours -1: the stock lasts for ever, no number of days
        daysOfCover: null,
      },
      {
        sku: "198765434",
        lostOrdersQty: "0.400",
        lostOrdersSum: null,
        lostBuyoutsQty: "19.200",
        lostBuyoutsSum: "26293.30",
        avgDailyQty: "7.310",
        daysOfCover: null,
      },
    ]);
    expect(() => mapWbLostOrders(items(productsReport, "special values")[3])).toThrow(/nmID/);
  });
});

describe("POST /v1/analytics/local-sale/items-clusters/info (Ozon recommended supply)", () => {
  const client = () => new OzonClient("1", "key", server.url, { rateLimits: false, maxAttempts: 1 });

  it("asks for the SKUs' FBO recommendation over the period and maps SKU, cluster, supply and index", async () => {
    serve(localSaleItemsClusters, "reference");
    const res = await client().localSaleItemsClusters({
      from: "2026-10-28",
      to: "2026-11-24",
      skus: ["1488301234"],
      deliverySchema: "FBO",
      supplyPeriod: "TWO_WEEKS",
      offset: 0,
      limit: 1000,
    });
    const [sent] = sentTo(localSaleItemsClusters);
    expect(sent.body).toEqual({
      filter: {
        period: { from: "2026-10-28", to: "2026-11-24" },
        skus: ["1488301234"],
        delivery_schema: "FBO",
        supply_period: "TWO_WEEKS",
      },
      limit: 1000,
      offset: 0,
    });
    expect(res.total).toBe(1);
    expect(res.items.map(mapOzonSupplyRecommendation)).toEqual([
      { sku: "1488301234", clusterCode: "4", recommendedSupply: 60, value: "119400.00", localIndex: "61.20" },
    ]);
  });

  it("keeps a zero recommendation, tolerates absent metrics and quarantines a row without recommended_supply", () => {
    const rows = items(localSaleItemsClusters, "clusters");
    expect(rows.slice(0, 2).map(mapOzonSupplyRecommendation)).toEqual([
      { sku: "1488301234", clusterCode: "2", recommendedSupply: 0, value: "0.00", localIndex: "0.00" },
      { sku: "1488301234", clusterCode: "7", recommendedSupply: 14, value: null, localIndex: null },
    ]);
    expect(() => mapOzonSupplyRecommendation(rows[2])).toThrow(/recommended_supply/);
  });
});

describe.each(testDatabaseKinds())("the marketplaces' hints into the database on %s", (kind) => {
  const database = useTestDatabase(kind);
  const rows = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await database.db.execute(query));
  let config: MarketplaceConfig;
  beforeAll(() => {
    config = {
      wbToken: "wb-token",
      ozonClientId: "123456",
      ozonApiKey: "contract-key",
      wbUrls: wbUrlsAt(server.url),
      ozonUrl: server.url,
      timeZone: "Europe/Moscow",
      rateLimits: false,
    };
  });
  const sync = (marketplace: "WB" | "OZON", source: string) =>
    syncStores({
      db: database.db,
      from: "2026-11-20",
      to: "2026-11-24",
      trigger: "test",
      config,
      marketplace,
      sources: [source],
      now: new Date(NOW),
      resilience: { rateLimits: false, maxAttempts: 1, timeoutMs: 5000 },
    });
  /** a method the marketplace does not serve: the source and the store's run succeed with this one warning */
  const expectWarnedOnly = async (marketplace: "WB" | "OZON", source: string, warning: string) => {
    const summary = await sync(marketplace, source);
    const s = summary.runs[0].sources[source];
    expect(s.status).toBe("succeeded");
    expect(s.warnings).toEqual([warning]);
    expect(summary.runs[0].status).toBe("succeeded");
  };

  it("WB: writes today's estimate per card for the 28 days before, -2 as 0 and the not computed as NULL", async () => {
    serve(productsReport, "special values");
    const summary = await sync("WB", "wb_lost_orders");
    const s = summary.runs[0].sources.wb_lost_orders;
    expect(s.status, s.error).toBe("succeeded");
    // the card without nmID is quarantined, the rest written
    expect([s.fetched, s.quarantined]).toEqual([4, 1]);
    expect(
      await rows(sql`select s.nm_id::text as nm, e.d::text as d, e.period_from::text as pf, e.period_to::text as pt,
          e.lost_orders_qty::text as lq, e.lost_orders_sum::text as ls, e.lost_buyouts_qty::text as bq,
          e.lost_buyouts_sum::text as bs, e.avg_daily_qty::text as a, e.days_of_cover::text as c
        from sku_marketplace_estimates e join sku s on s.id = e.sku_id
        where e.source = 'wb_stocks_report' order by s.nm_id`),
    ).toEqual([
      {
        nm: "198765432",
        d: TODAY,
        pf: "2026-10-28",
        pt: "2026-11-24",
        lq: "0.000",
        ls: "0.00",
        bq: "0.000",
        bs: "0.00",
        a: "7.310",
        c: "0.000",
      },
      {
        nm: "198765433",
        d: TODAY,
        pf: "2026-10-28",
        pt: "2026-11-24",
        lq: null,
        ls: null,
        bq: null,
        bs: null,
        a: "0.000",
        c: null,
      },
      {
        nm: "198765434",
        d: TODAY,
        pf: "2026-10-28",
        pt: "2026-11-24",
        lq: "0.400",
        ls: null,
        bq: "19.200",
        bs: "26293.30",
        a: "7.310",
        c: null,
      },
    ]);
    const [sent] = sentTo(productsReport);
    expect((sent.body as { currentPeriod: unknown }).currentPeriod).toEqual({ start: "2026-10-28", end: "2026-11-24" });
  });

  it("WB: a report not served (404) is a warning, not a failure", async () => {
    server.serve(`POST ${productsReport.path}`);
    await expectWarnedOnly(
      "WB",
      "wb_lost_orders",
      "stocks report per product not served (HTTP 404): no WB lost orders estimate",
    );
  });

  it("Ozon: writes the recommendation per SKU and known cluster with its supply period and schema", async () => {
    const stats = { writeMs: 0, statements: 0, byStatement: {} };
    await writeClusters(database.db, stats, [
      { code: "4", name: "Москва", country: "Россия", warehouses: [] },
      { code: "2", name: "Санкт-Петербург", country: "Россия", warehouses: [] },
    ]);
    // a first sync creates the store from the configuration; with no SKUs it asks nothing
    expect((await sync("OZON", "ozon_supply_recommendations")).runs[0].sources.ozon_supply_recommendations.status).toBe(
      "succeeded",
    );
    expect(server.requests).toEqual([]);
    const [account] = await rows<{ id: number }>(sql`select id from accounts where marketplace = 'OZON'`);
    await database.db.execute(
      sql`insert into sku (account_id, marketplace, ozon_id, article) values (${account.id}, 'OZON', 1488301234, 'TSH-BLK-M')`,
    );
    // four weeks of cover after arrival: Ozon is asked for its four-week recommendation
    await database.db.execute(
      sql`insert into restock_store_settings (account_id, cover_days) values (${account.id}, 28)`,
    );
    // a recommendation older than the days kept goes when a sync writes today's
    await database.db.execute(sql`insert into ozon_supply_recommendations (account_id, d, sku_id, cluster_id,
        supply_period, delivery_schema, recommended_supply, src_hash)
      select ${account.id}, '2026-10-20', s.id, c.id, 'TWO_WEEKS', 'FBO', 5, 'old'
      from sku s, cluster c where s.ozon_id = 1488301234 and c.code = '4'`);
    serve(localSaleItemsClusters, "reference", "clusters");
    // the first call (one page of one) answers the reference; a second sync reads the variant
    let summary = await sync("OZON", "ozon_supply_recommendations");
    let s = summary.runs[0].sources.ozon_supply_recommendations;
    expect(s.status, s.error).toBe("succeeded");
    const sent = sentTo(localSaleItemsClusters);
    expect((sent[0].body as { filter: unknown }).filter).toEqual({
      period: { from: "2026-10-28", to: "2026-11-24" },
      skus: ["1488301234"],
      delivery_schema: "FBO",
      supply_period: "FOUR_WEEKS",
    });
    summary = await sync("OZON", "ozon_supply_recommendations");
    s = summary.runs[0].sources.ozon_supply_recommendations;
    expect(s.status, s.error).toBe("succeeded");
    expect(s.quarantined).toBe(1);
    // cluster 7 is not in the cluster list: left out; the row without recommended_supply is quarantined
    expect(
      await rows(sql`select s.ozon_id::text as sku, c.code, r.d::text as d, r.supply_period, r.delivery_schema,
          r.recommended_supply, r.value::text as value, r.local_index::text as local_index
        from ozon_supply_recommendations r join sku s on s.id = r.sku_id join cluster c on c.id = r.cluster_id
        order by c.code`),
    ).toEqual([
      {
        sku: "1488301234",
        code: "2",
        d: TODAY,
        supply_period: "FOUR_WEEKS",
        delivery_schema: "FBO",
        recommended_supply: 0,
        value: "0.00",
        local_index: "0.00",
      },
      {
        sku: "1488301234",
        code: "4",
        d: TODAY,
        supply_period: "FOUR_WEEKS",
        delivery_schema: "FBO",
        recommended_supply: 60,
        value: "119400.00",
        local_index: "61.20",
      },
    ]);
  });

  it("Ozon: the beta method answering 404 (Ozon's {code: 5}) leaves no rows and a succeeded sync", async () => {
    await database.db.execute(sql`delete from ozon_supply_recommendations`);
    server.serve(`POST ${localSaleItemsClusters.path}`);
    await expectWarnedOnly(
      "OZON",
      "ozon_supply_recommendations",
      "Ozon local-sale (beta) not served (HTTP 404): no recommended supply from Ozon",
    );
    // a 404 with code 5 is how Ozon answers a bad key elsewhere: here it must not mark the store
    expect(await rows(sql`select status from accounts where marketplace = 'OZON'`)).toEqual([{ status: "ok" }]);
    expect(await rows(sql`select count(*)::int as n from ozon_supply_recommendations`)).toEqual([{ n: 0 }]);
  });
});
