// The two kinds of facts the marketplaces report, at the level they report them. Mappers turn one raw
// record into these; ingestion writes them typed to order_lines and finance_lines; metrics are derived
// from those tables in SQL. A finance line settles the order line it describes (same order key, SKU
// and direction), whatever day each is dated, so nothing is counted twice.
import type Decimal from "decimal.js";
import type { PnlLine } from "@/lib/domain/pnl-lines";

export interface WarehouseRef {
  code: string;
  name: string;
  kind: "FBO" | "FBS";
}

/** One line of a marketplace's operational order feed (WB sales feed row, Ozon posting x SKU). */
export interface OrderLineFact {
  /** unique per store: WB saleID, Ozon `${posting_number}/${sku}` */
  key: string;
  /** joins the finance lines that settle it: WB srid, Ozon posting_number */
  orderKey: string;
  /** business day of the event (WB: the sale/return time; Ozon: in_process_at) */
  d: string;
  /** sale and return count as provisional sales until settled; order and cancellation never do */
  kind: "sale" | "return" | "order" | "cancellation";
  sku: string;
  article: string | null;
  warehouse: WarehouseRef;
  channel: "FBO" | "FBS";
  /** units, positive */
  qty: number;
  /** the seller's price for all units of the line (WB priceWithDisc, Ozon price x quantity), positive */
  amount: Decimal;
  /**
   * the marketplace's deduction the feed itself states, positive (WB priceWithDisc - forPay, which
   * holds commission and acquiring; Ozon financial_data commission); null when the feed does not say
   */
  feedCommission: Decimal | null;
  /** record version (WB lastChangeDate), newer wins */
  version: string | null;
  /**
   * Lines that are orders (WB orders / order feed by srid, Ozon posting x SKU) say when the order was
   * placed (ISO instant); absent for lines that are not orders (WB sales-feed rows). daily_orders counts these.
   */
  orderedAt?: string | null;
  /** the order's fate as the feed states it; null while open or when the feed does not say */
  outcome?: "buyout" | "return" | "cancel" | null;
  /** the buyer's region or city, as the feed names it */
  buyerRegion?: string | null;
  /** the buyer's federal district normalised ("Центральный"), or the country outside Russia */
  buyerDistrict?: string | null;
}

/**
 * One federal district name whatever the feed's spelling: WB orders send "Центральный федеральный
 * округ", the order feed "Центральный"; outside Russia the country stands for the district.
 */
export function normaliseDistrict(district: string | null | undefined, country?: string | null): string | null {
  const c = country?.trim();
  if (c && c !== "Россия" && c !== "Russia") return c;
  const d = district
    ?.trim()
    .replace(/\s+федеральный округ$/i, "")
    .replace(/\s+ФО$/, "");
  return d ? d : null;
}

export interface FinanceLinePart {
  line: PnlLine;
  /** signed from the seller's view */
  amount: Decimal;
}

/** One finance line (WB report line, Ozon accrual for one SKU or for the store), split into P&L lines. */
export interface FinanceLineFact {
  /** unique per store: WB rrdId, Ozon `${accrual_id}/${sku}` or `${accrual_id}` for a store-level part */
  key: string;
  /** business day the money belongs to (WB rrDate, Ozon accrual date) */
  d: string;
  /** WB reportId (the weekly/daily report the line belongs to); null for Ozon */
  reportId: string | null;
  /** the order line(s) it settles: WB srid, Ozon posting_number; null for service lines */
  orderKey: string | null;
  /** null for store-level lines (storage, deductions, subscriptions) */
  sku: string | null;
  article: string | null;
  /** null when the line does not say (Ozon accruals); ingestion may borrow the posting's */
  warehouse: WarehouseRef | null;
  channel: "FBO" | "FBS" | null;
  /** the direction of goods it settles: a sale, a return, or none (fees, services) */
  settles: "sale" | "return" | null;
  /**
   * units sold (settles sale) or returned (settles return); negative when the line reverses earlier
   * units (a storno of sales or of returns); 0 when it settles nothing
   */
  qty: number;
  /** the marketplace's own name for the operation: WB `sellerOperName[: bonusTypeName]`, Ozon type ids */
  sourceType: string;
  /** the P&L lines it carries; parts of one line are summed; zero parts left out */
  parts: FinanceLinePart[];
  /** what the mapping did not know (an unknown operation kept as deductions_other), for the sync page */
  warnings: string[];
}
