import { getTranslations } from "@/lib/i18n/server";
import { Badge } from "@/components/ui";
import { ConnectionBadge } from "@/components/stores/connection-state";
import type { StoreListItem } from "@/lib/data/stores";
import { messageOr } from "@/lib/i18n/runtime-keys";

/** The store's connection state, the same as on the Sync page (a key never accepted is "not verified"). */
export async function StoreStatusBadge({
  store,
}: {
  store: Pick<StoreListItem, "status" | "statusDetail" | "isActive" | "verifiedAt">;
}) {
  return <ConnectionBadge store={store} />;
}

export async function StoreSourceBadge({ source }: { source: StoreListItem["source"] }) {
  const t = await getTranslations("settings.stores");
  const label = source === "env" ? t("sourceEnv") : source === "demo" ? t("sourceDemo") : t("sourceUi");
  return <Badge tone={source === "env" ? "info" : "neutral"}>{label}</Badge>;
}

export async function statusDetailText(detail: string | null): Promise<string | null> {
  if (!detail) return null;
  const t = await getTranslations("settings.stores");
  return messageOr(t, `statusDetail.${detail}`, detail);
}
