// Which SKU table columns a user may hide or show (the column chooser) and which show by default, so
// the table fits 1440 px with stock and cover visible. No "server-only": the chooser, the action's
// schema and the page read the same list.
import { skuStockColumnIds } from "./sort-keys";

export const skuOptionalColumnIds = [
  ...(["refunds", "payout", "cogs", "profit", "margin", "costCoverage"] as const),
  ...skuStockColumnIds,
] as const;
export type SkuOptionalColumnId = (typeof skuOptionalColumnIds)[number];

export const defaultSkuColumns: readonly SkuOptionalColumnId[] = ["profit", "margin", "sv14", "onHand", "coverDays"];

/** A stored choice as the page uses it: known ids only, the default when there is none. */
export function skuColumnChoice(stored: unknown): SkuOptionalColumnId[] {
  if (!Array.isArray(stored)) return [...defaultSkuColumns];
  return skuOptionalColumnIds.filter((id) => stored.includes(id));
}
