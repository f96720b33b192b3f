// Monthly partitioning of the daily tables, measured: daily_sales and metrics_daily as they are against
// the same tables partitioned by month on d (the same constraints, foreign keys and indexes; ids from a
// sequence, since PostgreSQL 15 allows no identity column on a partitioned table; primary key (id, d)),
// each on its own scratch PostgreSQL database with the recalc bench's data. Prints, side by side: loading
// the sales, the first recalculation of --days, the nightly 35 days, a store's 21-day re-read of its sales
// (the settlement window) and one day of metrics_daily (a page's read). The line and raw tables cannot be
// partitioned on the day at all: their unique keys leave it out (README, Benchmarks).
//   npx tsx scripts/bench/partitions.ts [--skus 2000 --stores 2 --days 365]
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { type Db, openDatabase, rowsOf } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/db/scratch-database";
import { addDays } from "@/lib/domain/dates";
import { recalculateMetrics } from "@/lib/services/metrics/recalculate-metrics";
import { seedCatalog, seedFacts } from "./recalc";
import { type BenchSize, parseBenchSizes, sizeLabel } from "./size";

const TO = "2026-11-28";
const NIGHTLY_DAYS = 35;
const READS = 20;

function adminUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"
  );
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The first day of every month from `from`'s month to the month after `to`'s. */
function monthStarts(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m <= addDays(`${to.slice(0, 7)}-01`, 31);) {
    out.push(m);
    m = `${addDays(m, 31).slice(0, 7)}-01`;
  }
  return out;
}

/** Replaces the empty table `name` with one partitioned by month on d over `months`. */
async function partitionByMonth(db: Db, name: string, months: string[]): Promise<void> {
  const plain = `${name}_plain`;
  await db.execute(sql.raw(`ALTER TABLE ${name} RENAME TO ${plain}`));
  const constraints = rowsOf<{ conname: string; def: string }>(
    await db.execute(
      sql.raw(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = '${plain}'::regclass AND contype IN ('u', 'f')`),
    ),
  );
  const indexes = rowsOf<{ def: string }>(
    await db.execute(
      sql.raw(`SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i WHERE i.indrelid = '${plain}'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`),
    ),
  );
  await db.execute(
    sql.raw(`CREATE TABLE ${name} (LIKE ${plain} INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (d)`),
  );
  await db.execute(sql.raw(`CREATE SEQUENCE ${name}_part_id_seq`));
  await db.execute(sql.raw(`ALTER TABLE ${name} ALTER COLUMN id SET DEFAULT nextval('${name}_part_id_seq')`));
  await db.execute(sql.raw(`ALTER TABLE ${name} ADD PRIMARY KEY (id, d)`));
  for (let i = 0; i + 1 < months.length; i++)
    await db.execute(
      sql.raw(`CREATE TABLE ${name}_${months[i].slice(0, 7).replace("-", "_")} PARTITION OF ${name}
        FOR VALUES FROM ('${months[i]}') TO ('${months[i + 1]}')`),
    );
  await db.execute(sql.raw(`DROP TABLE ${plain} CASCADE`));
  // every unique constraint of these tables holds d, as a partitioned table requires
  for (const c of constraints) await db.execute(sql.raw(`ALTER TABLE ${name} ADD CONSTRAINT ${c.conname} ${c.def}`));
  for (const i of indexes) await db.execute(sql.raw(i.def.replace(`public.${plain}`, `public.${name}`)));
}

async function measure(size: BenchSize, partitioned: boolean): Promise<Record<string, string>> {
  const scratch = await createScratchDatabase(adminUrl(), "sovani_bench_partitions");
  const database = await openDatabase({ url: scratch.url, maxConnections: 2 });
  try {
    await migrateDatabase(database);
    const { db } = database;
    const from = addDays(TO, -(size.days + 27 - 1));
    if (partitioned)
      for (const table of ["daily_sales", "metrics_daily"]) await partitionByMonth(db, table, monthStarts(from, TO));
    await seedCatalog(database, size);
    const load = await time(() => seedFacts(database, from, TO));
    const [{ rows }] = rowsOf<{ rows: number }>(await db.execute(sql`SELECT count(*)::int AS rows FROM daily_sales`));
    await db.execute(sql`VACUUM ANALYZE`);
    const recalc = (days: number) =>
      recalculateMetrics({
        db,
        from: addDays(TO, -(days - 1)),
        to: TO,
        aggrDaysWb: 14,
        aggrDaysOzon: 28,
        today: addDays(TO, 1),
      });
    const year = await time(() => recalc(size.days));
    await db.execute(sql`VACUUM ANALYZE`);
    const nightly: number[] = [];
    for (let i = 0; i < 3; i++) nightly.push(await time(() => recalc(NIGHTLY_DAYS)));
    const window: number[] = [];
    const day: number[] = [];
    for (let i = 0; i < READS; i++) {
      window.push(
        await time(() =>
          db.execute(sql`SELECT sku_id, sum(qty), sum(sales) FROM daily_sales
            WHERE account_id = 1 AND d BETWEEN ${addDays(TO, -20)}::date AND ${TO}::date GROUP BY sku_id`),
        ),
      );
      day.push(
        await time(() =>
          db.execute(sql`SELECT count(*), sum(profit) FROM metrics_daily WHERE d = ${addDays(TO, -i)}::date`),
        ),
      );
    }
    return {
      [`loading ${rows.toLocaleString("en")} sales rows`]: `${(load / 1000).toFixed(1)} s`,
      [`first recalculation, ${size.days} days`]: `${(year / 1000).toFixed(1)} s`,
      [`nightly recalculation, ${NIGHTLY_DAYS} days (median of 3)`]: `${(median(nightly) / 1000).toFixed(2)} s`,
      "one store's 21 days of sales (median)": `${median(window).toFixed(1)} ms`,
      "one day of metrics_daily (median)": `${median(day).toFixed(1)} ms`,
    };
  } finally {
    await database.close();
    await scratch.drop();
  }
}

/** npm run bench -- partitions [--skus ... --stores ... --days ...]: each size as it is, then partitioned. */
export async function benchPartitions(argv: string[] = []): Promise<void> {
  for (const size of parseBenchSizes(argv, [{ skus: 2000, stores: 2, days: 365 }])) {
    console.log(`\n## daily tables as they are and partitioned by month, ${sizeLabel(size)}`);
    const plain = await measure(size, false);
    const partitioned = await measure(size, true);
    const keys = Object.keys(plain);
    const width = Math.max(...keys.map((k) => k.length));
    console.log(`${"".padEnd(width)}  as they are  partitioned`);
    for (const k of keys) console.log(`${k.padEnd(width)}  ${plain[k].padEnd(11)}  ${partitioned[k]}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchPartitions(process.argv.slice(2)).catch((error: Error) => {
    console.error(`partitions bench failed: ${error.message}`);
    process.exit(1);
  });
}
