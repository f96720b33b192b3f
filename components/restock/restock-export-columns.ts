import type { RestockRow } from "@/lib/data/restock";
import type { ExportColumn } from "@/lib/services/export/build-export";

export function restockExportColumns(t: (key: string) => string): ExportColumn<RestockRow>[] {
  return [
    { header: t("columns.article"), value: (r) => r.article },
    { header: t("columns.name"), value: (r) => r.name },
    { header: t("columns.marketplace"), value: (r) => r.marketplace },
    { header: t("columns.externalId"), value: (r) => r.externalId },
    { header: t("columns.warehouse"), value: (r) => r.warehouseName },
    { header: t("columns.window"), type: "number", value: (r) => r.windowDays },
    { header: t("columns.coverDays"), type: "number", value: (r) => r.coverDays },
    { header: t("columns.recommendedQty"), type: "number", value: (r) => r.recommendedQty },
    { header: t("columns.velocity"), type: "number", value: (r) => r.velocity },
    { header: t("columns.demandStd"), type: "number", value: (r) => r.demandStd },
    { header: t("columns.onHand"), type: "number", value: (r) => r.onHand },
    { header: t("columns.inTransit"), type: "number", value: (r) => r.inTransit },
    { header: t("columns.safetyCoeff"), type: "number", value: (r) => r.safetyCoeff },
    { header: t("columns.adviceDay"), value: (r) => r.d },
  ];
}
