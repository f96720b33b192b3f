// GET /restock/plans/<id>/export: one supply plan as XLSX with the columns sellers paste into a
// marketplace supply (article, marketplace id, name, quantity, case pack, boxes).
import { getTranslations } from "@/lib/i18n/server";
import { buildExport, downloadResponse, getSupplyPlanForExport } from "@/lib/data/exports";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const planId = /^[1-9]\d{0,9}$/.test(id) ? Number(id) : NaN;
  if (!Number.isInteger(planId) || planId > 2_147_483_647) return new Response("Not found", { status: 404 });
  const found = await getSupplyPlanForExport(planId);
  if (found === null) return new Response("Unauthorized", { status: 401 });
  if (found === undefined) return new Response("Not found", { status: 404 });
  const t = await getTranslations("restock");
  const file = await buildExport({
    format: "xlsx",
    sheetName: t("plans.sheet"),
    rows: found.lines,
    columns: [
      { header: t("plans.columns.article"), value: (r) => r.article },
      { header: t("plans.columns.externalId"), value: (r) => r.externalId },
      { header: t("plans.columns.name"), value: (r) => r.name },
      { header: t("plans.columns.qty"), type: "number", value: (r) => r.qty },
      { header: t("plans.columns.casePack"), type: "number", value: (r) => r.casePack },
      { header: t("plans.columns.boxes"), type: "number", value: (r) => r.boxes },
    ],
  });
  return downloadResponse(file, `supply-plan-${planId}`);
}
