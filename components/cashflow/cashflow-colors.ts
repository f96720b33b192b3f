import type { CashflowType } from "@/db/schema/facts";

/** Display order and colour of each cash flow type. */
export const cashflowSeries: { key: CashflowType; color: string }[] = [
  { key: "sale_payout", color: "#059669" },
  { key: "compensation", color: "#10b981" },
  { key: "logistics", color: "#f59e0b" },
  { key: "storage", color: "#d97706" },
  { key: "acceptance", color: "#b45309" },
  { key: "advertising", color: "#8b5cf6" },
  { key: "penalty", color: "#dc2626" },
  { key: "acquiring", color: "#64748b" },
  { key: "deduction_other", color: "#94a3b8" },
  { key: "other", color: "#cbd5e1" },
  { key: "financing", color: "#0ea5e9" },
];
