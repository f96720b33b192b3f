// The cash flow page's per-day sums: recalculateMetrics rewrites the days it recalculates from
// finance_lines (every non-zero line amount, loan repayments as financing), and leaves other days as
// they were, as the page reads them. Amounts below are the lines' own, summed by hand.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { insertAccount } from "@/lib/testing/pnl-fixtures";
import { recalculateMetrics } from "./recalculate-metrics";

describe.each(testDatabaseKinds())("cash flow per day (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const rows = async () =>
    rowsOf<{ d: string; account_id: number; type: string; amount: string; lines: number }>(
      await database.db.execute(sql`select d::text as d, account_id, type, amount::text as amount, lines
        from cashflow_daily order by d, account_id, type`),
    );
  const recalculate = (from: string, to: string) =>
    recalculateMetrics({ db: database.db, from, to, aggrDaysWb: 7, aggrDaysOzon: 7 });

  it("sums every line amount per store, day and type, and rewrites only the recalculated days", async () => {
    const db = database.db;
    const wb = await insertAccount(db, "WB", "WB store");
    const oz = await insertAccount(db, "OZON", "Ozon store");
    // 11-02 WB: a sale 1000.10 (commission -150) and a logistics line -100.05 with a zero sale;
    // 11-03 WB: storage -70 and -30 on two lines, a loan repayment -500 (financing), a penalty -15;
    // 11-03 Ozon: storage -20
    await db.execute(sql`
      insert into finance_lines (account_id, marketplace, line_key, d, source_type, sales, commission, logistics,
        storage, penalties, deductions_other, src_hash) values
        (${wb}, 'WB', 'a', '2026-11-02', 'Продажа', 1000.10, -150, 0, 0, 0, 0, 'h'),
        (${wb}, 'WB', 'b', '2026-11-02', 'Логистика', 0, 0, -100.05, 0, 0, 0, 'h'),
        (${wb}, 'WB', 'c', '2026-11-03', 'Хранение', 0, 0, 0, -70, 0, 0, 'h'),
        (${wb}, 'WB', 'd', '2026-11-03', 'Хранение', 0, 0, 0, -30, 0, 0, 'h'),
        (${wb}, 'WB', 'e', '2026-11-03', 'Удержание: Погашение по займу (financing)', 0, 0, 0, 0, 0, -500, 'h'),
        (${wb}, 'WB', 'f', '2026-11-03', 'Штраф', 0, 0, 0, 0, -15, 0, 'h'),
        (${oz}, 'OZON', 'g', '2026-11-03', 'storage', 0, 0, 0, -20, 0, 0, 'h')`);
    await recalculate("2026-11-01", "2026-11-05");
    expect(await rows()).toEqual([
      { d: "2026-11-02", account_id: wb, type: "commission", amount: "-150.00", lines: 1 },
      { d: "2026-11-02", account_id: wb, type: "logistics", amount: "-100.05", lines: 1 },
      { d: "2026-11-02", account_id: wb, type: "sales", amount: "1000.10", lines: 1 },
      { d: "2026-11-03", account_id: wb, type: "financing", amount: "-500.00", lines: 1 },
      { d: "2026-11-03", account_id: wb, type: "penalties", amount: "-15.00", lines: 1 },
      { d: "2026-11-03", account_id: wb, type: "storage", amount: "-100.00", lines: 2 },
      { d: "2026-11-03", account_id: oz, type: "storage", amount: "-20.00", lines: 1 },
    ]);
    // a late storage correction on 11-02 and a new line on 11-03: only 11-02 is recalculated, so 11-03
    // keeps its sums until a recalculation covers it
    await db.execute(sql`
      insert into finance_lines (account_id, marketplace, line_key, d, source_type, storage, src_hash) values
        (${wb}, 'WB', 'h', '2026-11-02', 'Хранение', -5.5, 'h'),
        (${oz}, 'OZON', 'i', '2026-11-03', 'storage', -1, 'h')`);
    await recalculate("2026-11-02", "2026-11-02");
    const after = await rows();
    expect(after.filter((r) => r.d === "2026-11-02").map((r) => [r.type, r.amount])).toEqual([
      ["commission", "-150.00"],
      ["logistics", "-100.05"],
      ["sales", "1000.10"],
      ["storage", "-5.50"],
    ]);
    expect(after.find((r) => r.d === "2026-11-03" && r.account_id === oz)?.amount).toBe("-20.00");
    await recalculate("2026-11-03", "2026-11-03");
    expect((await rows()).find((r) => r.d === "2026-11-03" && r.account_id === oz)).toMatchObject({
      amount: "-21.00",
      lines: 2,
    });
  });
});
