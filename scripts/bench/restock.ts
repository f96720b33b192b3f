// Restock backtest:  npm run bench -- restock   (or npx tsx scripts/bench/restock.ts)
// Replays BENCH_RESTOCK_SKUS (default 600) SKUs of known true demand (steady, trending, seasonal,
// intermittent, promotion spikes, a supplier outage, 70 % of them announced ahead and entered as a
// supplier closure) over 400 days of history and 180 scored days,
// with nominal lead times of 7-30 days and actual ones ±20 %. Sovani's planner and the first formula
// (sv × window + 1.5 σ √window − on hand − in transit, as generate-supply-advice had it) each run the
// same demand; each evening they see only the censored orders, the closing snapshot and the inbound,
// and the planner of past supplies only their road part (shipped -> arrived), as the product reads it
// from its closed supply plans.
// Deterministic (seed BENCH_RESTOCK_SEED, default 20); nothing here asserts a time.
import { fileURLToPath } from "node:url";
import {
  ANNOUNCED_DAYS_AHEAD,
  ANNOUNCED_SHARE,
  firstFormulaPolicy,
  generateSkus,
  PATTERNS,
  type Policy,
  type SimOptions,
  simulateSku,
  type SkuOutcome,
  sovaniPolicy,
} from "./restock-sim";

interface Summary {
  fill: number;
  stockOutDays: number;
  inventoryDays: number;
  lostTrue: number;
  lostEstimate: number;
  lostError: number;
  orders: number;
}

function summarise(outcomes: SkuOutcome[], estimate: "estimatedLost" | "naiveLost"): Summary {
  const sum = (f: (o: SkuOutcome) => number) => outcomes.reduce((a, o) => a + f(o), 0);
  const demanded = sum((o) => o.demanded);
  const lostTrue = sum((o) => o.trueLost);
  const lostEstimate = sum((o) => o[estimate]);
  return {
    fill: sum((o) => o.sold) / demanded,
    stockOutDays: sum((o) => o.stockOutDays),
    // average closing stock ÷ average daily demand
    inventoryDays: sum((o) => o.inventoryUnitDays) / demanded,
    lostTrue,
    lostEstimate,
    lostError: lostTrue > 0 ? (lostEstimate - lostTrue) / lostTrue : 0,
    orders: sum((o) => o.orders),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export interface RestockBacktest {
  options: SimOptions;
  runs: { name: string; outcomes: SkuOutcome[]; summary: Summary; crossLostError: number }[];
}

export function runRestockBacktest(options: SimOptions): RestockBacktest {
  const skus = generateSkus(options);
  const policies: [string, Policy, "estimatedLost" | "naiveLost"][] = [
    ["Sovani planner", sovaniPolicy, "estimatedLost"],
    ["first formula, 28 d", firstFormulaPolicy(28), "naiveLost"],
    ["first formula, 14 d", firstFormulaPolicy(14), "naiveLost"],
  ];
  return {
    options,
    runs: policies.map(([name, policy, estimate]) => {
      const outcomes = skus.map((sku) => simulateSku(sku, policy, options));
      const corrected = summarise(outcomes, "estimatedLost");
      return { name, outcomes, summary: summarise(outcomes, estimate), crossLostError: corrected.lostError };
    }),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "))
    .join("\n");
}

export async function benchRestock(): Promise<void> {
  const options: SimOptions = {
    skus: Number(process.env.BENCH_RESTOCK_SKUS ?? 600),
    warmupDays: 400,
    scoredDays: 180,
    seed: Number(process.env.BENCH_RESTOCK_SEED ?? 20),
    coverDays: Number(process.env.BENCH_RESTOCK_COVER ?? 14),
  };
  const result = runRestockBacktest(options);
  console.log(
    `${options.skus} SKUs (${PATTERNS.join(", ")}; ${Math.round(ANNOUNCED_SHARE * 100)} % of outages announced ${ANNOUNCED_DAYS_AHEAD} d ahead), ${options.scoredDays} scored days after ${options.warmupDays} of history, lead 7-30 d ±20 % (σL from the road part only), cover ${options.coverDays} d, service level 95 %, seed ${options.seed}`,
  );
  const head = ["", ...result.runs.map((r) => r.name)];
  const rows = [
    head,
    ["fill rate (sold ÷ demanded)", ...result.runs.map((r) => pct(r.summary.fill))],
    ["stock-out days (SKU-days at 0)", ...result.runs.map((r) => String(r.summary.stockOutDays))],
    ["average inventory, days of demand", ...result.runs.map((r) => r.summary.inventoryDays.toFixed(1))],
    ["orders placed", ...result.runs.map((r) => String(r.summary.orders))],
    ["lost units, truth", ...result.runs.map((r) => r.summary.lostTrue.toFixed(0))],
    ["lost units, the policy's estimate", ...result.runs.map((r) => r.summary.lostEstimate.toFixed(0))],
    ["lost-sales estimate error", ...result.runs.map((r) => pct(r.summary.lostError))],
    ["corrected estimator on this run", ...result.runs.map((r) => pct(r.crossLostError))],
  ];
  console.log(table(rows));
  console.log("\nfill rate by pattern");
  console.log(
    table([
      head,
      ...PATTERNS.map((p) => [
        p,
        ...result.runs.map((r) => {
          const s = summarise(
            r.outcomes.filter((o) => o.pattern === p),
            "estimatedLost",
          );
          return `${pct(s.fill)} / ${s.inventoryDays.toFixed(1)} d`;
        }),
      ]),
    ]),
  );
  // where the lost-sales estimate misses: per pattern on Sovani's run
  console.log("\nSovani planner's lost units by pattern");
  console.log(
    table([
      ["", "truth", "estimate", "error"],
      ...PATTERNS.map((p) => {
        const s = summarise(
          result.runs[0].outcomes.filter((o) => o.pattern === p),
          "estimatedLost",
        );
        return [p, s.lostTrue.toFixed(0), s.lostEstimate.toFixed(0), pct(s.lostError)];
      }),
    ]),
  );
  // the cover days trade inventory for orders: Sovani alone at other covers, same SKUs and demand
  const skus = generateSkus(options);
  const sweep = [7, 10, 14, 21].map((coverDays) => {
    const o = { ...options, coverDays };
    const s = summarise(
      skus.map((sku) => simulateSku(sku, sovaniPolicy, o)),
      "estimatedLost",
    );
    return [`cover ${coverDays} d`, pct(s.fill), s.inventoryDays.toFixed(1), String(s.orders), pct(s.lostError)];
  });
  console.log("\nSovani planner by cover days");
  console.log(table([["", "fill", "inventory, d", "orders", "lost-sales error"], ...sweep]));
  // what entering closures buys: the same SKUs with none of the outages announced, and with all of them
  const byShare = [0, ANNOUNCED_SHARE, 1].map((announcedShare) => {
    const o = { ...options, announcedShare };
    const outcomes = generateSkus(o).map((sku) => simulateSku(sku, sovaniPolicy, o));
    const all = summarise(outcomes, "estimatedLost");
    const outage = summarise(
      outcomes.filter((x) => x.pattern === "outage"),
      "estimatedLost",
    );
    return [
      `${Math.round(announcedShare * 100)} % announced`,
      pct(all.fill),
      all.inventoryDays.toFixed(1),
      pct(outage.fill),
    ];
  });
  console.log("\nSovani planner by the share of supplier closures announced and entered");
  console.log(table([["", "fill", "inventory, d", "outage SKUs' fill"], ...byShare]));
  const [ours, first28] = result.runs;
  console.log(
    `\ntargets: fill ${pct(ours.summary.fill)} ≥ 97 % ${ours.summary.fill >= 0.97 ? "met" : "MISSED"}; ` +
      `inventory ${ours.summary.inventoryDays.toFixed(1)} d ≤ first formula's ${first28.summary.inventoryDays.toFixed(1)} d ${ours.summary.inventoryDays <= first28.summary.inventoryDays ? "met" : "MISSED"}; ` +
      `lost-sales error ${pct(ours.summary.lostError)} within 15 % ${Math.abs(ours.summary.lostError) <= 0.15 ? "met" : "MISSED"} ` +
      `(the same estimator on the first formula's run, with ${first28.summary.stockOutDays} stock-out days: ${pct(first28.crossLostError)})`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchRestock().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
