// The P&L vocabulary: every line a seller's money passes through, each a signed amount from the
// seller's view (money the marketplace owes the seller is positive, what it keeps is negative).
// Finance lines (WB detailed report, Ozon accruals) are classified into these; metrics, the P&L
// statement, the CLI and reconciliation all speak them, in this order.

export const PNL_LINES = [
  /** goods sold at the seller's price (WB retailPriceWithDisc, Ozon sale_amount): positive */
  "sales",
  /** goods returned, at the price they sold for: negative */
  "returns",
  /** the marketplace's sales commission (WB: the forPay gap less acquiring; Ozon: SaleCommission) */
  "commission",
  /** payment processing */
  "acquiring",
  /** delivery to the buyer and back, reverse logistics, their corrections and storno */
  "logistics",
  /** paid storage */
  "storage",
  /** paid acceptance / processing of supplies */
  "acceptance",
  /** fines */
  "penalties",
  /** the marketplace's own deductions for its advertising (WB "ВБ.Продвижение", Ozon promotion) */
  "advertising",
  /** every other deduction, unknown operation types included (kept with their name, never dropped) */
  "deductions_other",
  /** compensations the marketplace pays (lost or damaged goods, voluntary compensation): income */
  "compensations",
  /** loyalty, cashback and instalment programmes (WB cashback*, installmentCofinancingAmount; Ozon points) */
  "loyalty",
] as const;
export type PnlLine = (typeof PNL_LINES)[number];

/** The goods lines and the money the marketplace pays back: income by nature */
const INCOME_LINES: readonly PnlLine[] = ["sales", "returns", "compensations", "loyalty"];
/** Lines that are costs by nature (normally negative); the others are income (normally positive) */
export const COST_LINES: readonly PnlLine[] = PNL_LINES.filter((line) => !INCOME_LINES.includes(line));

export function isPnlLine(value: string): value is PnlLine {
  return (PNL_LINES as readonly string[]).includes(value);
}

/** One fragment per line, in line order, joined: SQL column lists and sums over the twelve line columns. */
export function eachLine(fragment: (line: PnlLine) => string, separator = ", "): string {
  return PNL_LINES.map(fragment).join(separator);
}

/** `a.sales + a.returns + ...`: the payout of a row holding the twelve line columns. */
export function sumOfLines(alias: string): string {
  return eachLine((line) => `${alias}.${line}`, " + ");
}

/** Every figure of the statement that the comparison shows as a row: the twelve lines, then the totals. */
export const PNL_ROWS = [...PNL_LINES, "net_sales", "payout", "cogs", "gross_profit"] as const;
export type PnlRow = (typeof PNL_ROWS)[number];

/** The amounts of a P&L statement (lib/services/pnl/statement.ts) that its rows show. */
export interface PnlRowAmounts {
  lines: Record<PnlLine, { total: string }>;
  netSales: string;
  payout: string;
  cogs: string;
  grossProfit: string;
}

/** The amount of one row of the statement. */
export function rowAmount(statement: PnlRowAmounts, row: PnlRow): string {
  switch (row) {
    case "net_sales":
      return statement.netSales;
    case "payout":
      return statement.payout;
    case "cogs":
      return statement.cogs;
    case "gross_profit":
      return statement.grossProfit;
    default:
      return statement.lines[row].total;
  }
}
