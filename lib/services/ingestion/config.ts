// Where the marketplaces are and which stores the environment defines. Read from lib/env.ts by
// default; tests, the demo and benchmarks pass their own (an emulator's URLs and tokens).
import { getEnv } from "@/lib/env";
import type { WbUrls } from "@/lib/marketplaces/wb/client";

export interface MarketplaceConfig {
  wbToken?: string;
  ozonClientId?: string;
  ozonApiKey?: string;
  wbUrls: WbUrls;
  ozonUrl: string;
  timeZone: string;
  /** false: no client-side rate limiting (only for the local emulator) */
  rateLimits?: boolean;
}

export function marketplaceConfigFromEnv(): MarketplaceConfig {
  const e = getEnv();
  return {
    wbToken: e.WB_API_TOKEN,
    ozonClientId: e.OZON_CLIENT_ID,
    ozonApiKey: e.OZON_API_KEY,
    wbUrls: {
      statistics: e.WB_STATISTICS_API_URL,
      analytics: e.WB_ANALYTICS_API_URL,
      finance: e.WB_FINANCE_API_URL,
      feedbacks: e.WB_FEEDBACKS_API_URL,
      content: e.WB_CONTENT_API_URL,
    },
    ozonUrl: e.OZON_API_URL,
    timeZone: e.APP_TIMEZONE,
    rateLimits: e.MARKETPLACE_RATE_LIMITS !== "off",
  };
}

/** Every WB API host at one base URL (an emulator or a fixture server serves them all). */
export function wbUrlsAt(url: string): WbUrls {
  return { statistics: url, analytics: url, finance: url, feedbacks: url, content: url };
}

type EmulatorAddress = { url: string; wbToken: string; ozonClientId: string; ozonApiKey: string };

/** Every WB host and Ozon at one base URL (the emulator serves them all); no client-side pacing for a local server. */
export function marketplaceConfigForEmulator(emulator: EmulatorAddress, timeZone = "Europe/Moscow"): MarketplaceConfig {
  return {
    wbToken: emulator.wbToken,
    ozonClientId: emulator.ozonClientId,
    ozonApiKey: emulator.ozonApiKey,
    wbUrls: wbUrlsAt(emulator.url),
    ozonUrl: emulator.url,
    timeZone,
    rateLimits: false,
  };
}

/** The same addresses and credentials as environment variables, for a Sovani process started beside an emulator. */
export function marketplaceEnvForEmulator(emulator: EmulatorAddress): Record<string, string> {
  return {
    WB_STATISTICS_API_URL: emulator.url,
    WB_ANALYTICS_API_URL: emulator.url,
    WB_FINANCE_API_URL: emulator.url,
    WB_FEEDBACKS_API_URL: emulator.url,
    WB_CONTENT_API_URL: emulator.url,
    OZON_API_URL: emulator.url,
    WB_API_TOKEN: emulator.wbToken,
    OZON_CLIENT_ID: emulator.ozonClientId,
    OZON_API_KEY: emulator.ozonApiKey,
  };
}
