import Link from "next/link";
import { MarketplaceFigureLine } from "@/components/restock/marketplace-figures";
import { locationLabel, STATUS_TONE } from "@/components/restock/restock-columns";
import { HeaderRow, Table, TBody, Td, Tr } from "@/components/ui";
import { getSkuRestock, getSkuWarehouses } from "@/lib/data";
import { getFormatters, getTranslations } from "@/lib/i18n/server";
import { runtimeKeys } from "@/lib/i18n/runtime-keys";

/**
 * The SKU's latest stock per warehouse, and its restock plan per location (the restock page's rows for
 * this SKU: status, reorder date, quantity, lost sales), each linking to the drawer that explains it.
 */
export async function SkuWarehouses({ skuId, asOf }: { skuId: number; asOf: string }) {
  const [stock, plan, t, tr, f] = await Promise.all([
    getSkuWarehouses(skuId, asOf),
    getSkuRestock(skuId, asOf),
    getTranslations("skus"),
    getTranslations("restock"),
    getFormatters(),
  ]);
  const trs = runtimeKeys(tr);
  return (
    <div className="space-y-4">
      {stock.length === 0 ? (
        <p className="text-sm text-slate-600">{t("detail.warehousesEmpty")}</p>
      ) : (
        <Table caption={t("detail.warehousesTitle")} data-testid="sku-warehouses">
          <HeaderRow
            headers={[
              t("detail.warehouse"),
              { label: t("detail.onHand"), numeric: true },
              { label: t("detail.inbound"), numeric: true },
              { label: t("detail.withBuyers"), numeric: true },
            ]}
          />
          <TBody>
            {stock.map((w) => (
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
                <Td numeric>{f.number(w.inbound)}</Td>
                <Td numeric>{f.number(w.withBuyers)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {plan.length === 0 ? (
        <p className="text-sm text-slate-600">{t("detail.restockEmpty")}</p>
      ) : (
        <Table caption={t("detail.restockTitle", { day: f.day(plan[0].d) })} data-testid="sku-restock">
          <HeaderRow
            headers={[
              tr("columns.location"),
              tr("columns.status"),
              tr("columns.reorderDate"),
              { label: tr("columns.quantity"), numeric: true },
              { label: tr("columns.forecast"), numeric: true },
              { label: tr("columns.lostUnits"), numeric: true },
              { label: tr("columns.lostRevenue"), numeric: true },
              { label: tr("columns.lostProfit"), numeric: true },
              t("detail.explain"),
            ]}
          />
          <TBody>
            {plan.map((r) => (
              <Tr key={r.id} data-testid={`sku-restock-${r.id}`}>
                <Td>{locationLabel(trs, r)}</Td>
                <Td>
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_TONE[r.status]}`}>
                    {trs(`status.${r.status}`)}
                  </span>
                </Td>
                <Td>{r.reorderDate ? f.day(r.reorderDate) : "—"}</Td>
                <Td numeric>
                  <span className="font-semibold">{f.number(r.quantity)}</span>
                  <MarketplaceFigureLine row={r} kind="supply" t={trs} f={f} />
                </Td>
                <Td numeric>{r.forecast === null ? tr("notObserved") : f.number(r.forecast, 2)}</Td>
                <Td numeric>
                  {f.number(r.lostUnits, 1)}
                  <MarketplaceFigureLine row={r} kind="lost" t={trs} f={f} />
                </Td>
                <Td numeric>{f.rub(r.lostRevenue)}</Td>
                <Td numeric>{f.rub(r.lostProfit)}</Td>
                <Td>
                  <Link className="text-indigo-700 underline" href={`/restock?advice=${r.id}`}>
                    {t("detail.explainLink")}
                  </Link>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
