// The emulator speaks the documented shapes: auth errors, retired endpoints, big ids, rate limits.
import { describe, expect, it } from "vitest";
import { addDaysIso, buildDataset, mskDayOfUtc } from "./dataset";
import { useEmulator } from "./use-emulator";

describe("marketplace emulator", () => {
  const emulator = useEmulator({
    seed: 9,
    skus: 3,
    days: 4,
    warehouses: 2,
    endDate: "2026-11-20",
    rateLimits: { speedup: 60 },
  });
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

// Numbers worked by hand from ../shared/marketplace-apis.md: what the marketplaces publish, and when.
describe("emulator timing and finance lines", () => {
  const end = "2026-11-22";
  const emulator = useEmulator({ seed: 3, skus: 12, days: 24, warehouses: 2, endDate: end });
  const post = (path: string, body: unknown) =>
    fetch(emulator.url + path, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${emulator.wbToken}`,
        "Client-Id": emulator.ozonClientId,
        "Api-Key": emulator.ozonApiKey,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(body),
    });
  const kop = (v: unknown) => Math.round(Number(v) * 100);
  const wbLines = async (dateFrom: string, dateTo: string) => {
    const res = await post("/api/finance/v1/sales-reports/detailed", { dateFrom, dateTo, rrdId: 0, period: "daily" });
    return res.status === 204 ? [] : ((await res.json()) as Record<string, unknown>[]);
  };
  const wbSales = async (dateFrom: string) =>
    (await (
      await fetch(`${emulator.url}/api/v1/supplier/sales?dateFrom=${dateFrom}`, {
        headers: { Authorization: `Bearer ${emulator.wbToken}` },
      })
    ).json()) as Record<string, unknown>[];
  const atDefault = () => emulator.setNow(emulator.dataset.options.defaultNow);

  it("keeps acquiring inside a WB sale line's retailPriceWithDisc − forPay gap, and links lines by srid", async () => {
    const lines = await wbLines(emulator.truth.from, end);
    const sale = lines.find((l) => l.sellerOperName === "Продажа")!;
    const gap = kop(sale.retailPriceWithDisc) - kop(sale.forPay);
    expect(kop(sale.acquiringFee)).toBeGreaterThan(0);
    expect(gap).toBe(kop(sale.ppvzSalesCommission) + kop(sale.acquiringFee));
    // every product line that describes an order names a srid of the sales feed
    const srids = new Set((await wbSales(emulator.truth.from)).map((r) => r.srid));
    const described = lines.filter((l) => Number(l.nmId) > 0 && l.sellerOperName !== "Компенсация ущерба");
    expect(described.length).toBeGreaterThan(0);
    for (const l of described) expect(srids.has(l.srid), `${String(l.sellerOperName)} ${String(l.rrdId)}`).toBe(true);
    const opers = new Set(lines.map((l) => l.sellerOperName));
    for (const name of [
      "Продажа",
      "Возврат",
      "Логистика",
      "Хранение",
      "Пересчет хранения",
      "Платная приемка",
      "Штраф",
      "Удержание",
      "Компенсация ущерба",
      "Добровольная компенсация при возврате",
    ])
      expect(opers, name).toContain(name);
  });

  it("serves weekly reports whose bankPaymentSum is WB's arithmetic over their lines", async () => {
    const res = await post("/api/finance/v1/sales-reports/list", {
      dateFrom: emulator.truth.from,
      dateTo: end,
      limit: 1000,
      offset: 0,
      period: "weekly",
    });
    expect(res.status).toBe(200);
    const reports = (await res.json()) as Record<string, unknown>[];
    expect(reports.length).toBeGreaterThan(1);
    for (const report of reports) {
      const lines = (await wbLines(String(report.dateFrom), String(report.dateTo))).filter(
        (l) => l.reportId === report.reportId,
      );
      // by hand: sales' forPay − returns' forPay + compensations' forPay − every charge + additionalPayment,
      // − cashbackAmount + cashbackDiscount + cashbackCommissionChange − installmentCofinancingAmount
      let bank = 0;
      for (const l of lines) {
        bank += (l.docTypeName === "Возврат" ? -1 : 1) * kop(l.forPay);
        bank -= kop(l.deliveryService) + kop(l.rebillLogisticCost) + kop(l.paidStorage) + kop(l.paidAcceptance);
        bank -= kop(l.penalty) + kop(l.deduction);
        bank += kop(l.additionalPayment);
        bank += -kop(l.cashbackAmount) + kop(l.cashbackDiscount) + kop(l.cashbackCommissionChange);
        bank -= kop(l.installmentCofinancingAmount);
      }
      expect(kop(report.bankPaymentSum), String(report.reportId)).toBe(bank);
      const truth = emulator.truth.wbReports.find((r) => r.reportId === report.reportId)!;
      expect(truth.closed).toBe(true);
      expect(truth.bankPaymentSum).toBe(bank);
      expect(Object.values(truth.byLine).reduce((a, b) => a + b, 0)).toBe(bank);
    }
    // the week of the data's last day is not over: no report yet
    expect(reports.some((r) => String(r.dateTo) >= end)).toBe(false);
    const none = await post("/api/finance/v1/sales-reports/list", { dateFrom: "2020-01-01", dateTo: "2020-01-31" });
    expect(none.status).toBe(204);
  });

  it("every generated finance line means in P&L lines exactly what it pays", () => {
    for (const l of emulator.dataset.wb.financeLines)
      expect(
        Object.values(l.pnl).reduce((a, b) => a + b!, 0),
        String(l.json.rrdId),
      ).toBe(l.bank);
    for (const a of emulator.dataset.ozon.accrualList)
      expect(
        Object.values(a.pnl).reduce((x, y) => x + y!, 0),
        String(a.json.accrual_id),
      ).toBe(a.total);
  });

  it("accrues an Ozon posting on its delivery day, one sale_amount for all its units", async () => {
    const body = (await (
      await post("/v3/posting/fbo/list", {
        filter: { since: `${emulator.truth.from}T00:00:00Z`, to: `${end}T21:00:00Z` },
        limit: 100,
      })
    ).json()) as { postings: Record<string, unknown>[] };
    const delivered = body.postings.filter((p) => p.status === "delivered");
    expect(delivered.length).toBeGreaterThan(0);
    const accrualsOf = async (date: string) =>
      (
        (await (await post("/v1/finance/accrual/by-day", { date, last_id: "" })).json()) as {
          accruals: Record<string, unknown>[];
        }
      ).accruals;
    let multi = 0;
    for (const p of delivered.slice(0, 15)) {
      const ordered = mskDayOfUtc(String(p.in_process_at));
      const product = (p.products as { quantity: number; price: { amount: string } }[])[0];
      let found: { date: string; accrual: Record<string, unknown> } | undefined;
      for (let i = 0; i <= 5 && !found; i++) {
        const date = addDaysIso(ordered, i);
        const accrual = (await accrualsOf(date)).find(
          (a) => a.unit_number === p.posting_number && a.accrued_category === "POSTING",
        );
        if (accrual) found = { date, accrual };
      }
      expect(found, String(p.posting_number)).toBeDefined();
      // delivered 1–5 days after the order: never accrued on the order day
      expect(found!.date > ordered).toBe(true);
      const entries = (found!.accrual.posting as { products: { commission: { sale_amount: { amount: string } } }[] })
        .products;
      expect(entries).toHaveLength(1);
      expect(kop(entries[0].commission.sale_amount.amount)).toBe(kop(product.price.amount) * product.quantity);
      if (product.quantity > 1) multi++;
    }
    expect(multi, "a posting with quantity > 1 among those checked").toBeGreaterThan(0);
    // units are the postings' quantities, counted once
    const t = emulator.truth.ozon;
    const sold = [...t.orderLines.values()].filter((l) => l.kind === "sale").reduce((a, l) => a + l.qty, 0);
    expect(t.units.sold).toBe(sold);
    const settledUnits = [...t.settledByDaySku.values()].reduce((a, r) => a + r.unitsSold, 0);
    expect(settledUnits).toBe(sold);
  });

  it("serves the WB finance of the last day only once the clock has passed the next day's 05:00 Moscow", async () => {
    try {
      expect(await wbLines(end, end)).toEqual([]);
      const before = emulator.truth.wb.financeLines.store.storage;
      expect(emulator.truth.wb.settledByDaySku.size).toBeGreaterThan(0);
      emulator.setNow(`${addDaysIso(end, 1)}T04:59:00+03:00`);
      expect(await wbLines(end, end)).toEqual([]);
      emulator.setNow(`${addDaysIso(end, 1)}T05:00:00+03:00`);
      const lines = await wbLines(end, end);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((l) => l.rrDate === end)).toBe(true);
      const storage = lines.find((l) => l.sellerOperName === "Хранение")!;
      expect(emulator.truth.wb.financeLines.store.storage).toBe(before - kop(storage.paidStorage));
      // the week of `end` (a Sunday) is now over: its report is formed
      expect(emulator.truth.wbReports.find((r) => r.dateTo === end)?.closed).toBe(true);
    } finally {
      atDefault();
    }
  });

  it("fills a WB sale's money in later, as a newer version of the row", async () => {
    const row = emulator.dataset.wb.sales.find((s) => s.stale && String(s.json.saleID).startsWith("S"))!;
    expect(row, "the dataset has a sale whose money comes later").toBeDefined();
    const saleID = row.json.saleID;
    const firstSeen = String(row.stale!.lastChangeDate);
    try {
      emulator.setNow(`${firstSeen}+03:00`);
      const early = (await wbSales(firstSeen)).filter((r) => r.saleID === saleID);
      expect(early).toHaveLength(1);
      expect(early[0]).toMatchObject({ forPay: 0, priceWithDisc: 0, finishedPrice: 0, lastChangeDate: firstSeen });
      emulator.setNow(`${row.lastChangeDate}+03:00`);
      const late = (await wbSales(firstSeen)).filter((r) => r.saleID === saleID);
      expect(late).toHaveLength(1);
      expect(Number(late[0].forPay)).toBeGreaterThan(0);
      expect(late[0].lastChangeDate).toBe(row.lastChangeDate);
    } finally {
      atDefault();
    }
  });

  it("shows an Ozon posting in transit until its delivery, then delivered and accrued", async () => {
    const p = emulator.dataset.ozon.postings.find((x) => x.schema === "FBO" && x.deliveredMs !== null)!;
    const list = async () =>
      (
        (await (
          await post("/v3/posting/fbo/list", {
            filter: { since: p.inProcessAt, to: new Date(p.inProcessMs + 1000).toISOString() },
            limit: 100,
          })
        ).json()) as { postings: Record<string, unknown>[] }
      ).postings.find((x) => x.posting_number === p.json.posting_number);
    try {
      emulator.setNow(new Date(p.inProcessMs - 1000).toISOString());
      expect(await list()).toBeUndefined();
      const key = `${String(p.json.posting_number)}/${String((p.json.products as { sku: number }[])[0].sku)}`;
      emulator.setNow(new Date(p.deliveredMs! - 1000).toISOString());
      expect((await list())?.status).toBe("delivering");
      expect(emulator.truth.ozon.orderLines.get(key)).toMatchObject({ kind: "order", settled: false });
      emulator.setNow(new Date(p.deliveredMs!).toISOString());
      expect((await list())?.status).toBe("delivered");
      expect(emulator.truth.ozon.orderLines.get(key)).toMatchObject({ kind: "sale", settled: true });
    } finally {
      atDefault();
    }
  });
});

describe("emulator dataset", () => {
  it("generates every WB sellerOperName the reference's line shapes need, and loyalty fields", () => {
    const d = buildDataset({ seed: 11, skus: 40, days: 30, warehouses: 3, endDate: "2026-11-20" });
    const opers = new Set(d.wb.finance.map((l) => l.sellerOperName));
    for (const name of [
      "Продажа",
      "Возврат",
      "Логистика",
      "Логистика сторно",
      "Коррекция логистики",
      "Хранение",
      "Пересчет хранения",
      "Платная приемка",
      "Штраф",
      "Удержание",
      "Коррекция продаж",
      "Сторно продаж",
      "Корректная продажа",
      "Сторно возвратов",
      "Корректный возврат",
      "Компенсация ущерба",
      "Добровольная компенсация при возврате",
    ])
      expect(opers, name).toContain(name);
    const sales = d.wb.finance.filter((l) => l.sellerOperName === "Продажа");
    for (const field of [
      "cashbackAmount",
      "cashbackDiscount",
      "cashbackCommissionChange",
      "installmentCofinancingAmount",
    ])
      expect(
        sales.some((l) => Number(l[field]) > 0),
        field,
      ).toBe(true);
    const bonuses = d.wb.finance.map((l) => String(l.bonusTypeName));
    expect(bonuses.some((b) => b.includes("ВБ.Продвижение"))).toBe(true);
    expect(bonuses).toContain("Погашение задолженности");
    expect(d.wb.finance.some((l) => l.sellerOperName === "Штраф" && Number(l.nmId) > 0)).toBe(true);
    expect(d.wb.finance.some((l) => l.sellerOperName === "Штраф" && Number(l.nmId) === 0)).toBe(true);
    // the same seed gives the same world
    const again = buildDataset({ seed: 11, skus: 40, days: 30, warehouses: 3, endDate: "2026-11-20" });
    expect(JSON.stringify(again.wb.finance)).toBe(JSON.stringify(d.wb.finance));
    expect(again.truth.ozon.units).toEqual(d.truth.ozon.units);
  });
});
