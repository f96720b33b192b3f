// npm run bench [-- sync|recalc|pages|restock ...] — runs the benchmarks (all by default) and prints their numbers.
// They compare ratios measured in one run (the machines are shared and noisy); nothing here asserts a time.
import { benchPages } from "./bench/pages";
import { benchRecalc } from "./bench/recalc";
import { benchRestock } from "./bench/restock";
import { benchSync } from "./bench/sync";
import { runCli } from "./cli";

const parts: Record<string, () => Promise<void>> = {
  sync: () => benchSync(),
  recalc: () => benchRecalc(),
  pages: () => benchPages(),
  restock: () => benchRestock(),
};

runCli(async () => {
  const wanted = process.argv.slice(2).filter((a) => a !== "--");
  const unknown = wanted.filter((w) => !(w in parts));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark(s): ${unknown.join(", ")}; choose from ${Object.keys(parts).join(", ")}`);
  for (const name of wanted.length > 0 ? wanted : Object.keys(parts)) {
    console.log(`\n### bench: ${name}`);
    await parts[name]();
  }
});
