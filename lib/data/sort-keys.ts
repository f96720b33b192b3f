// The columns the SKU and restock tables sort by, in a module without "server-only": the URL parsing
// (page-params.ts) runs on both sides, the SQL that orders by them (skus.ts, restock.ts) on the server.
/** the velocity (units a day over 7, 14 and 28 days) and stock columns of the SKU table */
export const skuStockColumnIds = ["sv7", "sv14", "sv28", "onHand", "coverDays"] as const;
/** the period's sales figures of a SKU */
const skuSalesSortKeys = ["units", "refunds", "netSales", "payout", "cogs", "profit", "margin"] as const;
export const skuSortKeys = ["article", "name", ...skuSalesSortKeys, ...skuStockColumnIds] as const;
export type SkuSortKey = (typeof skuSortKeys)[number];

/** "urgency" (status, then reorder date) is the restock_advice page index's own order */
export const restockSortKeys = [
  "urgency",
  "reorderDate",
  "quantity",
  "forecast",
  "onHand",
  "lostUnits",
  "article",
] as const;
export type RestockSortKey = (typeof restockSortKeys)[number];
