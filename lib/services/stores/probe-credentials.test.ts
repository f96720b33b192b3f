import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "@/lib/emulator/server";
import { marketplaceConfigForEmulator } from "@/lib/services/ingestion/config";
import { probeCredentials } from "./probe-credentials";

describe("probeCredentials against the emulator", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 3, skus: 2, days: 2, warehouses: 1, endDate: "2026-11-20" });
  });
  afterAll(async () => emulator?.stop());
  const options = () => ({
    config: marketplaceConfigForEmulator(emulator),
    resilience: { rateLimits: false, initialDelayMs: 5 },
  });

  it("accepts good credentials", async () => {
    expect(await probeCredentials({ marketplace: "WB", token: emulator.wbToken }, options())).toEqual({ ok: true });
    expect(
      await probeCredentials(
        { marketplace: "OZON", clientId: emulator.ozonClientId, apiKey: emulator.ozonApiKey },
        options(),
      ),
    ).toEqual({ ok: true });
  });

  it("names a rejected token, with one request and without echoing it", async () => {
    const before = emulator.requests.length;
    const wb = await probeCredentials({ marketplace: "WB", token: "wrong-token-123456" }, options());
    expect(wb).toMatchObject({ ok: false, reason: "bad_token" });
    expect(JSON.stringify(wb)).not.toContain("wrong-token-123456");
    expect(emulator.requests.length - before).toBe(1);
    expect(
      await probeCredentials(
        { marketplace: "OZON", clientId: emulator.ozonClientId, apiKey: "bad-key-123456" },
        options(),
      ),
    ).toMatchObject({ ok: false, reason: "bad_token" });
  });

  it("reports an unreachable host", async () => {
    const config = { ...marketplaceConfigForEmulator(emulator), ozonUrl: "http://127.0.0.1:9" };
    const result = await probeCredentials(
      { marketplace: "OZON", clientId: "1", apiKey: "k" },
      { config, resilience: { maxAttempts: 1 } },
    );
    expect(result).toMatchObject({ ok: false, reason: "unreachable" });
  });
});
