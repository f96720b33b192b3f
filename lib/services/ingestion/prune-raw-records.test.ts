// Raw payload retention deletes exactly the records before the window (by business day, else by the
// day fetched), in chunks, and keeps what a rebuild inside the window needs; a rebuild asked for days
// before the window is refused with the first day kept.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Db, rowsOf } from "@/db";
import { AppError } from "@/lib/errors";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { insertAccount } from "@/lib/testing/pnl-fixtures";
import { checkRebuildRange, pruneRawRecords } from "./prune-raw-records";

const TODAY = "2026-12-05";
const TZ = "Europe/Moscow";

async function insertRaw(
  db: Db,
  accountId: number,
  key: string,
  d: string | null,
  fetchedAt = "2026-12-01T10:00:00Z",
  source = "wb_sales",
) {
  await db.execute(sql`
    INSERT INTO raw_records (account_id, source, natural_key, payload, payload_hash, d, fetched_at)
    VALUES (${accountId}, ${source}, ${key}, '{}'::jsonb, ${key}, ${d}::date, ${fetchedAt}::timestamptz)`);
}

describe.each(testDatabaseKinds())("raw payload retention (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("deletes the records before the window in chunks and keeps the rest", async () => {
    const db = database.db;
    const store = await insertAccount(db, "WB", "WB store");
    // 400 days kept: the window starts on 2025-10-31
    await insertRaw(db, store, "old-1", "2025-01-10");
    await insertRaw(db, store, "old-2", "2025-10-30");
    await insertRaw(db, store, "edge", "2025-10-31");
    await insertRaw(db, store, "new", "2026-12-04");
    // no business day: the day it was fetched (Moscow) decides; 2025-10-30 21:30 UTC is 31 Oct in Moscow
    await insertRaw(db, store, "nod-old", null, "2025-10-29T10:00:00Z");
    await insertRaw(db, store, "nod-edge", null, "2025-10-30T21:30:00Z");
    for (let i = 0; i < 5; i++) await insertRaw(db, store, `filler-${i}`, "2026-06-01");
    // another source of the store and another store: each (store, source) is pruned along its index
    await insertRaw(db, store, "cards-old", null, "2025-01-01T10:00:00Z", "wb_cards");
    await insertRaw(db, store, "cards-new", null, "2026-12-04T10:00:00Z", "wb_cards");
    const other = await insertAccount(db, "OZON", "Ozon store");
    await insertRaw(db, other, "oz-old", "2025-05-05", undefined, "ozon_postings_fbo");
    await insertRaw(db, other, "oz-new", "2026-05-05", undefined, "ozon_postings_fbo");

    const result = await pruneRawRecords(db, { today: TODAY, keepDays: 400, timeZone: TZ, chunkSize: 2 });
    // wb_sales: 3 old in chunks of 2 (2, then 1); wb_cards and the Ozon source: 1 each
    expect(result).toEqual({ keptFrom: "2025-10-31", deleted: 5, chunks: 4 });
    const left = rowsOf<{ natural_key: string }>(
      await db.execute(sql`SELECT natural_key FROM raw_records ORDER BY natural_key`),
    )
      .map((r) => r.natural_key)
      .sort();
    expect(left).toEqual([
      "cards-new",
      "edge",
      "filler-0",
      "filler-1",
      "filler-2",
      "filler-3",
      "filler-4",
      "new",
      "nod-edge",
      "oz-new",
    ]);
    // a second run finds nothing more
    expect((await pruneRawRecords(db, { today: TODAY, keepDays: 400, timeZone: TZ })).deleted).toBe(0);
  });

  it("refuses a rebuild before the window and names the first day kept", () => {
    expect(() => checkRebuildRange("2025-10-31", TODAY, 400)).not.toThrow();
    expect(() => checkRebuildRange(undefined, TODAY, 400)).not.toThrow();
    expect(() => checkRebuildRange("2025-10-30", TODAY, 400)).toThrow(AppError);
    expect(() => checkRebuildRange("2025-10-30", TODAY, 400)).toThrow(/first day that can be rebuilt is 2025-10-31/);
  });
});
