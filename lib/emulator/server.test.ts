// The emulator speaks the documented shapes: auth errors, retired endpoints, big ids, rate limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server";

describe("marketplace emulator", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      seed: 9,
      skus: 3,
      days: 4,
      warehouses: 2,
      endDate: "2026-11-20",
      rateLimits: { speedup: 60 },
    });
  });
  afterAll(async () => emulator?.stop());
  const ozon = (path: string, body: unknown, key = emulator.ozonApiKey) =>
    fetch(emulator.url + path, {
      method: "POST",
      headers: { "Client-Id": emulator.ozonClientId, "Api-Key": key, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });

  it("refuses bad credentials with each marketplace's body", async () => {
    const wb = await fetch(`${emulator.url}/api/v1/supplier/sales?dateFrom=2026-11-17`, {
      headers: { Authorization: "Bearer nope" },
    });
    expect(wb.status).toBe(401);
    expect(await wb.json()).toMatchObject({ title: "unauthorized", status: 401, statusText: "Unauthorized" });
    const oz = await ozon("/v3/product/list", {}, "nope");
    expect(oz.status).toBe(404);
    expect(await oz.json()).toMatchObject({ code: 5 });
  });

  it("answers retired endpoints as the reference describes", async () => {
    const tx = await ozon("/v3/finance/transaction/list", {});
    expect(tx.status).toBe(400);
    expect(await tx.json()).toEqual({ code: 9, message: "obsolete method cannot be used", details: [] });
    const stocks = await fetch(`${emulator.url}/api/v1/supplier/stocks?dateFrom=2019-06-20`, {
      headers: { Authorization: emulator.wbToken },
    });
    expect(stocks.status).toBe(404);
  });

  it("writes int64 ids as bare JSON numbers", async () => {
    const day = emulator.truth.from;
    const text = await (await ozon("/v1/finance/accrual/by-day", { date: day, last_id: "" })).text();
    expect(text).toMatch(/"accrual_id":9007199254740993[,}]/);
  });

  it("enforces WB budgets with the documented 429 headers when rate limits are on", async () => {
    const call = () =>
      fetch(`${emulator.url}/api/v1/supplier/sales?dateFrom=2026-11-17`, {
        headers: { Authorization: `Bearer ${emulator.wbToken}` },
      });
    expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-ratelimit-retry"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ title: "too many requests", status: 429 });
  });
});
