// npm run pnl -- --from YYYY-MM-DD --to YYYY-MM-DD [--store ID | --marketplace wb|ozon] [--format table|json|csv]
// Prints the P&L statement of the period (lib/services/pnl/statement.ts): the twelve lines, net sales,
// payout, COGS and gross profit, money with 2 decimals and costs negative.
import { percentOf } from "@/lib/domain/money";
import { PNL_LINES } from "@/lib/domain/pnl-lines";
import { type PnlStatement, pnlStatement } from "@/lib/services/pnl/statement";
import { parseOptions, runCli } from "./cli";
import { marketplaceArg, requireRange, storeArg, withStoreScope } from "./pnl-args";

const USAGE =
  "usage: npm run pnl -- --from YYYY-MM-DD --to YYYY-MM-DD [--store ID | --marketplace wb|ozon] [--format table|json|csv]";

type Format = "table" | "json" | "csv";

/** The statement's rows in order: the twelve lines, then the totals. */
function statementRows(s: PnlStatement) {
  const pct = (amount: string) => percentOf(amount, s.netSales, { positive: true });
  return [
    ...PNL_LINES.map((line) => ({
      key: line,
      amount: s.lines[line].total,
      percent: s.lines[line].percentOfNetSales,
      sku: s.lines[line].skuLevel,
      store: s.lines[line].storeLevel,
      estimated: s.lines[line].estimated,
    })),
    { key: "net_sales", amount: s.netSales, percent: pct(s.netSales), sku: "", store: "", estimated: "" },
    {
      key: "payout",
      amount: s.payout,
      percent: pct(s.payout),
      sku: s.skuLevelPayout,
      store: s.storeLevelPayout,
      estimated: "",
    },
    { key: "cogs", amount: s.cogs, percent: pct(s.cogs), sku: s.cogs, store: "0.00", estimated: "" },
    { key: "gross_profit", amount: s.grossProfit, percent: pct(s.grossProfit), sku: "", store: "", estimated: "" },
  ];
}

runCli(async () => {
  const args = parseOptions(process.argv.slice(2), ["from", "to", "store", "marketplace", "format"], USAGE);
  if (!args) return 0;
  const { from, to } = requireRange(args, USAGE);
  const store = storeArg(args, USAGE);
  const marketplace = marketplaceArg(args, USAGE);
  if (store !== null && marketplace) throw new Error(`--store and --marketplace cannot be combined\n${USAGE}`);
  const format = args.format ?? "table";
  if (format !== "table" && format !== "json" && format !== "csv")
    throw new Error(`--format must be table, json or csv\n${USAGE}`);

  return withStoreScope(store, async (db, accountIds) => {
    print(await pnlStatement(db, { from, to, accountIds, marketplace }), format as Format);
  });
});

function print(s: PnlStatement, format: Format) {
  if (format === "json") {
    const lines: Record<string, string> = {};
    for (const line of PNL_LINES) lines[line] = s.lines[line].total;
    lines.net_sales = s.netSales;
    lines.payout = s.payout;
    lines.cogs = s.cogs;
    lines.gross_profit = s.grossProfit;
    console.log(JSON.stringify({ from: s.from, to: s.to, lines }));
    return;
  }
  const rows = statementRows(s);
  if (format === "csv") {
    console.log("line,amount,percent_of_net_sales,sku_level,store_level,estimated");
    for (const r of rows) console.log([r.key, r.amount, r.percent ?? "", r.sku, r.store, r.estimated].join(","));
    return;
  }
  const header = ["line", "amount", "% net sales", "SKU level", "store level", "estimated"];
  const table = [
    header,
    ...rows.map((r) => [r.key, r.amount, r.percent ?? "", r.sku, r.store, r.estimated === "0.00" ? "" : r.estimated]),
  ];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  console.log(`P&L ${s.from}..${s.to}`);
  for (const [i, row] of table.entries()) {
    console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
    if (i === 0 || i === PNL_LINES.length) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
  const or = (v: string | null) => (v === null ? "n/a" : `${v} %`);
  console.log("");
  console.log(
    `margin ${or(s.margin)} over net sales with a cost price ${s.netSalesWithCost} (coverage ${or(s.costCoverage)}); ROI ${or(s.roi)}`,
  );
  if (s.provisionalSales !== "0.00")
    console.log(`provisional (not settled yet): ${s.provisionalSales} of net sales (${or(s.provisionalShare)})`);
  if (!s.hasData) console.log("no metrics or finance lines in the period: run npm run sync / npm run recalc first");
}
