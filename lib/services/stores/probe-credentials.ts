// Checks a token before it is saved: one cheap authenticated call, classified into what the settings
// page can tell the user. The token is never logged (the base client registers it as a secret).
import type { ResilienceOptions } from "@/lib/marketplaces/http/base-client";
import { AuthError } from "@/lib/marketplaces/http/errors";
import { OzonClient } from "@/lib/marketplaces/ozon/client";
import { WbClient } from "@/lib/marketplaces/wb/client";
import { type MarketplaceConfig, marketplaceConfigFromEnv } from "@/lib/services/ingestion/config";

export type TestStoreConnectionInput =
  { marketplace: "WB"; token: string } | { marketplace: "OZON"; clientId: string; apiKey: string };
export type TestStoreConnectionResult =
  { ok: true } | { ok: false; reason: "bad_token" | "missing_scope" | "unreachable"; detail: string };

export async function probeCredentials(
  input: TestStoreConnectionInput,
  options: { config?: MarketplaceConfig; resilience?: ResilienceOptions } = {},
): Promise<TestStoreConnectionResult> {
  const config = options.config ?? marketplaceConfigFromEnv();
  const resilience: ResilienceOptions = {
    timeoutMs: 10_000,
    maxAttempts: 2,
    initialDelayMs: 300,
    ...options.resilience,
  };
  try {
    if (input.marketplace === "WB") {
      // statistics is the category every Sovani token needs; /ping checks the token for that host
      await new WbClient(input.token, config.wbUrls, resilience).ping("statistics");
    } else {
      await new OzonClient(input.clientId, input.apiKey, config.ozonUrl, resilience).productList("");
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) {
      return { ok: false, reason: error.reason === "bad_token" ? "bad_token" : "missing_scope", detail: error.message };
    }
    return { ok: false, reason: "unreachable", detail: (error as Error).message };
  }
}
