// Where an official example and our emulator disagreed, the emulator now answers in the example's shape.
// Each case names the example it follows (copied under contracts/<marketplace>/examples/ or composed in
// <marketplace>/fixtures.ts, source and commit there): every field the emulator sends is one the example
// has, with the example's JSON type.
import { describe, expect, it } from "vitest";
import { useEmulator } from "@/lib/emulator/use-emulator";
import { type EndpointContract, fixture } from "./fixture";
import * as ozon from "./ozon/fixtures";
import { shapeDepartures } from "./shape";
import * as wb from "./wb/fixtures";
import { productsReport, productsReportRequest } from "./wb/lost-orders-fixtures";
import { localSaleItemsClusters } from "./ozon/cluster-fixtures";

describe("the emulator answers in the official examples' shapes", () => {
  const emulator = useEmulator({ seed: 3, skus: 8, days: 20, warehouses: 2, endDate: "2026-11-20" });

  const post = async (path: string, body: unknown) => {
    const res = await fetch(emulator.url + path, {
      method: "POST",
      headers: {
        "Client-Id": emulator.ozonClientId,
        "Api-Key": emulator.ozonApiKey,
        Authorization: `Bearer ${emulator.wbToken}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
  const get = async (path: string) => {
    const res = await fetch(emulator.url + path, { headers: { Authorization: `Bearer ${emulator.wbToken}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as unknown;
  };
  const keysOf = (v: unknown) => Object.keys(v as object).sort();
  const official = (contract: EndpointContract) => JSON.parse(fixture(contract, "official").body) as unknown;
  const period = () => ({ since: `${emulator.truth.from}T00:00:00Z`, to: `${emulator.truth.to}T23:59:59Z` });

  it("cash-flow-statement follows ozon/examples/cash-flow-statement-list.json", async () => {
    const example = official(ozon.cashFlowStatement) as Record<string, unknown>;
    const body = await post(ozon.cashFlowStatement.path, {
      date: { from: `${emulator.truth.from}T00:00:00.000Z`, to: `${emulator.truth.to}T23:59:59.999Z` },
      page: 1,
      page_size: 1,
      with_details: true,
    });
    expect(keysOf(body)).toEqual(keysOf(example)); // page_count beside result
    const result = body.result as { cash_flows: { period: { id: unknown } }[]; details: Record<string, unknown> };
    expect(typeof result.cash_flows[0].period.id).toBe("number"); // int64
    expect(Array.isArray(result.details)).toBe(false); // one period on the page: one details object
    expect(Array.isArray(result.details.payments)).toBe(true);
    expect(shapeDepartures(body, example)).toEqual([]);
  });

  it("v4 FBS postings name the warehouse analytics_data.warehouse, as ozon/examples/posting-fbs-list-v4.json", async () => {
    const body = await post(ozon.postingsFbs.path, { filter: period(), limit: 100 });
    const postings = body.postings as { analytics_data: Record<string, unknown> }[];
    expect(postings.length).toBeGreaterThan(0);
    for (const p of postings) {
      expect(p.analytics_data).toHaveProperty("warehouse");
      expect(p.analytics_data).not.toHaveProperty("warehouse_name");
    }
    expect(shapeDepartures(body, official(ozon.postingsFbs))).toEqual([]);
  });

  it("v3 FBO postings follow ozon/examples/posting-fbo-list-v3.json", async () => {
    const body = await post(ozon.postingsFbo.path, { filter: period(), limit: 100 });
    expect((body.postings as unknown[]).length).toBeGreaterThan(0);
    expect(shapeDepartures(body, official(ozon.postingsFbo))).toEqual([]);
  });

  it("the product list and info follow ozon/examples/product-list-v3.json and product-info-list-v3.json", async () => {
    const list = await post(ozon.productList.path, { filter: { visibility: "ALL" }, last_id: "", limit: 1000 });
    const items = (list.result as { items: { product_id: number }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(shapeDepartures(list, official(ozon.productList))).toEqual([]);
    // the list names each product's SKU, as the example does
    const example = official(ozon.productList) as { result: { items: object[] } };
    for (const item of items) expect(keysOf(item)).toEqual(keysOf(example.result.items[0]));
    const info = await post(ozon.productInfo.path, { product_id: items.map((i) => String(i.product_id)) });
    expect((info.items as unknown[]).length).toBe(items.length);
    expect(shapeDepartures(info, official(ozon.productInfo))).toEqual([]);
  });

  it("reviews follow ozon/examples/review-list-v2.json", async () => {
    const body = await post(ozon.reviews.path, {
      limit: 100,
      last_id: "",
      sort_dir: "ASC",
      filters: { status: "ALL", order_status: "ALL" },
    });
    expect((body.reviews as unknown[]).length).toBeGreaterThan(0);
    expect(shapeDepartures(body, official(ozon.reviews))).toEqual([]);
  });

  it("WB ping follows wb/examples/ping.json", async () => {
    expect(shapeDepartures(await get(wb.ping.path), official(wb.ping))).toEqual([]);
  });

  it("WB sales follow wb/examples/supplier-sales.json", async () => {
    const body = (await get(`${wb.sales.path}?dateFrom=${emulator.truth.from}&flag=0`)) as unknown[];
    expect(body.length).toBeGreaterThan(0);
    expect(shapeDepartures(body, official(wb.sales))).toEqual([]);
  });

  it("WB stocks follow the record InventoryWbResponse's property examples compose", async () => {
    const body = await post(wb.stocks.path, { limit: 250000, offset: 0 });
    expect((body.data as { items: unknown[] }).items.length).toBeGreaterThan(0);
    expect(shapeDepartures(body, official(wb.stocks))).toEqual([]);
  });

  it("WB feedbacks follow wb/examples/feedbacks.json and feedbacks-archive.json", async () => {
    let seen = 0;
    for (const isAnswered of [false, true]) {
      const body = (await get(`${wb.feedbacks.path}?isAnswered=${isAnswered}&take=5000&skip=0`)) as {
        data: { feedbacks: unknown[] };
      };
      seen += body.data.feedbacks.length;
      expect(shapeDepartures(body, official(wb.feedbacks))).toEqual([]);
    }
    const archive = (await get(`${wb.feedbacksArchive.path}?take=5000&skip=0`)) as { data: { feedbacks: unknown[] } };
    seen += archive.data.feedbacks.length;
    expect(shapeDepartures(archive, official(wb.feedbacksArchive))).toEqual([]);
    expect(seen).toBeGreaterThan(0);
  });

  it("WB cards follow wb/examples/content-cards-list.json", async () => {
    const body = await post(wb.cards.path, { settings: { sort: { ascending: true }, cursor: { limit: 100 } } });
    expect((body.cards as unknown[]).length).toBeGreaterThan(0);
    expect(shapeDepartures(body, official(wb.cards))).toEqual([]);
  });

  it("WB realization report lines follow the record SalesReportsDetailedRes's property examples compose", async () => {
    const res = await fetch(emulator.url + wb.financeDetailed.path, {
      method: "POST",
      headers: { Authorization: `Bearer ${emulator.wbToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ dateFrom: emulator.truth.from, dateTo: emulator.truth.to, rrdId: 0, period: "daily" }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as unknown[];
    expect(body.length).toBeGreaterThan(0);
    expect(shapeDepartures(body, official(wb.financeDetailed))).toEqual([]);
  });
  it("the WB stocks report per product follows the reference's item (§6.2.6), special values included", async () => {
    const body = await post(productsReport.path, productsReportRequest(emulator.truth.from, emulator.truth.to));
    const items = (body.data as { items: { metrics: Record<string, unknown> }[] }).items;
    expect(items.length).toBe(8);
    expect(shapeDepartures(body, JSON.parse(fixture(productsReport, "reference").body))).toEqual([]);
    // every item names every field of the reference's item
    const reference = JSON.parse(fixture(productsReport, "reference").body).data.items[0];
    for (const item of items) {
      expect(keysOf(item)).toEqual(keysOf(reference));
      expect(keysOf(item.metrics)).toEqual(keysOf(reference.metrics));
    }
    // WB's codes are served: -2 (zero) and other negatives (not computed)
    const lost = items.map((i) => i.metrics.lostOrdersCount as number);
    expect(lost).toContain(-2);
    expect(lost.some((v) => v < 0 && v !== -2)).toBe(true);
    expect(lost.some((v) => v > 0)).toBe(true);
  });

  it("Ozon local-sale items-clusters follows the reference's item (§6.4.5), or 404 when switched off", async () => {
    const request = {
      filter: {
        period: { from: emulator.truth.from, to: emulator.truth.to },
        skus: emulator.dataset.ozon.skus.map((s) => String(s.sku)),
        delivery_schema: "FBO",
        supply_period: "TWO_WEEKS",
      },
      limit: 1000,
      offset: 0,
    };
    const body = await post(localSaleItemsClusters.path, request);
    // every SKU to every cluster of the cluster list
    expect(body.total).toBe(8 * emulator.dataset.ozon.clusters.length);
    expect(shapeDepartures(body, JSON.parse(fixture(localSaleItemsClusters, "reference").body))).toEqual([]);
    emulator.setFaults({ ozonLocalSaleOff: true });
    try {
      const res = await fetch(emulator.url + localSaleItemsClusters.path, {
        method: "POST",
        headers: {
          "Client-Id": emulator.ozonClientId,
          "Api-Key": emulator.ozonApiKey,
          "Content-Type": "application/json",
        },
        body: JSON.stringify(request),
      });
      expect(res.status).toBe(404);
    } finally {
      emulator.setFaults({});
    }
  });
});
