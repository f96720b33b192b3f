// Upgrades: a database at the previous release's schema, holding data, is migrated to this version
// without losing a row or a value of what users entered and the marketplaces sent; the derived tables
// this release reshapes (daily sales, metrics; cash flows became finance lines) are rebuilt from the
// raw records on the first start. With PostgreSQL the server refuses to serve it before migrating.
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { migrationsPrefix } from "@/db/backup";
import { getMigrationState, migrateDatabase, readJournal } from "@/db/migrate";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/lib/testing/database";
import { migrationsFolder } from "@/db";
import { pendingMigrationsProblem } from "@/lib/server-boot";
import { rebuildAfterUpgrade } from "@/lib/jobs/rebuild-after-upgrade";

/** Derived tables the newest migration empties (or drops) for the start-up rebuild to fill. */
const REBUILT = ["daily_sales", "metrics_daily", "metrics_store_daily", "metrics_sku_cumulative", "cashflows"];
/** Derived tables this release drops: the restock planner's restock_advice replaces advice_supply. */
const DROPPED = ["advice_supply"];

const tags = readJournal().entries.map((e) => e.tag);
/**
 * the schema of the release before this one: every migration before the one that reshaped the facts
 * (0006); later migrations of this release (0007 adds the demand facts) run in the upgrade as well
 */
const previous = tags.slice(0, tags.indexOf("0006_order-and-finance-lines"));

/** Each table's rows over the columns it had before the upgrade, independent of order. */
async function fingerprint(db: TestDatabase["db"], columns: Map<string, string[]>) {
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const [table, cols] of columns) {
    const list = cols.map((c) => `"${c}"`).join(", ");
    const [row] = rowsOf<{ rows: number; digest: string | null }>(
      await db.execute(
        sql.raw(`select count(*)::int as rows,
          md5(coalesce(string_agg(r, E'\\n' order by r), '')) as digest
          from (select row(${list})::text as r from "${table}") t`),
      ),
    );
    out[table] = { rows: Number(row.rows), digest: row.digest ?? "" };
  }
  return out;
}

describe.each(testDatabaseKinds())("upgrading from the previous release on %s", (kind) => {
  let database: TestDatabase;
  let columns: Map<string, string[]>;
  let before: Awaited<ReturnType<typeof fingerprint>>;

  beforeAll(async () => {
    database = await createTestDatabase(kind, { migrate: false });
    const folder = migrationsPrefix(migrationsFolder, previous);
    try {
      await migrateDatabase(database, folder);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    const db = database.db;
    await db.execute(sql`insert into users (email, name, password_hash, role) values
      ('owner@example.com', 'Анна', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', 'owner')`);
    const [{ id: account }] = rowsOf<{ id: number }>(
      await db.execute(sql`insert into accounts (marketplace, name) values ('WB', 'Мой магазин') returning id`),
    );
    await db.execute(sql`insert into sku (account_id, marketplace, nm_id, article, name, category) values
      (${account}, 'WB', 9007199254740993, 'CUP-1', 'Кружка', 'Посуда'),
      (${account}, 'WB', 12345, 'PLATE', 'Тарелка', 'Посуда')`);
    await db.execute(sql`insert into cost_price_history (sku_id, dt_from, cost_price)
      select id, '2026-11-01', 1234567890.12 from sku`);
    await db.execute(sql`insert into daily_sales (d, sku_id, warehouse_id, qty, revenue_gross, commission_amount, channel, is_settled, src_hash)
      select d::date, s.id, null, 3, 999999999999.99, 0.01, 'FBO', true, 'h'
      from generate_series('2026-11-01'::date, '2026-11-30'::date, '1 day') d, sku s`);
    // what WB sent, kept raw: a sale on the 10th and the finance line that settles it on the 11th
    await db.execute(sql`insert into raw_records (account_id, source, natural_key, payload, payload_hash, d, version) values
      (${account}, 'wb_sales', 'S1', ${JSON.stringify({
        saleID: "S1",
        srid: "r1",
        date: "2026-11-10T12:00:00",
        lastChangeDate: "2026-11-10T12:00:00",
        nmId: 12345,
        priceWithDisc: 1000,
        forPay: 850,
        finishedPrice: 900,
      })}::jsonb, 'h1', '2026-11-10', '2026-11-10T12:00:00'),
      (${account}, 'wb_finance', '1', ${JSON.stringify({
        rrdId: 1,
        reportId: 77,
        rrDate: "2026-11-11",
        nmId: 12345,
        srid: "r1",
        docTypeName: "Продажа",
        sellerOperName: "Продажа",
        quantity: 1,
        retailPriceWithDisc: "1000",
        forPay: "850",
        acquiringFee: "20",
      })}::jsonb, 'h2', '2026-11-11', null)`);
    await db.execute(sql`insert into audit_log (user_id, user_email, action, entity, entity_id, after)
      values (1, 'owner@example.com', 'cost_price.import', 'cost_price', null, '{"count": 2}'::jsonb)`);
    columns = new Map();
    for (const c of rowsOf<{ table_name: string; column_name: string }>(
      await db.execute(sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position`),
    )) {
      columns.set(c.table_name, [...(columns.get(c.table_name) ?? []), c.column_name]);
    }
    before = await fingerprint(db, columns);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("the server refuses to serve the old schema and names the command", async () => {
    expect(previous.length).toBeGreaterThan(0);
    const problem = await pendingMigrationsProblem(database);
    expect(problem).toContain("npm run db:migrate");
    expect(problem).toContain(tags.at(-1));
  });

  it("migrating keeps every row and value of the previous release, and the server may serve it", async () => {
    for (const table of ["users", "accounts", "sku", "cost_price_history", "daily_sales", "audit_log"]) {
      expect(before[table]?.rows, table).toBeGreaterThan(0);
    }
    const isKept = (table: string) => !REBUILT.includes(table) && !DROPPED.includes(table);
    const kept = new Map([...columns].filter(([table]) => isKept(table)));
    const keptBefore = Object.fromEntries(Object.entries(before).filter(([table]) => isKept(table)));
    expect(keptBefore.raw_records?.rows).toBe(2);
    await migrateDatabase(database);
    expect((await getMigrationState(database)).upToDate).toBe(true);
    expect(await pendingMigrationsProblem(database)).toBeNull();
    expect(await fingerprint(database.db, kept)).toEqual(keptBefore);
    // migrating again changes nothing
    await migrateDatabase(database);
    expect(await fingerprint(database.db, kept)).toEqual(keptBefore);
  });

  it("the first start rebuilds the facts from the raw records, without a call to the marketplace", async () => {
    expect(await rebuildAfterUpgrade(database.db, "Europe/Moscow")).toBe(true);
    // settled on the 11th: sales 1000, commission -(1000 - 850 - 20) = -130, acquiring -20; nothing left on the 10th
    const rows = rowsOf<Record<string, string | number>>(
      await database.db.execute(sql`select ds.d::text as d, ds.qty, ds.sales::text as sales,
          ds.commission::text as commission, ds.acquiring::text as acquiring, ds.is_settled
        from daily_sales ds join sku s on s.id = ds.sku_id where s.nm_id = 12345 order by ds.d`),
    );
    expect(rows).toEqual([
      { d: "2026-11-11", qty: 1, sales: "1000.00", commission: "-130.00", acquiring: "-20.00", is_settled: true },
    ]);
    // a second start finds the facts in place and does nothing
    expect(await rebuildAfterUpgrade(database.db, "Europe/Moscow")).toBe(false);
  });
});
