// The marketplace client a store's replies go through, with the store's own credentials.
import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { ResilienceOptions } from "@/lib/marketplaces/http/base-client";
import { OzonClient } from "@/lib/marketplaces/ozon/client";
import { WbClient } from "@/lib/marketplaces/wb/client";
import { listSyncableAccounts } from "@/lib/services/accounts/ensure-env-accounts";
import { type MarketplaceConfig, marketplaceConfigFromEnv } from "@/lib/services/ingestion/config";

export type ReplyClient = { marketplace: "WB"; client: WbClient } | { marketplace: "OZON"; client: OzonClient };

export interface OpenReplyClientOptions {
  accountId: number;
  config?: MarketplaceConfig;
  resilience?: ResilienceOptions;
}

export async function openReplyClient(db: Db, options: OpenReplyClientOptions): Promise<ReplyClient> {
  const config = options.config ?? marketplaceConfigFromEnv();
  const account = (await listSyncableAccounts(db, config)).find((a) => a.id === options.accountId);
  if (!account?.credentials) throw new AppError("CONFLICT", "errors.replyStoreUnavailable");
  const resilience = { rateLimits: config.rateLimits, ...options.resilience };
  return account.credentials.marketplace === "WB"
    ? { marketplace: "WB", client: new WbClient(account.credentials.token, config.wbUrls, resilience) }
    : {
        marketplace: "OZON",
        client: new OzonClient(account.credentials.clientId, account.credentials.apiKey, config.ozonUrl, resilience),
      };
}
