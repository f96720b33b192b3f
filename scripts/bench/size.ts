// The dataset sizes a bench runs at: `--skus 2000,10000 --stores 2,10 --days 400` gives two sizes
// (the lists are read position by position; a single value applies to every size), each measured in
// the same run and printed side by side, so a noisy shared host raises both columns alike.
import fs from "node:fs";
import { parseArgs } from "../cli";

export interface BenchSize {
  skus: number;
  /** stores, alternating WB and Ozon: 10 = 5 WB + 5 Ozon; SKU i belongs to store i mod stores */
  stores: number;
  /** days of history (pages: of facts; recalc: the first recalculation's range) */
  days: number;
}

export const sizeLabel = (s: BenchSize) => `${s.skus.toLocaleString("en")} SKUs, ${s.stores} stores, ${s.days} days`;

function list(value: string | true | undefined, name: string): number[] | undefined {
  if (value === undefined) return undefined;
  if (value === true) throw new Error(`--${name} needs a value, e.g. --${name} 2000,10000`);
  const numbers = value.split(",").map((v) => Number(v.trim()));
  if (numbers.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--${name} takes whole numbers above zero, separated by commas; got "${value}"`);
  return numbers;
}

/** The sizes named by --skus/--stores/--days in argv, else `defaults`. Other flags are rejected. */
export function parseBenchSizes(argv: string[], defaults: BenchSize[]): BenchSize[] {
  const args = parseArgs(argv);
  const unknown = Object.keys(args).filter((k) => !["skus", "stores", "days"].includes(k));
  if (unknown.length > 0) throw new Error(`unknown option(s): ${unknown.map((k) => `--${k}`).join(", ")}`);
  const skus = list(args.skus, "skus");
  const stores = list(args.stores, "stores");
  const days = list(args.days, "days");
  if (!skus && !stores && !days) return defaults;
  const n = Math.max(skus?.length ?? 1, stores?.length ?? 1, days?.length ?? 1);
  for (const [name, values] of [
    ["skus", skus],
    ["stores", stores],
    ["days", days],
  ] as const)
    if (values && values.length !== 1 && values.length !== n)
      throw new Error(`--${name} lists ${values.length} values, another option lists ${n}: give one or ${n}`);
  const pick = (values: number[] | undefined, i: number, fallback: number) =>
    values ? values[values.length === 1 ? 0 : i] : fallback;
  return Array.from({ length: n }, (_, i) => {
    const size = {
      skus: pick(skus, i, defaults[0].skus),
      stores: pick(stores, i, defaults[0].stores),
      days: pick(days, i, defaults[0].days),
    };
    if (size.stores > size.skus) throw new Error(`${size.stores} stores need at least as many SKUs`);
    return size;
  });
}

/** Prints `rows` (a metric per row, one value per size) as a table with a column per size. */
export function printSideBySide(sizes: BenchSize[], rows: [string, ...string[]][]): void {
  const header = ["", ...sizes.map(sizeLabel)];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? "").padEnd(widths[i])).join("  ");
  console.log(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}\n${rows.map(line).join("\n")}`);
}

/** The share of time some task waited for a CPU (Linux PSI, "some"), over 10 and 60 s. */
export function cpuPressureText(): string {
  try {
    const match = /some avg10=([\d.]+) avg60=([\d.]+)/.exec(fs.readFileSync("/proc/pressure/cpu", "utf8"));
    return match ? `${match[1]} % (10 s), ${match[2]} % (60 s)` : "n/a";
  } catch {
    return "n/a";
  }
}
