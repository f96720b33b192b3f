// npm run demo [-- --port 3100 --skus 60 --days 120 --seed 42 --dir .data/demo]
// A self-contained demo: starts the marketplace emulator, syncs its data into a SEPARATE demo
// database through the real pipeline (HTTP clients, ingestion, recalculation, supply advice), enters
// cost prices through the real import and a commission rule through the real service (as a seller
// would), creates a demo owner, and runs the app on it with DEMO_MODE (a banner on every page).
// The user's database (DATABASE_URL / PGLITE_DIR) is never opened.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { marketplaces } from "@/db/schema";
import { addDays } from "@/lib/domain/dates";
import { startEmulator } from "@/lib/emulator/server";
import { saveCommissionRule } from "@/lib/services/commission-rules/save-commission-rule";
import { importCostPrices } from "@/lib/services/cost-prices/import-cost-prices";
import { marketplaceConfigForEmulator, marketplaceEnvForEmulator } from "@/lib/services/ingestion/config";
import { runRecalculation } from "@/lib/services/metrics/run-recalculation";
import { syncStores } from "@/lib/services/sync-stores";
import { createUser } from "@/lib/services/users/create-user";
import { parseArgs, runCli } from "./cli";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function positive(args: Record<string, string | true>, name: string, fallback: number): number {
  const v = args[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
}

function needsBuild(distDir: string): boolean {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const newest = (dir: string): number => {
    if (!fs.existsSync(dir)) return 0;
    let n = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      const full = path.join(dir, e.name);
      n = Math.max(n, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
    }
    return n;
  };
  return Math.max(...["app", "components", "lib", "db"].map((d) => newest(path.join(root, d)))) > built;
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  const port = positive(args, "port", 3100);
  const skus = positive(args, "skus", 60);
  const days = positive(args, "days", 120);
  const seed = positive(args, "seed", 42);
  const dir = path.resolve(root, typeof args.dir === "string" ? args.dir : ".data/demo");
  const pgliteDir = path.join(dir, "pglite");

  // never the user's database
  const userDir = process.env.PGLITE_DIR
    ? path.resolve(root, process.env.PGLITE_DIR)
    : path.resolve(root, ".data/pglite");
  if (pgliteDir === userDir || dir === userDir || userDir.startsWith(`${dir}${path.sep}`)) {
    throw new Error(`--dir ${dir} would hold the app's own database (${userDir}); choose another directory`);
  }

  console.log(`Starting the marketplace emulator (${skus} SKUs x ${days} days, seed ${seed})...`);
  const emulator = await startEmulator({ seed, skus, days, warehouses: 4, host: "127.0.0.1", port: 0 });
  const truth = emulator.truth;

  console.log(`Preparing a fresh demo database in ${path.relative(root, pgliteDir)}...`);
  fs.rmSync(pgliteDir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const database = await openDatabase({ pgliteDir });
  const email = "demo@sovani.local";
  const password = `demo-${randomBytes(6).toString("hex")}`;
  try {
    await migrateDatabase(database);
    const db = database.db;
    const config = { ...marketplaceConfigForEmulator(emulator), rateLimits: false };

    console.log(`Syncing ${truth.from}..${truth.to} from the emulator through the real clients and ingestion...`);
    const started = Date.now();
    const summary = await syncStores({ db, from: truth.from, to: truth.to, trigger: "demo", config });
    for (const run of summary.runs) console.log(`  ${run.accountName ?? run.accountId}: ${run.status}`);
    console.log(`  synced in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // the seller's own inputs: a commission rule per marketplace and cost prices for most SKUs
    // (every 7th SKU is left without one, so the "no cost price" flow has something to show)
    for (const marketplace of marketplaces) {
      await saveCommissionRule(db, {
        marketplace,
        dtFrom: truth.from,
        rule: { defaultPercent: marketplace === "WB" ? 24 : 20, categories: {}, priceBands: [] },
        today: truth.to,
      });
    }
    const prices = rowsOf<{
      id: number;
      marketplace: string;
      nm_id: string | null;
      ozon_id: string | null;
      unit: string | null;
    }>(
      await db.execute(sql`
        select s.id, s.marketplace, s.nm_id::text as nm_id, s.ozon_id::text as ozon_id,
          (sum(d.sales) / nullif(sum(d.qty), 0))::text as unit
        from sku s left join daily_sales d on d.sku_id = s.id
        group by s.id order by s.id`),
    );
    const lines = ["nm_id;ozon_sku;date;cost"];
    prices.forEach((p, i) => {
      if (i % 7 === 6 || p.unit === null) return;
      const cost = (Math.round(Number(p.unit) * (0.35 + (i % 5) * 0.04) * 100) / 100).toFixed(2);
      lines.push(`${p.nm_id ?? ""};${p.ozon_id ?? ""};${truth.from};${cost}`);
    });
    const imported = await importCostPrices({
      db,
      fileName: "demo-costs.csv",
      bytes: Buffer.from(lines.join("\n"), "utf8"),
      actor: null,
      today: truth.to,
    });
    if (!imported.saved) throw new Error("the demo cost prices did not import");

    // through today: the stock snapshot is today's, so today's advice is the one that sees the stock
    const recalc = await runRecalculation({ db, from: truth.from, to: addDays(truth.to, 1), trigger: "demo" });
    console.log(
      `  metrics: ${recalc.metrics.rows} SKU-days; advice: ${recalc.advice?.rows ?? 0} rows for ${recalc.advice?.d ?? "-"}`,
    );

    await createUser(db, { email, name: "Demo", role: "owner", password, actor: null });
  } finally {
    await database.close();
  }

  const distName = process.env.NEXT_DIST_DIR || ".next";
  const distDir = path.join(root, distName);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distName,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: "",
    PGLITE_DIR: pgliteDir,
    DEMO_MODE: "1",
    AUTH_TRUST_HOST: "true",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    // "Sync now" in the demo talks to the same emulator
    ...marketplaceEnvForEmulator(emulator),
    MARKETPLACE_RATE_LIMITS: "off",
  };
  if (needsBuild(distDir)) {
    console.log(`Building the app into ${distName}...`);
    const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  console.log(`\nSovani demo: http://127.0.0.1:${port}/login`);
  console.log(`  email:    ${email}`);
  console.log(`  password: ${password}`);
  console.log(`  data:     ${truth.from} .. ${truth.to} (generated by the emulator; the "demo data" banner says so)`);
  console.log("Ctrl+C stops the app and the emulator; the demo database is recreated on the next run.\n");
  const code = await new Promise<number>((resolve) => {
    const stop = () => server.kill("SIGTERM");
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    server.once("exit", (c) => resolve(c ?? 0));
  });
  await emulator.stop();
  return code;
});
