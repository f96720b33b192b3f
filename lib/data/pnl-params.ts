// The P&L page's own URL parameters (besides store and period): marketplace, the allocation rule of
// store-level lines, the line whose SKUs are listed and that list's page. Pure: the page and its
// export route parse the URL with the same function.
import type { Marketplace } from "@/db/schema";
import { type AllocationRule, DEFAULT_ALLOCATION_RULE, isAllocationRule } from "@/lib/domain/allocation";
import { PNL_LINES } from "@/lib/domain/pnl-lines";
import { param, parseTableParams, type SearchParamsRecord } from "./table-params";

/** Rows of the statement a drill-down can open (kept here as a plain list so this file stays pure). */
export const PNL_DRILL_LINES = [...PNL_LINES, "net_sales", "payout", "cogs", "gross_profit"] as const;
export type PnlDrillKey = (typeof PNL_DRILL_LINES)[number];

export interface PnlQuery {
  marketplace?: Marketplace;
  /** how store-level lines are spread over SKUs in the drill-down (default: by net sales) */
  allocation: AllocationRule;
  /** the line whose SKUs are listed; undefined: no drill-down */
  line?: PnlDrillKey;
  page: number;
  pageSize: number;
}

export function parsePnlQuery(params: SearchParamsRecord): PnlQuery {
  const mp = param(params, "mp");
  const alloc = param(params, "alloc");
  const line = param(params, "line");
  const table = parseTableParams(params, { sortKeys: ["amount"], defaultSort: "amount" });
  return {
    marketplace: mp === "WB" || mp === "OZON" ? mp : undefined,
    allocation: isAllocationRule(alloc) ? alloc : DEFAULT_ALLOCATION_RULE,
    line: line && (PNL_DRILL_LINES as readonly string[]).includes(line) ? (line as PnlDrillKey) : undefined,
    page: table.page,
    pageSize: table.pageSize,
  };
}
