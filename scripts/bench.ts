// npm run bench [-- sync|recalc|pages|partitions|restock ...] [--skus 2000,10000 --stores 2,10 --days 400] — runs
// the benchmarks (all by default) and prints their numbers; recalc and pages take the sizes (see bench/size.ts).
// They compare ratios measured in one run (the machines are shared and noisy); nothing here asserts a time.
import { benchPages } from "./bench/pages";
import { benchPartitions } from "./bench/partitions";
import { benchRecalc } from "./bench/recalc";
import { benchRestock } from "./bench/restock";
import { benchSync } from "./bench/sync";
import { runCli } from "./cli";

const parts: Record<string, (sizeArgs: string[]) => Promise<void>> = {
  sync: () => benchSync(),
  recalc: (sizeArgs) => benchRecalc(sizeArgs),
  pages: (sizeArgs) => benchPages(sizeArgs),
  partitions: (sizeArgs) => benchPartitions(sizeArgs),
  restock: () => benchRestock(),
};

runCli(async () => {
  const argv = process.argv.slice(2).filter((a) => a !== "--");
  const firstOption = argv.findIndex((a) => a.startsWith("--"));
  const wanted = firstOption < 0 ? argv : argv.slice(0, firstOption);
  const sizeArgs = firstOption < 0 ? [] : argv.slice(firstOption);
  const unknown = wanted.filter((w) => !(w in parts));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark(s): ${unknown.join(", ")}; choose from ${Object.keys(parts).join(", ")}`);
  for (const name of wanted.length > 0 ? wanted : Object.keys(parts)) {
    console.log(`\n### bench: ${name}`);
    await parts[name](sizeArgs);
  }
});
