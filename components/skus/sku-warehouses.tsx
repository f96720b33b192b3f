import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { getSkuWarehouses } from "@/lib/data";

/** Stock per warehouse and the restock advice with every input behind the number. */
export async function SkuWarehouses({ skuId, asOf }: { skuId: number; asOf: string }) {
  const [rows, t, f] = await Promise.all([getSkuWarehouses(skuId, asOf), getTranslations("skus"), getFormatters()]);
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("detail.warehousesEmpty")}</p>;
  return (
    <Table caption={t("detail.warehousesTitle")} data-testid="sku-warehouses">
      <THead>
        <Tr>
          <Th>{t("detail.warehouse")}</Th>
          <Th numeric>{t("detail.onHand")}</Th>
          <Th numeric>{t("detail.inTransit")}</Th>
          <Th>{t("detail.advice", { window: "14 / 28" })}</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((w) => (
          <Tr key={w.warehouseId ?? "none"}>
            <Td>
              <span className="font-medium">{w.warehouseName ?? "—"}</span>
              {w.warehouseKind ? <span className="ml-1 text-xs text-slate-500">{w.warehouseKind}</span> : null}
              {w.stockDay ? (
                <span className="block text-xs text-slate-500">
                  {t("detail.stockDay")} {f.day(w.stockDay)}
                </span>
              ) : null}
            </Td>
            <Td numeric>{f.number(w.onHand)}</Td>
            <Td numeric>{f.number(w.inTransit)}</Td>
            <Td>
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
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
