"use client";
// Small labels for numbers that may still change: provisional (not settled by the finance report),
// estimated commission, or sold without a cost price.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export function NumberFlags({ isProvisional, isEstimated, isMissingCost }: { isProvisional?: boolean; isEstimated?: boolean; isMissingCost?: boolean }) {
  const t = useTranslations("dashboard");
  if (!isProvisional && !isEstimated && !isMissingCost) return null;
  return (
    <span className="ml-1 inline-flex flex-wrap gap-1 align-middle">
      {isProvisional ? (
        <Badge tone="warning">
          <span title={t("flags.provisionalHelp")}>{t("flags.provisional")}</span>
        </Badge>
      ) : null}
      {isEstimated ? (
        <Badge tone="warning">
          <span title={t("flags.estimatedHelp")}>{t("flags.estimated")}</span>
        </Badge>
      ) : null}
      {isMissingCost ? (
        <Badge tone="danger">
          <span title={t("flags.noCostHelp")}>{t("flags.noCost")}</span>
        </Badge>
      ) : null}
    </span>
  );
}
