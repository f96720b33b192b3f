// npm run emulator -- --seed 1 --skus 50 --days 35 [--warehouses 3] [--port 4010] [--end-date YYYY-MM-DD]
//                     [--rate-limits] [--faults '{"ozonReviewsForbidden":true}']
// Starts the local WB + Ozon emulator and prints the environment that points Sovani at it.
import { startEmulator, type EmulatorFaults } from "@/lib/emulator/server";
import { marketplaceEnvForEmulator } from "@/lib/services/ingestion/config";
import { parseArgs, runCli } from "./cli";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  const num = (name: string, fallback: number) => {
    const v = args[name];
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
    return n;
  };
  const faults = typeof args.faults === "string" ? (JSON.parse(args.faults) as EmulatorFaults) : undefined;
  const emulator = await startEmulator({
    seed: num("seed", 1),
    skus: num("skus", 50),
    days: num("days", 35),
    warehouses: num("warehouses", 3),
    port: num("port", 4010),
    host: typeof args.host === "string" ? args.host : "127.0.0.1",
    endDate: typeof args["end-date"] === "string" ? args["end-date"] : undefined,
    rateLimits: args["rate-limits"] === true,
    faults,
  });
  const t = emulator.truth;
  console.log(
    `Emulator listening on ${emulator.url} (data ${t.from}..${t.to}; ${t.wb.skuCount} WB and ${t.ozon.skuCount} Ozon SKUs)\n`,
  );
  console.log("Point Sovani at it with:\n");
  for (const [name, value] of Object.entries(marketplaceEnvForEmulator(emulator))) {
    console.log(`export ${name}=${value}`);
  }
  console.log(`\nthen: npm run sync -- --from ${t.from} --to ${t.to}\nCtrl+C stops the emulator.`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await emulator.stop();
  return 0;
});
