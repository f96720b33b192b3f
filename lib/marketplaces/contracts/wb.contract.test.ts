// WB contracts: each fixture (see wb/fixtures.ts for its source and commit) served over real HTTP to the
// real WbClient; what the client returns (its schema and parseJsonExact), what the mappers make of it,
// the requests checked against the spec's schemas, and the rows written on PGlite and PostgreSQL.
import Decimal from "decimal.js";
import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { type MarketplaceConfig, wbUrlsAt } from "@/lib/services/ingestion/config";
import { syncStores } from "@/lib/services/sync-stores";
import { WbClient } from "../wb/client";
import type { FinanceLineFact, OrderLineFact } from "../lines";
import {
  WB_FBO_WAREHOUSE,
  mapWbCard,
  mapWbFeedback,
  mapWbStock,
  wbFinanceLineFact,
  wbSaleLineFact,
} from "../wb/mappers";
import { type EndpointContract, fixture } from "./fixture";
import { setUpContractServer } from "./contract-server";
import * as wb from "./wb/fixtures";

const TOKEN = "wb-contract-token";
const TZ = "Europe/Moscow";
/** a mapped sales row with its money as text, to compare field by field */
const sale = (s: OrderLineFact) => ({
  ...s,
  amount: s.amount.toFixed(2),
  feedCommission: s.feedCommission?.toFixed(2) ?? null,
});
/** a mapped finance line with its parts as text ({ line: amount }), to compare field by field */
const financeLine = (f: FinanceLineFact) => ({
  ...f,
  parts: Object.fromEntries(f.parts.map((p) => [p.line, p.amount.toString()])),
});
const sumOfParts = (f: FinanceLineFact) => f.parts.reduce((s, p) => s.plus(p.amount), new Decimal(0));
/**
 * A report line's payout, worked from its fields: ±forPay (a return's subtracted) less every fee field,
 * additionalPayment as sent, and the loyalty fields as operations.ts reads them (cashbackAmount and
 * installmentCofinancingAmount charged, cashbackDiscount and cashbackCommissionChange paid).
 */
function linePayout(l: Record<string, unknown>): Decimal {
  const m = (k: string) => new Decimal(String(l[k] ?? 0));
  const goods = l.docTypeName === "Возврат" ? m("forPay").neg() : m("forPay");
  return goods
    .minus(m("deliveryService"))
    .minus(m("rebillLogisticCost"))
    .minus(m("paidStorage"))
    .minus(m("paidAcceptance"))
    .minus(m("penalty"))
    .minus(m("deduction"))
    .plus(m("additionalPayment"))
    .minus(m("cashbackAmount"))
    .plus(m("cashbackDiscount"))
    .plus(m("cashbackCommissionChange"))
    .minus(m("installmentCofinancingAmount"));
}

const api = setUpContractServer((url) => new WbClient(TOKEN, wbUrlsAt(url), { rateLimits: false, maxAttempts: 1 }));
const { serve } = api;
/** every request the client sent to this endpoint carries the token and conforms to the spec's request schema */
function expectRequestsConform(contract: EndpointContract) {
  const sent = api.sentTo(contract);
  for (const r of sent) {
    expect(r.method).toBe(contract.method);
    expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
  }
  return sent;
}

describe("every endpoint WbClient calls has a contract", () => {
  it("lists them (every path in the client's source), each with fixtures whose origin is stated", () => {
    const source = readFileSync(new URL("../wb/client.ts", import.meta.url), "utf8");
    const called = [...new Set([...source.matchAll(/"(\/(?:v\d|api|content|ping)[^"]*)"/g)].map((m) => m[1]))];
    expect([...new Set(wb.WB_CONTRACTS.map((c) => c.path))].sort()).toEqual(called.sort());
    for (const c of wb.WB_CONTRACTS)
      for (const f of c.fixtures) {
        if (f.origin.kind !== "variant") expect(f.origin.spec.commit).toMatch(/^[0-9a-f]{40}$/);
        if (f.status === 200) expect(() => JSON.parse(f.body) as unknown).not.toThrow();
      }
  });
});

describe("GET /ping", () => {
  it("answers with the official example and the variant's nanoseconds", async () => {
    serve(wb.ping, "official", "nanoseconds");
    expect(await api.client.ping()).toEqual({ TS: "2024-08-16T11:19:05+03:00", Status: "OK" });
    expect(await api.client.ping()).toEqual({ TS: "2026-11-26T09:41:12.123456789+03:00", Status: "OK" });
    expectRequestsConform(wb.ping);
  });
});

describe("GET /api/v1/supplier/sales (client: schema and parseJsonExact)", () => {
  it("returns the official example as sent and maps it field by field", async () => {
    serve(wb.sales, "official");
    const rows = await api.client.sales("2022-03-04T00:00:00");
    const [sent] = expectRequestsConform(wb.sales);
    expect(Object.fromEntries(sent.query)).toEqual({ dateFrom: "2022-03-04T00:00:00", flag: "0" });
    expect(rows).toEqual(JSON.parse(fixture(wb.sales, "official").body));
    // warehouseType "Склад продавца": the seller's own warehouse, named as sent; 18:08:31 Moscow is the 4th
    expect(rows.map((r) => sale(wbSaleLineFact(r, TZ)))).toEqual([
      {
        key: "S9993700024",
        orderKey: "11.rf9ef11fce1684117b0nhj96222982382.3.0",
        d: "2022-03-04",
        kind: "sale",
        sku: "1234567",
        article: "12345",
        warehouse: { code: "name:Склад WB РФ", name: "Склад WB РФ", kind: "FBS" },
        channel: "FBS",
        qty: 1,
        amount: "1547.00",
        // priceWithDisc 1547 - forPay 1284.01
        feedCommission: "262.99",
        version: "2022-03-06T10:11:07",
      },
    ]);
  });
  it("returns sales, returns and not-yet-priced rows as sent", async () => {
    serve(wb.sales, "variants");
    const rows = await api.client.sales("2026-11-24T00:00:00");
    expectRequestsConform(wb.sales);
    expect(rows.map((r) => [r.saleID, r.date, r.nmId, r.forPay, r.priceWithDisc, r.warehouseType])).toEqual([
      ["S21908776512", "2026-11-24T18:02:11", 213456789, 1095.6, 1369.5, "Склад WB"],
      ["R21914455102", "2026-11-25T11:47:30", 224455667, -2275.4, -2994, "Склад WB"],
      ["S21913400777", "2026-11-25T23:20:03", 231122334, 0, 0, "Склад WB"],
      ["S21913400999", "2026-11-26T00:10:00", 213456789, 1095.6, 1369.5, "Склад продавца"],
    ]);
  });
  it("reads an empty page", async () => {
    serve(wb.sales, "empty");
    expect(await api.client.sales("2026-11-27T00:00:00")).toEqual([]);
  });
  it("maps the variants: direction from the prefix, money absolute, a row not yet priced, an FBS sale", async () => {
    serve(wb.sales, "variants");
    const rows = await api.client.sales("2026-11-24T00:00:00");
    const common = { qty: 1 };
    expect(rows.map((r) => sale(wbSaleLineFact(r, TZ)))).toEqual([
      {
        ...common,
        key: "S21908776512",
        orderKey: "52.r3d0f4c1a6b9e4f22a1c0d8e7b6a5f4c3.0.0",
        d: "2026-11-24",
        kind: "sale",
        sku: "213456789",
        article: "TSH-BLK-M",
        warehouse: WB_FBO_WAREHOUSE,
        channel: "FBO",
        amount: "1369.50",
        // 1369.5 - 1095.6
        feedCommission: "273.90",
        version: "2026-11-24T18:34:55",
      },
      {
        ...common,
        // R: a return; the feed's negative amounts taken absolute
        key: "R21914455102",
        orderKey: "63.b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6.0.0",
        d: "2026-11-25",
        kind: "return",
        sku: "224455667",
        article: "HOOD-GRY-XL",
        warehouse: WB_FBO_WAREHOUSE,
        channel: "FBO",
        amount: "2994.00",
        // |-2994| - |-2275.4|
        feedCommission: "718.60",
        version: "2026-11-25T12:05:19",
      },
      {
        ...common,
        // money still 0: amount 0, no commission stated yet; 23:20:03 Moscow stays the 25th
        key: "S21913400777",
        orderKey: "81.d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5.0.0",
        d: "2026-11-25",
        kind: "sale",
        sku: "231122334",
        article: "TSH-BLK-M",
        warehouse: WB_FBO_WAREHOUSE,
        channel: "FBO",
        amount: "0.00",
        feedCommission: null,
        version: "2026-11-25T23:41:56",
      },
      {
        ...common,
        // the seller's warehouse (FBS), named as sent; 00:10 Moscow is the 26th
        key: "S21913400999",
        orderKey: "91.aa.0.0",
        d: "2026-11-26",
        kind: "sale",
        sku: "213456789",
        article: "TSH-BLK-M",
        warehouse: { code: "name:Мой склад Подольск", name: "Мой склад Подольск", kind: "FBS" },
        channel: "FBS",
        amount: "1369.50",
        feedCommission: "273.90",
        version: "2026-11-26T00:15:00",
      },
    ]);
  });
});

describe("POST /api/finance/v1/sales-reports/detailed (client: schema and parseJsonExact)", () => {
  it("returns the official example field by field, money as strings", async () => {
    serve(wb.financeDetailed, "official");
    const lines = await api.client.financeDetailed({ dateFrom: "2026-03-16", dateTo: "2026-03-22", rrdId: 0 });
    const [sent] = expectRequestsConform(wb.financeDetailed);
    expect(sent.body).toEqual({
      dateFrom: "2026-03-16",
      dateTo: "2026-03-22",
      rrdId: 0,
      limit: 100000,
      period: "daily",
    });
    expect(lines).toHaveLength(1);
    const [line] = lines!;
    expect(line).toEqual(JSON.parse(fixture(wb.financeDetailed, "official").body)[0]);
    expect([line.rrdId, line.rrDate, line.nmId, line.docTypeName, line.forPay, line.retailPriceWithDisc]).toEqual([
      1232610467,
      "2025-10-20",
      1234567,
      "Продажа",
      "376.99",
      "399.68",
    ]);
    expect([line.acquiringFee, line.deliveryService, line.penalty, line.paidStorage, line.deduction]).toEqual([
      "14.89",
      "0",
      "231.35",
      "12647.29",
      "6354",
    ]);
    expect([line.paidAcceptance, line.rebillLogisticCost, line.additionalPayment, line.deliveryMethod]).toEqual([
      "865",
      "1.349",
      "0",
      "FBS, (МГТ)",
    ]);
  });
  it("returns the variants: a return line, a product-less line with numbers, ids beyond 2^53 exact", async () => {
    serve(wb.financeDetailed, "variants");
    const lines = (await api.client.financeDetailed({
      dateFrom: "2026-03-16",
      dateTo: "2026-03-22",
      rrdId: 1232610467,
    }))!;
    expect(lines.map((l) => [l.rrdId, l.reportId, l.nmId, l.docTypeName, l.forPay, l.paidStorage])).toEqual([
      [1232610468, 1234567, 1234567, "Возврат", "376.99", "0"],
      ["9007199254740995", "9007199254740993", 0, "", 0, 12647.29],
    ]);
  });
  it("reads 204 as the end", async () => {
    serve(wb.financeDetailed, "end");
    expect(await api.client.financeDetailed({ dateFrom: "2026-03-16", dateTo: "2026-03-22", rrdId: 9 })).toBeNull();
  });
  it("maps the official example: a sale line carrying every fee field, parts summing to its payout", async () => {
    serve(wb.financeDetailed, "official");
    const raw = (await api.client.financeDetailed({ dateFrom: "2026-03-16", dateTo: "2026-03-22", rrdId: 0 }))!;
    const [line] = raw.map((l) => wbFinanceLineFact(l, TZ));
    expect(financeLine(line)).toEqual({
      key: "1232610467",
      d: "2025-10-20",
      reportId: "1234567",
      orderKey: "0f1c3999172603062979867564654dac5b702849",
      sku: "1234567",
      article: "MAB123",
      // deliveryMethod "FBS, (МГТ)": the seller's warehouse, named by officeName
      warehouse: { code: "name:Склад WB", name: "Склад WB", kind: "FBS" },
      channel: "FBS",
      settles: "sale",
      qty: 1,
      sourceType: "Продажа: Штраф МП. Невыполненный заказ (отмена клиентом после недовоза)",
      parts: {
        // + retailPriceWithDisc
        sales: "399.68",
        // -(399.68 - forPay 376.99 - acquiringFee 14.89); additionalPayment 0
        commission: "-7.8",
        acquiring: "-14.89",
        // -(deliveryService 0 + rebillLogisticCost 1.349)
        logistics: "-1.349",
        storage: "-12647.29",
        acceptance: "-865",
        penalties: "-231.35",
        // the deduction's bonusTypeName names a fine, not WB's promotion
        deductions_other: "-6354",
        // -cashbackAmount 2 + cashbackDiscount 19 + cashbackCommissionChange 0.2 - installment 0
        loyalty: "17.2",
      },
      warnings: [],
    });
    // 376.99 - 1.349 - 12647.29 - 865 - 231.35 - 6354 + 17.2
    expect(linePayout(raw[0] as Record<string, unknown>).toString()).toBe("-19704.799");
    expect(sumOfParts(line).toString()).toBe("-19704.799");
  });

  it("maps the variants: a return subtracted, a product-less storage line, ids beyond 2^53 exact", async () => {
    serve(wb.financeDetailed, "variants");
    const raw = (await api.client.financeDetailed({
      dateFrom: "2026-03-16",
      dateTo: "2026-03-22",
      rrdId: 1232610467,
    }))!;
    const [ret, storage] = raw.map((l) => wbFinanceLineFact(l, TZ));
    expect(financeLine(ret)).toEqual({
      key: "1232610468",
      d: "2025-10-20",
      reportId: "1234567",
      orderKey: "0f1c3999172603062979867564654dac5b702849",
      sku: "1234567",
      article: "MAB123",
      warehouse: { code: "name:Склад WB", name: "Склад WB", kind: "FBS" },
      channel: "FBS",
      settles: "return",
      qty: 1,
      sourceType: "Возврат",
      parts: {
        // the mirror of a sale: - retailPriceWithDisc
        returns: "-399.68",
        // +(399.68 - 376.99 - (-14.89)): acquiringFee is sent negative on this return, signs as sent
        commission: "37.58",
        // + acquiringFee
        acquiring: "-14.89",
        logistics: "-1.349",
        loyalty: "17.2",
      },
      warnings: [],
    });
    expect(financeLine(storage)).toEqual({
      key: "9007199254740995",
      d: "2025-10-20",
      reportId: "9007199254740993",
      orderKey: "0f1c3999172603062979867564654dac5b702849",
      sku: null,
      article: null,
      warehouse: { code: "name:Склад WB", name: "Склад WB", kind: "FBS" },
      channel: "FBS",
      settles: null,
      qty: 0,
      sourceType: "Хранение",
      parts: { storage: "-12647.29", loyalty: "17.2" },
      warnings: [],
    });
    // -376.99 - 1.349 + 17.2, and -12647.29 + 17.2
    expect(raw.map((l) => linePayout(l as Record<string, unknown>).toString())).toEqual(["-361.139", "-12630.09"]);
    expect([ret, storage].map((f) => sumOfParts(f).toString())).toEqual(["-361.139", "-12630.09"]);
  });
});

describe("POST /api/finance/v1/sales-reports/list", () => {
  it("returns the official example and the variants, report ids beyond 2^53 exact", async () => {
    serve(wb.financeList, "official", "variants", "end");
    const first = await api.client.salesReportsList({ dateFrom: "2026-03-16", dateTo: "2026-03-22" });
    const [sent] = expectRequestsConform(wb.financeList);
    expect(sent.body).toEqual({
      dateFrom: "2026-03-16",
      dateTo: "2026-03-22",
      period: "weekly",
      limit: 1000,
      offset: 0,
    });
    expect(first).toEqual(JSON.parse(fixture(wb.financeList, "official").body));
    const second = await api.client.salesReportsList({ dateFrom: "2026-03-16", dateTo: "2026-03-22", period: "daily" });
    expect(second!.map((r) => [r.reportId, r.reportType, r.bankPaymentSum])).toEqual([
      ["9007199254740993", 2, "-120.50"],
    ]);
    expect(await api.client.salesReportsList({ dateFrom: "2026-03-23", dateTo: "2026-03-29" })).toBeNull();
    expectRequestsConform(wb.financeList);
  });
});

describe("POST /api/analytics/v1/stocks-report/wb-warehouses", () => {
  it("maps the official example to the masked WB warehouse, and reads 204 as the end", async () => {
    serve(wb.stocks, "official", "end");
    const items = await api.client.stocks({ offset: 0 });
    expect(await api.client.stocks({ offset: 1 })).toBeNull();
    const sent = expectRequestsConform(wb.stocks);
    expect(sent.map((r) => r.body)).toEqual([
      { limit: 250000, offset: 0 },
      { limit: 250000, offset: 1 },
    ]);
    expect(items).toEqual(JSON.parse(fixture(wb.stocks, "official").body).data.items);
    expect(items!.map(mapWbStock)).toEqual([
      {
        key: "47254354|91663228|-999999",
        nmId: "47254354",
        warehouse: { code: "-999999", name: "Склад WB", kind: "FBO" },
        onHand: 43,
        // the report states no inbound supplies: on the way to and back from buyers are their own
        inTransit: 0,
        toClient: 14,
        fromClient: 11,
      },
    ]);
  });
  it("maps stock per size, a size with nothing on hand included", async () => {
    serve(wb.stocks, "sizes");
    const items = await api.client.stocks({ offset: 0 });
    expect(items!.map(mapWbStock)).toEqual([
      {
        key: "213456789|340112233|-999999",
        nmId: "213456789",
        warehouse: { code: "-999999", name: "Склад WB", kind: "FBO" },
        onHand: 143,
        inTransit: 0,
        toClient: 12,
        fromClient: 3,
      },
      {
        key: "213456789|340112234|-999999",
        nmId: "213456789",
        warehouse: { code: "-999999", name: "Склад WB", kind: "FBO" },
        onHand: 0,
        inTransit: 0,
        toClient: 1,
        fromClient: 2,
      },
    ]);
  });
});

describe("GET /api/v1/feedbacks and /archive", () => {
  /** the official feedback, answered, with photos and a video; only orderStatus differs between the lists */
  const officialFeedback = (orderStatus: string) => ({
    key: "YX52RZEBhH9mrcYdEJuD",
    skuExternalId: "987654321",
    parentReviewId: null,
    createdAt: new Date("2024-09-26T07:20:48Z"),
    rating: 5,
    hasMedia: true,
    text: "Спасибо, всё подошло\nУдобный\nНет",
    productName: "ВАЗ",
    buyerName: "Николай",
    orderStatus,
    replyStatus: "answered",
  });

  it("maps the official examples of both lists field by field", async () => {
    serve(wb.feedbacks, "official");
    serve(wb.feedbacksArchive, "official");
    const list = await api.client.feedbacks({
      archive: false,
      isAnswered: true,
      take: 5000,
      skip: 0,
      dateFrom: 1727298000,
      dateTo: 1727384399,
    });
    const archive = await api.client.feedbacks({ archive: true, take: 5000, skip: 0 });
    const [sentList] = expectRequestsConform(wb.feedbacks);
    const [sentArchive] = expectRequestsConform(wb.feedbacksArchive);
    expect(Object.fromEntries(sentList.query)).toEqual({
      isAnswered: "true",
      take: "5000",
      skip: "0",
      order: "dateAsc",
      dateFrom: "1727298000",
      dateTo: "1727384399",
    });
    expect(Object.fromEntries(sentArchive.query)).toEqual({ take: "5000", skip: "0", order: "dateAsc" });
    expect(list).toEqual(JSON.parse(fixture(wb.feedbacks, "official").body).data.feedbacks);
    expect(archive).toEqual(JSON.parse(fixture(wb.feedbacksArchive, "official").body).data.feedbacks);
    expect(list.map(mapWbFeedback)).toEqual([officialFeedback("buyout")]);
    expect(archive.map(mapWbFeedback)).toEqual([officialFeedback("returned")]);
  });

  it("maps feedbacks with nullable parts null, and an empty list", async () => {
    serve(wb.feedbacks, "variants", "none");
    serve(wb.feedbacksArchive, "answer without editable");
    const list = await api.client.feedbacks({
      archive: false,
      isAnswered: false,
      take: 5000,
      skip: 0,
      dateFrom: 1,
      dateTo: 2,
    });
    expect(await api.client.feedbacks({ archive: false, isAnswered: true, take: 5000, skip: 0 })).toEqual([]);
    const archive = await api.client.feedbacks({ archive: true, take: 5000, skip: 0 });
    expectRequestsConform(wb.feedbacks);
    expectRequestsConform(wb.feedbacksArchive);
    expect(list.map(mapWbFeedback)).toEqual([
      {
        key: "YX52RZEBhH9mrcYdEJuD",
        skuExternalId: "213456789",
        parentReviewId: null,
        createdAt: new Date("2026-11-20T07:20:48Z"),
        rating: 5,
        hasMedia: false,
        text: "Спасибо, всё подошло\nУдобные\nНет",
        productName: "Футболка базовая",
        buyerName: "Николай",
        orderStatus: "buyout",
        replyStatus: "unanswered",
      },
      {
        key: "n5um6IUBQOOSTxXoo0gV",
        skuExternalId: "213456789",
        parentReviewId: null,
        createdAt: new Date("2026-11-21T08:00:00Z"),
        rating: 2,
        hasMedia: true,
        text: "Спасибо, всё подошло\nУдобные\nНет",
        productName: "Футболка базовая",
        buyerName: "Николай",
        orderStatus: "rejected",
        replyStatus: "answered",
      },
    ]);
    expect(archive.map(mapWbFeedback)).toEqual([
      {
        key: "arch1",
        skuExternalId: "213456789",
        parentReviewId: null,
        createdAt: new Date("2026-11-20T07:20:48Z"),
        rating: 5,
        hasMedia: false,
        text: "Спасибо, всё подошло\nУдобные\nНет",
        productName: "Футболка базовая",
        buyerName: "Николай",
        orderStatus: "buyout",
        replyStatus: "answered",
      },
    ]);
  });
});

describe("POST /content/v2/get/cards/list", () => {
  it("maps the official example and returns its cursor", async () => {
    serve(wb.cards, "official");
    const page = await api.client.cards({ limit: 100 });
    const [sent] = expectRequestsConform(wb.cards);
    expect(sent.body).toEqual({
      settings: { sort: { ascending: true }, filter: { withPhoto: -1 }, cursor: { limit: 100 } },
    });
    const official = JSON.parse(fixture(wb.cards, "official").body) as { cards: unknown[] };
    expect(page).toEqual({
      cards: official.cards,
      cursor: { updatedAt: "2023-12-06T11:17:00.96577Z", nmID: 123654123, total: 1 },
    });
    expect(page.cards.map(mapWbCard)).toEqual([
      { externalId: "12345678", article: "wb7f6mumjr1", name: "Тест-система", brand: "Тест", category: "AKF системы" },
    ]);
  });
  it("maps a sparse card and pages on from its cursor", async () => {
    serve(wb.cards, "sparse");
    const page = await api.client.cards({ limit: 100, updatedAt: "2026-11-01T00:00:00Z", nmID: 1 });
    const [sent] = expectRequestsConform(wb.cards);
    expect(sent.body).toEqual({
      settings: {
        sort: { ascending: true },
        filter: { withPhoto: -1 },
        cursor: { limit: 100, updatedAt: "2026-11-01T00:00:00Z", nmID: 1 },
      },
    });
    expect(page.cursor).toEqual({ updatedAt: "2026-11-20T08:15:42.36Z", nmID: 213456789, total: 1 });
    expect(page.cards.map(mapWbCard)).toEqual([
      {
        externalId: "213456789",
        article: "TSH-BLK-M",
        name: "Футболка базовая хлопок",
        brand: "NordLine",
        category: "Футболки",
      },
    ]);
  });
});

describe.each(testDatabaseKinds())("WB contract fixtures into the database on %s", (kind) => {
  const database = useTestDatabase(kind);
  let config: MarketplaceConfig;
  beforeAll(async () => {
    config = {
      wbToken: TOKEN,
      wbUrls: wbUrlsAt(api.server.url),
      ozonUrl: api.server.url,
      timeZone: "Europe/Moscow",
      rateLimits: false,
    };
  });

  /** syncs the cards, stock and feedbacks the fixtures serve for [from, to]; every source must succeed */
  const syncCatalogueStockAndFeedbacks = async (from: string, to: string) => {
    const summary = await syncStores({
      db: database.db,
      from,
      to,
      trigger: "test",
      config,
      marketplace: "WB",
      sources: ["wb_cards", "wb_stocks", "wb_feedbacks"],
      resilience: { rateLimits: false, maxAttempts: 1, timeoutMs: 5000 },
    });
    for (const [name, s] of Object.entries(summary.runs[0].sources))
      expect(s.status, `${name}: ${s.error}`).toBe("succeeded");
  };
  const rows = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await database.db.execute(query));

  it("writes cards, stock and feedbacks", async () => {
    serve(wb.cards, "sparse");
    serve(wb.stocks, "sizes", "end");
    serve(wb.feedbacks, "variants", "none");
    serve(wb.feedbacksArchive, "answer without editable");
    await syncCatalogueStockAndFeedbacks("2026-11-20", "2026-11-21");
    expect(
      await rows(sql`select nm_id::text as nm, article, name, brand, category from sku where marketplace = 'WB'`),
    ).toEqual([
      {
        nm: "213456789",
        article: "TSH-BLK-M",
        name: "Футболка базовая хлопок",
        brand: "NordLine",
        category: "Футболки",
      },
    ]);
    expect(
      await rows(
        sql`select w.code, w.name, st.on_hand, st.in_transit, st.to_client, st.from_client
            from daily_stock st join warehouse w on w.id = st.warehouse_id`,
      ),
    ).toEqual([{ code: "-999999", name: "Склад WB", on_hand: 143, in_transit: 0, to_client: 13, from_client: 5 }]);
    expect(
      await rows(
        sql`select review_id, rating, has_media, reply_status, order_status from reviews where marketplace = 'WB' order by review_id`,
      ),
    ).toEqual([
      {
        review_id: "YX52RZEBhH9mrcYdEJuD",
        rating: 5,
        has_media: false,
        reply_status: "unanswered",
        order_status: "buyout",
      },
      { review_id: "arch1", rating: 5, has_media: false, reply_status: "answered", order_status: "buyout" },
      {
        review_id: "n5um6IUBQOOSTxXoo0gV",
        rating: 2,
        has_media: true,
        reply_status: "answered",
        order_status: "rejected",
      },
    ]);
  });
  it("writes the official examples of cards, stock and feedbacks", async () => {
    serve(wb.cards, "official");
    serve(wb.stocks, "official", "end");
    serve(wb.feedbacks, "official", "none");
    serve(wb.feedbacksArchive, "official");
    await syncCatalogueStockAndFeedbacks("2024-09-25", "2024-09-26");
    expect(
      await rows(sql`select nm_id::text as nm, article, name, brand, category from sku where nm_id = 12345678`),
    ).toEqual([
      { nm: "12345678", article: "wb7f6mumjr1", name: "Тест-система", brand: "Тест", category: "AKF системы" },
    ]);
    expect(
      await rows(sql`
        select s.nm_id::text as nm, w.code, w.name, st.on_hand, st.in_transit, st.to_client, st.from_client
        from daily_stock st join warehouse w on w.id = st.warehouse_id join sku s on s.id = st.sku_id
        where s.nm_id = 47254354`),
    ).toEqual([
      { nm: "47254354", code: "-999999", name: "Склад WB", on_hand: 43, in_transit: 0, to_client: 14, from_client: 11 },
    ]);
    // the same feedback in both lists: the archive's copy (orderStatus returned) is read last
    expect(
      await rows(sql`
        select r.review_id, s.nm_id::text as nm, r.rating, r.has_media, r.text, r.product_name, r.reply_status,
               r.order_status, r.parent_review_id,
               to_char(r.created_at_utc at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as at
        from reviews r left join sku s on s.id = r.sku_id where r.review_id = 'YX52RZEBhH9mrcYdEJuD'`),
    ).toEqual([
      {
        review_id: "YX52RZEBhH9mrcYdEJuD",
        nm: "987654321",
        rating: 5,
        has_media: true,
        text: "Спасибо, всё подошло\nУдобный\nНет",
        product_name: "ВАЗ",
        reply_status: "answered",
        order_status: "returned",
        parent_review_id: null,
        at: "2024-09-26T07:20:48",
      },
    ]);
  });
});

describe("POST and PATCH /api/v1/feedbacks/answer, GET /api/v1/feedback", () => {
  const id = "YX52RZEBhH9mrcYdEJuD";

  it("answers (POST), edits (PATCH) with the documented body, 204 read as done", async () => {
    serve(wb.feedbackAnswer, "no content");
    await expect(api.client.answerFeedback({ id, text: "Спасибо за отзыв!", isEdit: false })).resolves.toBeUndefined();
    const [answer] = expectRequestsConform(wb.feedbackAnswer);
    expect(answer.body).toEqual({ id, text: "Спасибо за отзыв!" });
    expect(answer.headers["content-type"]).toBe("application/json");
    api.server.requests.length = 0;
    serve(wb.feedbackAnswerEdit, "no content");
    await api.client.answerFeedback({ id, text: "Спасибо! Размер уточнили.", isEdit: true });
    const [edit] = expectRequestsConform(wb.feedbackAnswerEdit);
    expect(edit.body).toEqual({ id, text: "Спасибо! Размер уточнили." });
  });

  it("reads one review back with its answer", async () => {
    serve(wb.feedbackById, "answered");
    const feedback = await api.client.feedback(id);
    const [sent] = expectRequestsConform(wb.feedbackById);
    expect(Object.fromEntries(sent.query)).toEqual({ id });
    expect(feedback).toEqual(JSON.parse(fixture(wb.feedbackById, "answered").body).data);
    expect(mapWbFeedback(feedback)).toMatchObject({ key: id, replyStatus: "pending", buyerName: "Николай" });
  });
});
