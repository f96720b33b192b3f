// Where an official example and our emulator disagreed, the emulator now answers in the example's shape.
// Each case names the example it follows (copied under contracts/ozon/examples/, source in ozon/fixtures.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "@/lib/emulator/server";
import { fixture } from "./fixture";
import * as ozon from "./ozon/fixtures";

describe("the emulator answers in the official examples' shapes", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 3, skus: 4, days: 20, warehouses: 2, endDate: "2026-11-20" });
  });
  afterAll(() => emulator?.stop());

  const post = async (path: string, body: unknown) => {
    const res = await fetch(emulator.url + path, {
      method: "POST",
      headers: {
        "Client-Id": emulator.ozonClientId,
        "Api-Key": emulator.ozonApiKey,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
  const keysOf = (v: unknown) => Object.keys(v as object).sort();

  it("cash-flow-statement follows ozon/examples/cash-flow-statement-list.json", async () => {
    const official = JSON.parse(fixture(ozon.cashFlowStatement, "official").body) as Record<string, unknown>;
    const body = await post(ozon.cashFlowStatement.path, {
      date: { from: `${emulator.truth.from}T00:00:00.000Z`, to: `${emulator.truth.to}T23:59:59.999Z` },
      page: 1,
      page_size: 1,
      with_details: true,
    });
    expect(keysOf(body)).toEqual(keysOf(official)); // page_count beside result
    const result = body.result as { cash_flows: { period: { id: unknown } }[]; details: Record<string, unknown> };
    expect(typeof result.cash_flows[0].period.id).toBe("number"); // int64
    expect(Array.isArray(result.details)).toBe(false); // one period on the page: one details object
    expect(Array.isArray(result.details.payments)).toBe(true);
  });

  it("v4 FBS postings name the warehouse analytics_data.warehouse, as ozon/examples/posting-fbs-list-v4.json", async () => {
    const body = await post(ozon.postingsFbs.path, {
      filter: { since: `${emulator.truth.from}T00:00:00Z`, to: `${emulator.truth.to}T23:59:59Z` },
      limit: 100,
    });
    const postings = body.postings as { analytics_data: Record<string, unknown> }[];
    expect(postings.length).toBeGreaterThan(0);
    for (const p of postings) {
      expect(p.analytics_data).toHaveProperty("warehouse");
      expect(p.analytics_data).not.toHaveProperty("warehouse_name");
    }
  });
});
