import { getTranslations } from "@/lib/i18n/server";
import { Badge } from "@/components/ui";
import type { StoreListItem } from "@/lib/data/stores";

export async function StoreStatusBadge({
  store,
}: {
  store: Pick<StoreListItem, "status" | "statusDetail" | "isActive">;
}) {
  const t = await getTranslations("settings.stores");
  if (!store.isActive) return <Badge tone="neutral">{t("inactive")}</Badge>;
  return store.status === "ok" ? (
    <Badge tone="success">{t("statusOk")}</Badge>
  ) : (
    <Badge tone="danger">{t("statusAttention")}</Badge>
  );
}

export async function StoreSourceBadge({ source }: { source: StoreListItem["source"] }) {
  const t = await getTranslations("settings.stores");
  const label = source === "env" ? t("sourceEnv") : source === "demo" ? t("sourceDemo") : t("sourceUi");
  return <Badge tone={source === "env" ? "info" : "neutral"}>{label}</Badge>;
}

export async function statusDetailText(detail: string | null): Promise<string | null> {
  if (!detail) return null;
  const t = await getTranslations("settings.stores");
  return t.has(`statusDetail.${detail}` as never) ? t(`statusDetail.${detail}` as never) : detail;
}
