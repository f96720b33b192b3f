// An accrual by-day last_id lives 15 minutes on Ozon. A run that stopped mid-day and resumes later must
// restart that day rather than send the expired last_id (which Ozon, and the emulator, answer with 400).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { OzonClient } from "@/lib/marketplaces/ozon/client";
import { ensureEnvAccounts } from "@/lib/services/accounts/ensure-env-accounts";
import { marketplaceConfigForEmulator } from "./config";
import { FAST_RESILIENCE, syncFromEmulator } from "./testing/emulator-sync";
import { readCursor, writeCursor } from "./write";
import { useEmulator } from "@/lib/emulator/use-emulator";

const fast = { ...FAST_RESILIENCE, maxAttempts: 2 } as const;

describe.each(testDatabaseKinds())("accrual cursor older than last_id's lifetime on %s", (kind) => {
  const database = useTestDatabase(kind);

  const emulator = useEmulator({
    seed: 5,
    skus: 8,
    days: 3,
    warehouses: 2,
    endDate: "2026-11-20",
    pageSizes: { ozonAccruals: 3 },
    ozonLastIdTtlMs: 4000,
  });

  it("restarts the day instead of failing with 400", async () => {
    const config = marketplaceConfigForEmulator(emulator);
    const { from, to } = emulator.truth;
    // a last_id from the middle of the first day, as a run stopped there would have stored it
    const client = new OzonClient(emulator.ozonClientId, emulator.ozonApiKey, emulator.url, fast);
    const first = await client.accrualsByDay(from, "");
    expect(first.lastId).not.toBe("");
    await new Promise((r) => setTimeout(r, 4100));
    await expect(client.accrualsByDay(from, first.lastId)).rejects.toThrow(/HTTP 400: last_id is expired/);

    await ensureEnvAccounts(database.db, config);
    const [{ id: accountId }] = rowsOf<{ id: number }>(
      await database.db.execute(sql`select id from accounts where marketplace = 'OZON'`),
    );
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000).toISOString();
    await writeCursor(
      database.db,
      undefined,
      accountId,
      "ozon_accruals",
      JSON.stringify({ from, to, day: from, lastId: first.lastId, done: false, at: twentyMinutesAgo }),
    );

    const summary = await syncFromEmulator(database.db, emulator, {
      marketplace: "OZON",
      sources: ["ozon_accruals"],
      resilience: fast,
    });
    const accruals = summary.runs[0].sources.ozon_accruals;
    expect(accruals.status, accruals.error).toBe("succeeded");
    // every accrual of every day was read, the restarted day included
    const expected = [...emulator.dataset.ozon.accruals.entries()]
      .filter(([d]) => d >= from && d <= to)
      .reduce((n, [, list]) => n + list.length, 0);
    const [{ n }] = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from raw_records where source = 'ozon_accruals' and account_id = ${accountId}::int`,
      ),
    );
    expect(n).toBe(expected);
    expect(JSON.parse((await readCursor(database.db, accountId, "ozon_accruals"))!)).toMatchObject({ done: true });
  });
});
