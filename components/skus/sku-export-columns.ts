// Columns of the SKUs export (same figures as the table; numbers stay numbers).
import type { ExportColumn } from "@/lib/services/export/build-export";
import type { SkuRow } from "@/lib/data/skus";

export function skuExportColumns(t: (key: string) => string): ExportColumn<SkuRow>[] {
  return [
    { header: t("columns.article"), value: (r) => r.article },
    { header: t("columns.name"), value: (r) => r.name },
    { header: t("columns.marketplace"), value: (r) => r.marketplace },
    { header: t("columns.externalId"), value: (r) => r.externalId },
    { header: t("columns.brand"), value: (r) => r.brand },
    { header: t("columns.category"), value: (r) => r.category },
    { header: t("columns.units"), type: "number", value: (r) => r.units },
    { header: t("columns.refunds"), type: "number", value: (r) => r.refunds },
    { header: t("columns.netSales"), type: "number", value: (r) => r.netSales },
    { header: t("columns.payout"), type: "number", value: (r) => r.payout },
    { header: t("columns.cogs"), type: "number", value: (r) => r.cogs },
    { header: t("columns.profit"), type: "number", value: (r) => r.profit },
    { header: t("columns.margin"), type: "number", value: (r) => r.margin },
    { header: t("columns.sv7"), type: "number", value: (r) => r.sv7 },
    { header: t("columns.sv14"), type: "number", value: (r) => r.sv14 },
    { header: t("columns.sv28"), type: "number", value: (r) => r.sv28 },
    { header: t("columns.onHand"), type: "number", value: (r) => r.onHand },
    { header: t("columns.coverDays"), type: "number", value: (r) => r.coverDays },
    { header: t("columns.provisional"), value: (r) => (r.isProvisional ? t("yes") : "") },
    { header: t("columns.estimated"), value: (r) => (r.hasEstimatedCommission ? t("yes") : "") },
    { header: t("columns.noCost"), value: (r) => (r.isMissingCost ? t("yes") : "") },
  ];
}
