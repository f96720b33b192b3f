// Against a local fake of the Telegram Bot API: what is sent, and how failures surface.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/database";
import { insertCostPrice, insertSales, insertSku, insertStock } from "@/lib/testing/fixtures";
import { recalculateMetrics } from "@/lib/services/metrics/recalculate-metrics";
import { buildDailySummary, formatDailySummary, formatFailureMessage } from "./job-messages";
import { notify, sendTelegramMessage, type TelegramConfig } from "./telegram";
import { startFakeTelegram } from "./testing/fake-telegram";

describe("Telegram notifications", () => {
  let fake: Awaited<ReturnType<typeof startFakeTelegram>>;
  let config: TelegramConfig;
  const { db } = useTestDatabase();
  beforeAll(async () => {
    fake = await startFakeTelegram();
    config = { botToken: "123456:test-token", chatId: "-10042", apiUrl: fake.url };
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("posts an HTML message to /bot<token>/sendMessage for the chat", async () => {
    await sendTelegramMessage(
      config,
      formatFailureMessage({
        job: "nightly sync",
        day: "2026-11-28",
        failures: [{ what: "WB <main>", error: "WB rejected the credentials (401 bad_token)" }],
      }),
    );
    const last = fake.received.at(-1)!;
    expect(last.path).toBe("/bot123456:test-token/sendMessage");
    expect(last.body.chat_id).toBe("-10042");
    expect(last.body.parse_mode).toBe("HTML");
    expect(last.body.text).toBe(
      "<b>Sovani: nightly sync failed</b> (2026-11-28)\n• <b>WB &lt;main&gt;</b>: WB rejected the credentials (401 bad_token)",
    );
  });

  it("surfaces the API's description, and notify() never throws", async () => {
    fake.failNext(400, "Bad Request: chat not found");
    await expect(sendTelegramMessage(config, "x")).rejects.toThrow(
      "Telegram answered 400: Bad Request: chat not found",
    );
    fake.failNext(500, "boom");
    expect(await notify("x", config)).toBe(false);
    expect(await notify("y", config)).toBe(true);
    expect(await notify("z", null)).toBe(false);
    expect(fake.received.at(-1)!.body.text).toBe("y");
    await expect(sendTelegramMessage({ ...config, apiUrl: "http://127.0.0.1:1" }, "x")).rejects.toThrow(
      "Telegram is unreachable",
    );
  });

  it("daily summary: yesterday's net sales, gross profit, margin and SKUs running out within 7 days", async () => {
    const day = "2026-11-28";
    const a = await insertSku(db, { marketplace: "WB", article: "RED-42" });
    const b = await insertSku(db, { marketplace: "OZON", article: "BLUE-1" });
    const c = await insertSku(db, { marketplace: "WB", article: "NOCOST" });
    await insertCostPrice(db, a, "2026-01-01", "300.00");
    await insertCostPrice(db, b, "2026-01-01", "100.00");
    // a sells 10/day for 14 days with 30 in stock -> 3 days of cover; b sells 1/day over 28 days with 500 -> 500 days
    // settled sales on each of the `days` days up to the 28th
    const daily = (
      skuId: number,
      days: number,
      sale: { qty: number; revenueGross: string; commissionAmount?: string },
    ) =>
      insertSales(
        db,
        Array.from({ length: days }, (_, i) => ({
          d: `2026-11-${String(28 - i).padStart(2, "0")}`,
          skuId,
          warehouseId: null,
          isSettled: true,
          ...sale,
        })),
      );
    await daily(a, 14, { qty: 10, revenueGross: "10000.00", commissionAmount: "1500.00" });
    await daily(b, 28, { qty: 1, revenueGross: "500.00" });
    await insertSales(db, [{ d: day, skuId: c, warehouseId: null, qty: 1, revenueGross: "999.00", isSettled: true }]);
    await insertStock(db, [
      { d: day, skuId: a, warehouseId: null, onHand: 20, inTransit: 10 },
      { d: day, skuId: b, warehouseId: null, onHand: 500, inTransit: 0 },
    ]);
    await recalculateMetrics({ db, from: day, to: day, aggrDaysWb: 14, aggrDaysOzon: 28 });
    // the day's restock plan: a reorders in 2 days, b in 40
    await db.execute(sql`
      insert into restock_advice (d, sku_id, marketplace, location_kind, location_key, status, status_rank, status_days,
        reorder_date, reorder_sort, quantity, in_stock_days, out_of_stock_days, on_hand, inbound, open_plans, lost_units, explanation)
      values (${day}, ${a}, 'WB', 'national', 'WB-FBO', 'soon', 1, 2, '2026-11-30', '2026-11-30', 120, 14, 0, 20, 10, 0, 0, '{}'),
             (${day}, ${b}, 'WB', 'national', 'WB-FBO', 'ok', 3, 40, '2027-01-07', '2027-01-07', 0, 28, 0, 500, 0, 0, 0, '{}')`);
    const summary = await buildDailySummary(db, day);
    // net sales 10000 + 500 + 999 = 11499; profit (10000 - 1500 - 3000) + (500 - 100) = 5900 over the 10500 of
    // net sales with a cost price = 56.19 %; everything settled, no store-level lines
    expect(summary).toEqual({
      day,
      netSales: "11499.00",
      provisional: false,
      profit: "5900.00",
      margin: "56.2",
      skusMissingCost: 1,
      runningOut: [{ skuId: a, label: "RED-42", days: "3.0" }],
      runningOutTotal: 1,
      reorderSoon: [{ skuId: a, label: "RED-42", reorderDate: "2026-11-30", quantity: 120 }],
      reorderSoonTotal: 1,
    });
    expect(await notify(formatDailySummary(summary), config)).toBe(true);
    expect(fake.received.at(-1)!.body.text).toBe(
      [
        "<b>Sovani: 2026-11-28</b>",
        "Net sales: 11 499 ₽",
        "Gross profit: 5 900 ₽ (margin 56.2%)",
        "No cost price: 1 SKU(s), not in profit",
        "Running out within 7 days: 1 SKU(s)",
        "• RED-42: 3.0 d",
        "Reorder within 7 days: 1 SKU-location(s)",
        "• RED-42: by 2026-11-30, 120 units",
      ].join("\n"),
    );
  });
});
