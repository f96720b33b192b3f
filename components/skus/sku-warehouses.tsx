import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { getSkuWarehouses } from "@/lib/data";

/** Stock per warehouse and the restock advice with every input behind the number. */
export async function SkuWarehouses({ skuId, asOf }: { skuId: number; asOf: string }) {
  const [rows, t, f] = await Promise.all([getSkuWarehouses(skuId, asOf), getTranslations("skus"), getFormatters()]);
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("detail.warehousesEmpty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="sku-warehouses">
        <caption className="sr-only">{t("detail.warehousesTitle")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase text-slate-600">
              {t("detail.warehouse")}
            </th>
            <th scope="col" className="px-3 py-2 text-right text-xs font-semibold uppercase text-slate-600">
              {t("detail.onHand")}
            </th>
            <th scope="col" className="px-3 py-2 text-right text-xs font-semibold uppercase text-slate-600">
              {t("detail.inTransit")}
            </th>
            <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase text-slate-600">
              {t("detail.advice", { window: "14 / 28" })}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((w) => (
            <tr key={w.warehouseId ?? "none"}>
              <td className="px-3 py-2 align-top">
                <span className="font-medium">{w.warehouseName ?? "—"}</span>
                {w.warehouseKind ? <span className="ml-1 text-xs text-slate-500">{w.warehouseKind}</span> : null}
                {w.stockDay ? (
                  <span className="block text-xs text-slate-500">
                    {t("detail.stockDay")} {f.day(w.stockDay)}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-right align-top tabular-nums">{f.number(w.onHand)}</td>
              <td className="px-3 py-2 text-right align-top tabular-nums">{f.number(w.inTransit)}</td>
              <td className="px-3 py-2 align-top">
                {w.advice.length === 0 ? (
                  "—"
                ) : (
                  <ul className="space-y-2">
                    {w.advice.map((a) => (
                      <li key={a.windowDays} data-testid={`advice-${a.windowDays}`}>
                        <span className="font-medium">{t("detail.advice", { window: a.windowDays })}:</span>{" "}
                        <span className="font-semibold tabular-nums">
                          {t("detail.recommended")} {f.number(a.recommendedQty)}
                        </span>
                        <span className="block text-xs text-slate-600">
                          {t("detail.inputs", {
                            velocity: f.number(a.velocity, 2),
                            std: f.number(a.demandStd, 2),
                            coeff: f.number(a.safetyCoeff, 2),
                            onHand: f.number(a.onHand),
                            inTransit: f.number(a.inTransit),
                          })}
                        </span>
                        <span className="block text-xs text-slate-500">{t("detail.formula")}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
