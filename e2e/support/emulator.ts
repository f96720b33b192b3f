// Runs the marketplace emulator for the e2e server (a test double of WB and Ozon; no product code
// path knows about it, the server just gets its URL). Prints one JSON line, then serves until killed.
import { startEmulator } from "@/lib/emulator/server";

async function main() {
  const emulator = await startEmulator({
    seed: 7,
    skus: 6,
    days: 20,
    warehouses: 2,
    malformed: true,
    host: "127.0.0.1",
    port: 0,
  });
  process.stdout.write(
    `${JSON.stringify({ url: emulator.url, wbToken: emulator.wbToken, wbReadOnlyToken: emulator.wbReadOnlyToken, ozonClientId: emulator.ozonClientId, ozonApiKey: emulator.ozonApiKey })}\n`,
  );
  const stop = () => emulator.stop().finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
