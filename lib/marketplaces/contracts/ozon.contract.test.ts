// Ozon contracts: each fixture (official example, schema-built body or allowed variant; see ozon/fixtures.ts
// for its source and commit) is served over real HTTP to the real OzonClient; what the client returns, what
// the mappers make of it, and every request body it sent (checked against the spec's request schema).
import Decimal from "decimal.js";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OzonClient } from "../ozon/client";
import type { FinanceLineFact, OrderLineFact } from "../lines";
import {
  mapOzonFboStock,
  mapOzonFbsStock,
  mapOzonPayout,
  mapOzonProduct,
  mapOzonReview,
  ozonAccrualFacts,
  ozonPostingLines,
  readOzonPayoutDetails,
} from "../ozon/mappers";
import { RecordError } from "../records";
import { type EndpointContract, fixture } from "./fixture";
import * as ozon from "./ozon/fixtures";
import { setUpContractServer } from "./contract-server";

const TZ = "Europe/Moscow";
const api = setUpContractServer(
  (url) => new OzonClient("123456", "contract-key", url, { rateLimits: false, maxAttempts: 1 }),
);
const { serve } = api;
/** every request the client sent to this endpoint is signed and conforms to the spec's request schema */
function expectRequestsConform(contract: EndpointContract) {
  const sent = api.sentTo(contract);
  for (const r of sent) {
    expect(r.method).toBe(contract.method);
    expect([r.headers["client-id"], r.headers["api-key"]]).toEqual(["123456", "contract-key"]);
  }
  return sent;
}
const dec = (v: Decimal) => v.toFixed(2);
/** a mapped posting line with its money as text, to compare field by field */
const line = (l: OrderLineFact) => ({
  ...l,
  amount: dec(l.amount),
  feedCommission: l.feedCommission ? dec(l.feedCommission) : null,
});
/** a mapped accrual fact with its parts as text ({ line: amount }) */
const fact = (f: FinanceLineFact) => ({
  ...f,
  parts: Object.fromEntries(f.parts.map((p) => [p.line, dec(p.amount)])),
});
/** every accrual's facts' parts sum to its total_amount */
function expectPartsSumToTotals(accruals: Record<string, unknown>[]) {
  for (const a of accruals) {
    const sum = ozonAccrualFacts(a)
      .facts.flatMap((f) => f.parts)
      .reduce((s, p) => s.plus(p.amount), new Decimal(0));
    const total = (a.total_amount as { amount: string | number }).amount;
    expect(dec(sum), String(a.accrual_id)).toBe(dec(new Decimal(String(total))));
  }
}

describe("every endpoint OzonClient calls has a contract", () => {
  it("lists them (every path in the client's source), each with fixtures whose origin is stated", () => {
    const source = readFileSync(new URL("../ozon/client.ts", import.meta.url), "utf8");
    const called = [...new Set([...source.matchAll(/"(\/(?:v\d|api|content|ping)[^"]*)"/g)].map((m) => m[1]))];
    expect([...new Set(ozon.OZON_CONTRACTS.map((c) => c.path))].sort()).toEqual(called.sort());
    for (const c of ozon.OZON_CONTRACTS) {
      expect(c.fixtures.length).toBeGreaterThan(0);
      for (const f of c.fixtures) {
        if (f.origin.kind !== "variant") expect(f.origin.spec.commit).toMatch(/^[0-9a-f]{40}$/);
        if (f.status === 200) expect(() => JSON.parse(f.body) as unknown).not.toThrow();
      }
    }
  });
});

describe("POST /v1/finance/accrual/types", () => {
  it("reads the dictionary", async () => {
    serve(ozon.accrualTypes, "built");
    expect(await api.client.accrualTypes()).toEqual([
      { id: 69, name: "SaleCommission" },
      { id: 1, name: "Acquiring" },
      { id: 128, name: "ContainerFee" },
    ]);
    expectRequestsConform(ozon.accrualTypes);
  });
});

describe("POST /v1/finance/accrual/by-day (client: schema and parseJsonExact)", () => {
  it("returns every category as sent, the accrual id beyond 2^53 exact, and the next last_id", async () => {
    serve(ozon.accrualsByDay, "every category");
    const page = await api.client.accrualsByDay("2026-11-24", "");
    const [body] = expectRequestsConform(ozon.accrualsByDay);
    expect(body.body).toEqual({ date: "2026-11-24", last_id: "" });
    expect(page.lastId).toBe("90801130002");
    expect(page.accruals.map((a) => [a.accrual_id, a.accrued_category])).toEqual([
      ["9007199254740993", "POSTING"],
      [90801122400, "ITEM"],
      [90801129911, "NON_ITEM"],
      [90801130001, "CONTAINER_FEES"],
      [90801130002, "UNSPECIFIED"],
    ]);
    const [posting, item, nonItem, container, unspecified] = page.accruals;
    expect(posting.total_amount).toEqual({ amount: "1400.40", currency: "RUB" });
    expect(posting.posting).toMatchObject({
      delivery_schema: "FBO",
      products: [
        {
          sku: 1488301234,
          commission: { sale_amount: { amount: "1990", currency: "RUB" }, commission: { amount: "-437.80" } },
          delivery: { total_accrued: { amount: "-151.80" }, services: [{ type_id: 32 }, { type_id: 28 }] },
        },
      ],
    });
    expect(posting.item_fees).toBeNull();
    expect(item.item_fees).toEqual({
      fees: [{ sku: 1488301234, fees: [{ type_id: 1, accrued: { amount: "-48.09", currency: "RUB" } }] }],
    });
    expect(nonItem.non_item_fee).toEqual({ type_id: 41, accrued: { amount: "-1870.00", currency: "RUB" } });
    expect(container.container_fees).toEqual({
      fees: [
        { type_id: 128, accrued: { amount: "-300.00", currency: "RUB" } },
        { type_id: 32, accrued: { amount: "-50.00", currency: "RUB" } },
      ],
    });
    expect(container.total_amount).toEqual({ amount: "-350.00", currency: "RUB" });
    expect(unspecified).toEqual({
      accrual_id: 90801130002,
      date: "2026-11-24",
      accrued_category: "UNSPECIFIED",
      unit_number: "",
      total_amount: { amount: "12.00", currency: "RUB" },
    });
  });

  it("returns the variants unchanged: numeric money, an empty non_item_fee, quantities, a return", async () => {
    serve(ozon.accrualsByDay, "variants");
    const page = await api.client.accrualsByDay("2026-11-24", "90801130002");
    expect(page.lastId).toBe("");
    const [item, emptyNonItem, refund, bare] = page.accruals;
    expect(item.total_amount).toEqual({ amount: -48.09, currency: "RUB" });
    expect(item.item_fees).toEqual({
      fees: [{ sku: 1488301234, quantity: 1, fees: [{ type_id: 1, accrued: { amount: -48.09, currency: "RUB" } }] }],
    });
    expect(emptyNonItem.non_item_fee).toEqual({});
    expect(emptyNonItem.total_amount).toEqual({ amount: "-99.90", currency: "RUB" });
    expect(refund.posting).toMatchObject({
      delivery_schema: "FBS",
      products: [{ sku: 1488305678, quantity: 2, commission: { sale_amount: { amount: "-1980" } } }],
    });
    expect(bare).toEqual({
      accrual_id: 90801130013,
      date: "2026-11-24",
      accrued_category: "NON_ITEM",
      total_amount: { amount: "5", currency: "RUB" },
    });
  });

  it("ends the day on an empty page", async () => {
    serve(ozon.accrualsByDay, "last page");
    expect(await api.client.accrualsByDay("2026-11-24", "90801130013")).toEqual({ accruals: [], lastId: "" });
  });

  it("maps every category, each accrual's parts summing to its total_amount", async () => {
    serve(ozon.accrualsByDay, "every category");
    const page = await api.client.accrualsByDay("2026-11-24", "");
    expectPartsSumToTotals(page.accruals);
    const mapped = page.accruals.map(ozonAccrualFacts);
    expect(mapped.map((m) => m.unknownTypeIds)).toEqual([[], [], [], [], []]);
    const [posting, item, nonItem, container, unspecified] = mapped.map((m) => m.facts.map(fact));
    const common = { d: "2026-11-24", reportId: null, article: null, warehouse: null };
    // 1990 - 437.80 - (112.30 + 39.50) = 1400.40
    expect(posting).toEqual([
      {
        ...common,
        key: "9007199254740993/1488301234",
        orderKey: "39127055501-0021-1",
        sku: "1488301234",
        channel: "FBO",
        settles: "sale",
        qty: 1,
        sourceType: "POSTING:32,28",
        parts: { sales: "1990.00", commission: "-437.80", logistics: "-151.80" },
        warnings: [],
      },
    ]);
    // type 1: Acquiring
    expect(item).toEqual([
      {
        ...common,
        key: "90801122400/1488301234",
        orderKey: "39127055501-0021-1",
        sku: "1488301234",
        channel: null,
        settles: null,
        qty: 0,
        sourceType: "ITEM:1",
        parts: { acquiring: "-48.09" },
        warnings: [],
      },
    ]);
    // type 41: PayPerClick, store level
    expect(nonItem).toEqual([
      {
        ...common,
        key: "90801129911",
        orderKey: null,
        sku: null,
        channel: null,
        settles: null,
        qty: 0,
        sourceType: "NON_ITEM:41",
        parts: { advertising: "-1870.00" },
        warnings: [],
      },
    ]);
    // container_fees is not read: its -300 (type 128) and -50 (type 32) reach the residual, named
    const residual = (key: string, category: string, total: string, diff: string, amount: string) => ({
      ...common,
      key,
      orderKey: null,
      sku: null,
      channel: null,
      settles: null,
      qty: 0,
      sourceType: `${category}:residual`,
      parts: { deductions_other: amount },
      warnings: [
        `Ozon accrual ${key}: total_amount ${total} differs from its parts by ${diff}: kept as deductions_other`,
      ],
    });
    expect(container).toEqual([residual("90801130001", "CONTAINER_FEES", "-350", "-350", "-350.00")]);
    // no part at all: the whole total is the residual
    expect(unspecified).toEqual([residual("90801130002", "UNSPECIFIED", "12", "12", "12.00")]);
  });

  it("maps the variants: numeric money, an empty non_item_fee, a return of two units, a bare total", async () => {
    serve(ozon.accrualsByDay, "variants");
    const page = await api.client.accrualsByDay("2026-11-24", "90801130002");
    expectPartsSumToTotals(page.accruals);
    const [item, emptyNonItem, refund, bare] = page.accruals.map((a) => ozonAccrualFacts(a).facts.map(fact));
    expect(item).toMatchObject([
      { key: "90801130010/1488301234", sku: "1488301234", qty: 0, parts: { acquiring: "-48.09" }, warnings: [] },
    ]);
    // the schema lets every field of non_item_fee be absent: the total is kept, as the residual
    expect(emptyNonItem).toMatchObject([
      {
        key: "90801130011",
        sku: null,
        sourceType: "NON_ITEM:residual",
        parts: { deductions_other: "-99.90" },
        warnings: [expect.stringContaining("differs from its parts by -99.9")],
      },
    ]);
    // sale_amount < 0: a return of quantity 2; -1980 + 217.80 - 76.00 = -1838.20
    expect(refund).toEqual([
      {
        key: "90801130012/1488305678",
        d: "2026-11-24",
        reportId: null,
        orderKey: "39127055501-0021-1",
        sku: "1488305678",
        article: null,
        warehouse: null,
        channel: "FBS",
        settles: "return",
        qty: 2,
        sourceType: "POSTING:59",
        parts: { returns: "-1980.00", commission: "217.80", logistics: "-76.00" },
        warnings: [],
      },
    ]);
    expect(bare).toMatchObject([
      {
        key: "90801130013",
        sku: null,
        orderKey: null,
        parts: { deductions_other: "5.00" },
        warnings: [expect.any(String)],
      },
    ]);
  });
});

describe("POST /v3/posting/fbo/list", () => {
  it("sends the v3 filter and maps the official example field by field", async () => {
    serve(ozon.postingsFbo, "official");
    const page = await api.client.postings("FBO", "2026-05-10T21:00:00.000Z", "2026-05-11T21:00:00.000Z", "");
    const [sent] = expectRequestsConform(ozon.postingsFbo);
    expect(sent.body).toEqual({
      filter: { since: "2026-05-10T21:00:00.000Z", to: "2026-05-11T21:00:00.000Z" },
      limit: 100,
      cursor: "",
      sort_dir: "ASC",
      translit: false,
      with: { analytics_data: true, financial_data: true, legal_info: false },
    });
    const official = JSON.parse(fixture(ozon.postingsFbo, "official").body) as { postings: unknown[] };
    expect(page).toEqual({ postings: official.postings, hasNext: false, cursor: "" });
    // in_process_at 2026-05-11T00:00:07Z is 03:00 in Moscow: the 11th
    expect(page.postings.flatMap((p) => ozonPostingLines(p, "FBO", TZ).map(line))).toEqual([
      {
        key: "9121072335-0187-1/9880276314",
        orderKey: "9121072335-0187-1",
        d: "2026-05-11",
        // delivered: a sale
        kind: "sale",
        sku: "9880276314",
        article: "SM-GALAXY-A54-128",
        warehouse: { code: "1020001835658000", name: "ОМСК_РФЦ", kind: "FBO" },
        channel: "FBO",
        qty: 1,
        amount: "28990.00",
        // financial_data's commission is 0 at this point: not stated
        feedCommission: null,
        version: null,
        // an order placed at in_process_at, bought out; the buyer's place from cluster_to (city is "")
        orderedAt: "2026-05-11T00:00:07.716Z",
        outcome: "buyout",
        buyerRegion: "Новосибирск",
        buyerDistrict: null,
      },
    ]);
  });

  it("maps a cancelled posting without analytics_data to the channel's warehouse", async () => {
    serve(ozon.postingsFbo, "cancelled");
    const page = await api.client.postings("FBO", "2026-11-23T21:00:00.000Z", "2026-11-24T21:00:00.000Z", "");
    expect(page.hasNext).toBe(false);
    expect(page.postings.flatMap((p) => ozonPostingLines(p, "FBO", TZ).map(line))).toEqual([
      {
        key: "39127012767-0187-1/1488301234",
        orderKey: "39127012767-0187-1",
        d: "2026-11-24",
        kind: "sale",
        sku: "1488301234",
        article: "TSH-BLK-M",
        warehouse: { code: "1020001835658000", name: "ХОРУГВИНО_РФЦ", kind: "FBO" },
        channel: "FBO",
        qty: 1,
        amount: "2290.00",
        feedCommission: null,
        version: null,
        orderedAt: "2026-11-24T06:13:07.716Z",
        outcome: "buyout",
        buyerRegion: "Казань",
        buyerDistrict: null,
      },
      {
        key: "39133300451-0012-1/1488305678",
        orderKey: "39133300451-0012-1",
        d: "2026-11-24",
        kind: "cancellation",
        sku: "1488305678",
        article: "MUG-330-WHT",
        warehouse: { code: "channel:FBO", name: "Ozon FBO", kind: "FBO" },
        channel: "FBO",
        qty: 2,
        // price 590 x 2 units
        amount: "1180.00",
        feedCommission: null,
        version: null,
        orderedAt: "2026-11-24T09:40:15.020Z",
        outcome: "cancel",
        buyerRegion: null,
        buyerDistrict: null,
      },
    ]);
  });

  it("reads an empty period", async () => {
    serve(ozon.postingsFbo, "empty");
    expect(await api.client.postings("FBO", "2026-11-23T21:00:00.000Z", "2026-11-24T21:00:00.000Z", "")).toEqual({
      postings: [],
      hasNext: false,
      cursor: "",
    });
  });
});

describe("POST /v4/posting/fbs/list", () => {
  it("sends only what the v4 filter knows (no posting_numbers) and maps the official example", async () => {
    serve(ozon.postingsFbs, "official");
    const page = await api.client.postings("FBS", "2026-05-13T21:00:00.000Z", "2026-05-14T21:00:00.000Z", "");
    expectRequestsConform(ozon.postingsFbs);
    expect(page.cursor).toMatch(/^eyJ/);
    const lines = page.postings.flatMap((p) => ozonPostingLines(p, "FBS", TZ));
    for (const l of lines)
      expect(l).toMatchObject({
        orderKey: "0208245774-0029-1",
        d: "2026-05-14",
        // awaiting_packaging: an order, not yet a sale
        kind: "order",
        channel: "FBS",
        // delivery_method names the seller warehouse; the example's name field carries "17023"
        warehouse: { code: "20605650762000", name: "17023", kind: "FBS" },
        version: null,
      });
    expect(
      lines.map((l) => [l.key, l.sku, l.article, l.qty, dec(l.amount), l.feedCommission && dec(l.feedCommission)]),
    ).toEqual([
      ["0208245774-0029-1/1904686181", "1904686181", "b4408110", 1, "12990.00", "120.00"],
      // 3490 x 2 units; financial_data states no commission for it
      ["0208245774-0029-1/1904686182", "1904686182", "h667722", 2, "6980.00", null],
    ]);
  });

  it("falls back to analytics_data.warehouse (v4's name for it) without a delivery method", async () => {
    serve(ozon.postingsFbs, "fallback warehouse");
    const page = await api.client.postings("FBS", "2026-05-13T21:00:00.000Z", "2026-05-14T21:00:00.000Z", "");
    expect(ozonPostingLines(page.postings[0], "FBS", TZ)).toMatchObject([
      {
        orderKey: "0208245774-0030-1",
        d: "2026-05-15",
        warehouse: { code: "17023", name: "Софьино", kind: "FBS" },
      },
    ]);
  });
});

describe("POST /v3/product/list and /v3/product/info/list", () => {
  it("pages the official list by its opaque last_id and maps the official info field by field", async () => {
    serve(ozon.productList, "official", "end");
    serve(ozon.productInfo, "official");
    const first = await api.client.productList("");
    const official = JSON.parse(fixture(ozon.productList, "official").body) as { result: { items: unknown[] } };
    expect(first).toEqual({ items: official.result.items, lastId: "WzMzOTc5MTc2ODAsMzM5NzkxNzY4MF0=" });
    expect(await api.client.productList(first.lastId)).toEqual({ items: [], lastId: "" });
    const sentList = expectRequestsConform(ozon.productList);
    expect(sentList.map((r) => r.body)).toEqual([
      { filter: { visibility: "ALL" }, last_id: "", limit: 1000 },
      { filter: { visibility: "ALL" }, last_id: "WzMzOTc5MTc2ODAsMzM5NzkxNzY4MF0=", limit: 1000 },
    ]);
    const info = await api.client.productInfo(first.items.map((i) => String(i.product_id)));
    const [sent] = expectRequestsConform(ozon.productInfo);
    expect(sent.body).toEqual({ product_id: ["3397917680"] });
    const officialInfo = JSON.parse(fixture(ozon.productInfo, "official").body) as { items: unknown[] };
    expect(info).toEqual(officialInfo.items);
    expect(info.map(mapOzonProduct)).toEqual([
      {
        externalId: "123456789",
        productId: "100001",
        article: "OFFER_123456789",
        name: "Тестовый товар 123",
        brand: null,
        category: null,
      },
    ]);
  });

  it("pages the list and maps the info, product ids and SKUs beyond 2^53 exact", async () => {
    serve(ozon.productList, "big ids", "end");
    serve(ozon.productInfo, "big ids");
    const first = await api.client.productList("");
    expect(first.lastId).toBe("bnVsbA==");
    expect(first.items.map((i) => [i.product_id, i.offer_id])).toEqual([
      [223681945, "TSH-BLK-M"],
      ["9007199254740993", "MUG-330-WHT"],
    ]);
    expect(await api.client.productList(first.lastId)).toEqual({ items: [], lastId: "" });
    const info = await api.client.productInfo(first.items.map((i) => String(i.product_id)));
    expectRequestsConform(ozon.productList);
    const [sent] = expectRequestsConform(ozon.productInfo);
    expect(sent.body).toEqual({ product_id: ["223681945", "9007199254740993"] });
    expect(info.map(mapOzonProduct)).toEqual([
      {
        externalId: "1488301234",
        productId: "223681945",
        article: "TSH-BLK-M",
        name: "Футболка базовая хлопок, черная, M",
        brand: null,
        category: null,
      },
      {
        externalId: "9007199254740995",
        productId: "9007199254740993",
        article: "MUG-330-WHT",
        name: "Кружка 330 мл белая",
        brand: null,
        category: null,
      },
    ]);
  });
});

describe("POST /v1/analytics/stocks", () => {
  it("reads 16-digit warehouse ids beside long doubles (the page the old parser rejected)", async () => {
    serve(ozon.fboStocks, "built");
    const items = await api.client.fboStocks(["1488301234", "1488305678"]);
    const [sent] = expectRequestsConform(ozon.fboStocks);
    expect(sent.body).toMatchObject({ skus: ["1488301234", "1488305678"] });
    expect(items[0].ads).toBe(0.03571428571428571);
    expect(items[0].idc).toBe(2436.0000000000005);
    expect(items[1].ads).toBe(1.2e-7);
    expect(items.map(mapOzonFboStock)).toEqual([
      {
        key: "FBO|1488301234|1020001835658000",
        sku: "1488301234",
        warehouse: {
          code: "1020001835658000",
          name: "ХОРУГВИНО_РФЦ",
          kind: "FBO",
          region: "Москва, МО и Дальние регионы",
        },
        onHand: 87,
        inTransit: 40,
        fromClient: 3,
      },
      {
        key: "FBO|1488305678|9007199254740993",
        sku: "1488305678",
        warehouse: { code: "9007199254740993", name: "СПБ_ШУШАРЫ_РФЦ", kind: "FBO", region: "Санкт-Петербург и СЗО" },
        onHand: 0,
        inTransit: 120,
        fromClient: 0,
      },
    ]);
  });
});

describe("POST /v1/analytics/stocks, every turnover grade", () => {
  it("maps a row of each grade the schema lists", async () => {
    serve(ozon.fboStocks, "every turnover grade");
    const items = await api.client.fboStocks(["1488301234"]);
    expect(items.map((i) => i.turnover_grade)).toEqual(ozon.TURNOVER_GRADES);
    expect(items.map(mapOzonFboStock).map((s) => [s.warehouse.code, s.onHand, s.inTransit])).toEqual(
      ozon.TURNOVER_GRADES.map((_, i) => [String(1020001835658000 + i), i, 0]),
    );
  });
});

describe("POST /v2/product/info/stocks-by-warehouse/fbs", () => {
  it("names the SKUs (the schema requires sku or offer_id) and maps free stock", async () => {
    serve(ozon.fbsStocks, "built");
    const page = await api.client.fbsStocks(["1488301234", "1488305678"], "");
    const [sent] = expectRequestsConform(ozon.fbsStocks);
    expect(sent.body).toEqual({ limit: 1000, cursor: "", sku: ["1488301234", "1488305678"] });
    expect(page.hasNext).toBe(false);
    expect(page.products.map(mapOzonFbsStock)).toEqual([
      {
        key: "FBS|1488301234|1020005003107121",
        sku: "1488301234",
        warehouse: { code: "1020005003107121", name: "FBS Ногинск", kind: "FBS" },
        onHand: 10,
        inTransit: 0,
        fromClient: 0,
      },
      {
        key: "FBS|1488305678|9007199254740997",
        sku: "1488305678",
        warehouse: { code: "9007199254740997", name: "FBS Химки", kind: "FBS" },
        onHand: 0,
        inTransit: 0,
        fromClient: 0,
      },
    ]);
  });
});

describe("POST /v2/review/list", () => {
  it("maps the official example (sku a string, the legacy status UNPROCESSED)", async () => {
    serve(ozon.reviews, "official");
    const page = await api.client.reviews("", "2024-10-09T21:00:00.000Z", "2024-10-10T21:00:00.000Z");
    const [sent] = expectRequestsConform(ozon.reviews);
    expect(sent.body).toEqual({
      limit: 100,
      last_id: "",
      sort_dir: "ASC",
      filters: {
        status: "ALL",
        order_status: "ALL",
        published_from: "2024-10-09T21:00:00.000Z",
        published_to: "2024-10-10T21:00:00.000Z",
      },
    });
    expect(page).toMatchObject({ hasNext: true, lastId: "017c0d53-a7c8-81ef-53de-7d32fcbd7421" });
    expect(page.reviews.map(mapOzonReview)).toEqual([
      {
        key: "017c0d1c-66d3-b838-3d29-cf9b95a6ac48",
        skuExternalId: "148591503",
        parentReviewId: null,
        createdAt: new Date("2024-10-10T07:23:55.970Z"),
        rating: 2,
        hasMedia: false,
        text: "Не лучший товар, встречал и получше за те же деньги.",
        productName: null,
        buyerName: null,
        orderStatus: "DELIVERED",
        replyStatus: "unanswered",
      },
    ]);
  });

  it("maps reviews with sku as number or string", async () => {
    serve(ozon.reviews, "variants");
    const page = await api.client.reviews("", "2026-11-24T21:00:00.000Z", "2026-11-27T21:00:00.000Z");
    expectRequestsConform(ozon.reviews);
    expect(page.hasNext).toBe(false);
    expect(page.reviews.map(mapOzonReview)).toEqual([
      {
        key: "019b2f1c-66d3-b838-3d29-cf9b95a6ac48",
        skuExternalId: "1488301234",
        parentReviewId: null,
        createdAt: new Date("2026-11-25T07:23:55.970Z"),
        rating: 5,
        hasMedia: true,
        text: "Хорошая плотная ткань.",
        productName: null,
        buyerName: null,
        orderStatus: "DELIVERED",
        replyStatus: "unanswered",
      },
      {
        key: "019b3a00-aa11-bc22-cd33-de44ef556677",
        skuExternalId: "1488305678",
        parentReviewId: null,
        createdAt: new Date("2026-11-26T15:02:11.004Z"),
        rating: 3,
        hasMedia: true,
        text: "",
        productName: null,
        buyerName: null,
        orderStatus: "CANCELLED",
        replyStatus: "answered",
      },
    ]);
  });
});

describe("POST /v1/finance/cash-flow-statement/list", () => {
  const payouts = (page: Awaited<ReturnType<OzonClient["cashFlowStatement"]>>) => {
    const paid = readOzonPayoutDetails(page.details, page.cashFlows);
    return page.cashFlows.map((c) => {
      try {
        const p = mapOzonPayout(c, paid, TZ);
        return [p.key, p.d, dec(p.amount)];
      } catch (error) {
        expect(error).toBeInstanceOf(RecordError);
        return ["quarantined", (error as Error).message];
      }
    });
  };

  it("reads the official example: page_count beside result, details an object, payments an array", async () => {
    serve(ozon.cashFlowStatement, "official");
    const page = await api.client.cashFlowStatement("2026-11-01", "2026-11-30", 1);
    const [sent] = expectRequestsConform(ozon.cashFlowStatement);
    expect(sent.body).toEqual({
      date: { from: "2026-11-01T00:00:00.000Z", to: "2026-11-30T23:59:59.999Z" },
      page: 1,
      page_size: 1,
      with_details: true,
    });
    expect(page.pageCount).toBe(15);
    expect(page.cashFlows).toHaveLength(1);
    expect(payouts(page)).toEqual([["11567022278500", "2023-04-03", "0.00"]]);
  });

  it("reads the schema's shape: page_count in result, payments an object, strings for amounts and ids", async () => {
    serve(ozon.cashFlowStatement, "schema shape");
    const page = await api.client.cashFlowStatement("2026-11-01", "2026-11-15", 1);
    expect(page.pageCount).toBe(1);
    expect(payouts(page)).toEqual([["9007199254740993", "2026-11-15", "88654.12"]]);
  });

  it("reads details as an array of periods, summing each period's payments", async () => {
    serve(ozon.cashFlowStatement, "details array");
    const page = await api.client.cashFlowStatement("2026-10-16", "2026-11-15", 1);
    expect(payouts(page)).toEqual([
      ["21001", "2026-10-31", "1234.95"],
      ["21002", "2026-11-15", "-120.30"],
    ]);
  });

  it("never turns an unreadable amount or a period without details into a payout of 0", async () => {
    serve(ozon.cashFlowStatement, "unreadable");
    const page = await api.client.cashFlowStatement("2026-10-16", "2026-11-30", 1);
    expect(payouts(page)).toEqual([
      ["31001", "2026-10-31", "12345.60"],
      ["quarantined", 'details of period 31002: not a money amount: "n/a"'],
      ["quarantined", "period 31003: no payment details for it"],
    ]);
  });

  it("reads an empty range", async () => {
    serve(ozon.cashFlowStatement, "empty");
    expect(await api.client.cashFlowStatement("2026-11-01", "2026-11-15", 1)).toEqual({
      cashFlows: [],
      details: undefined,
      pageCount: 0,
    });
  });
});

describe("POST /v1/review/comment/create and /v1/review/comment/list", () => {
  const reviewId = "019b2f1c-66d3-b838-3d29-cf9b95a6ac48";

  it("posts a comment marking the review processed and returns its id", async () => {
    serve(ozon.reviewCommentCreate, "built");
    expect(await api.client.createReviewComment({ reviewId, text: "Спасибо за оценку!" })).toEqual({
      commentId: "019b4c11-2a3b-7c4d-8e5f-60718293a4b5",
    });
    const [sent] = expectRequestsConform(ozon.reviewCommentCreate);
    expect(sent.body).toEqual({ review_id: reviewId, text: "Спасибо за оценку!", mark_review_as_processed: true });
  });

  it("lists the review's comments as sent", async () => {
    serve(ozon.reviewCommentList, "built");
    const comments = await api.client.reviewComments(reviewId);
    const [sent] = expectRequestsConform(ozon.reviewCommentList);
    expect(sent.body).toEqual({ review_id: reviewId, limit: 100, offset: 0, sort_dir: "ASC" });
    expect(comments).toEqual(JSON.parse(fixture(ozon.reviewCommentList, "built").body).comments);
  });
});
